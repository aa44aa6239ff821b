/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  D: () => (/* reexport */ DataContractError),
  N: () => (/* reexport */ TransientError)
});

;// CONCATENATED MODULE: ./src/errors.ts
// Every error pipewright raises on purpose lives here. The edges (CLI, actions)
// map them to exit codes, annotations and failure classes; anything else is a bug.
/** Bad flags or action inputs: exit 2, one line, nothing done. */
class UsageError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'UsageError';
}
/** A problem in a user's pipeline.yml, located at file:line:col. */
class ContractError extends Error {
    name = 'ContractError';
    file;
    line;
    col;
    constructor(message, file, line, col) {
        super(message);
        this.file = file;
        this.line = line;
        this.col = col;
    }
}
/**
 * The workspace's stored state cannot be used as it is (a corrupt run record, a file
 * where pipewright keeps a folder, a read-only data root): one line naming the file
 * and the fix, exit 1. Nothing is written until it is fixed.
 */
class StateError extends Error {
    name = 'StateError';
    file;
    constructor(message, file) {
        super(message);
        this.file = file;
    }
}
/** Thrown by task code for a failure worth retrying (HTTP 503, a timeout upstream, a lock). */
class TransientError extends Error {
    name = 'TransientError';
}
/** Thrown by task code when the data breaks its contract: never retried, nothing published. */
class DataContractError extends Error {
    name = 'DataContractError';
}
/** The reason an attempt's signal carries when its timeout passed. */
class AttemptTimeoutError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'TimeoutError';
}
/** Another run holds the partition; the caller should report it busy, not failed. */
class PartitionBusyError extends Error {
    name = 'PartitionBusyError';
    dagId;
    partition;
    holder;
    constructor(dagId, partition, holder) {
        super(`partition ${dagId}/${partition} is busy: run ${holder} holds it`);
        this.dagId = dagId;
        this.partition = partition;
        this.holder = holder;
    }
}
/** Classifies anything a task threw. Errors from other copies of this module are matched by name. */
function classifyError(error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TransientError')
        return 'transient';
    if (name === 'DataContractError')
        return 'data';
    if (name === 'TimeoutError' || name === 'AbortError')
        return 'timeout';
    return 'code';
}
/** One message from any thrown value, without a stack for the errors we raise on purpose. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** True for the mistakes a user makes (shown as one line), false for bugs (shown with a stack). */
function isUserError(error) {
    return (error instanceof UsageError ||
        error instanceof ContractError ||
        error instanceof PartitionBusyError ||
        error instanceof StateError);
}
/** The CLI's exit code for a user error: 1 for state to repair (the input was fine), 2 for bad input. */
function userErrorExitCode(error) {
    return error instanceof StateError ? 1 : 2;
}

;// CONCATENATED MODULE: ./src/index.ts
// The public entry of the `pipewright` package: what task code needs, nothing internal.
// Handlers import the types (`import type { TaskContext } from 'pipewright'`); the error
// classes are values too, matched by name, so a copy from the package classifies like ctx.errors.


var __webpack_exports__DataContractError = __webpack_exports__.D;
var __webpack_exports__TransientError = __webpack_exports__.N;
export { __webpack_exports__DataContractError as DataContractError, __webpack_exports__TransientError as TransientError };
