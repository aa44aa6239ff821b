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
class UsageError extends Error {
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
class AttemptTimeoutError extends Error {
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
/** A live lease is held by someone else: the caller should report it busy (exit 1), not failed. */
class LeaseHeldError extends Error {
    name = 'LeaseHeldError';
    /** The lease object, as the store names it. */
    where;
    current;
    constructor(where, current) {
        super(`${where} is held by run ${describeLeaseHolder(current)}`);
        this.where = where;
        this.current = current;
    }
}
/** `run-1 (pid 42 on runner-3) until 2026-05-02T06:01:00.000Z`: who holds a lease, in one phrase. */
function describeLeaseHolder(current) {
    return `${current.holder} (pid ${current.pid} on ${current.host}) until ${current.expiresAt}`;
}
/** A lease we held was taken over, or could not be renewed before it expired: the run must stop writing. */
class LeaseLostError extends Error {
    name = 'LeaseLostError';
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
/** True for what one line explains (mistakes, busy partitions, an unreachable service); false for bugs (shown with a stack). */
function isUserError(error) {
    return (error instanceof UsageError ||
        error instanceof ContractError ||
        error instanceof PartitionBusyError ||
        error instanceof LeaseHeldError ||
        error instanceof StateError ||
        // Outside a task (a bucket unreachable at start): the network, not a bug; its message says what to check.
        error instanceof TransientError);
}
/** The CLI's exit code for a user error: 1 for state to repair (the input was fine), 2 for bad input. */
function userErrorExitCode(error) {
    return error instanceof StateError || error instanceof LeaseHeldError || error instanceof TransientError ? 1 : 2;
}
const THROWN_CLASSES = {
    UsageError,
    ContractError,
    StateError,
    TransientError,
    DataContractError,
    TimeoutError: AttemptTimeoutError,
    PartitionBusyError,
    LeaseHeldError,
    LeaseLostError,
};
function thrownData(thrown) {
    if (!(thrown instanceof Error))
        return { error: false, value: String(thrown) };
    // Own data fields (a path, an errno code, a holder): what the edges read besides the message.
    const fields = {};
    for (const [key, value] of Object.entries(thrown)) {
        if (typeof value !== 'function' && typeof value !== 'symbol')
            fields[key] = value;
    }
    return { error: true, name: thrown.name, message: thrown.message, stack: thrown.stack, fields };
}
/** The error `thrownData` described, of its class again (so the edges tell a user's mistake from a bug). */
function thrownFrom(data) {
    if (!data.error)
        return data.value;
    const error = Object.create((THROWN_CLASSES[data.name] ?? Error).prototype);
    return Object.assign(error, data.fields, { name: data.name, message: data.message, stack: data.stack });
}

;// CONCATENATED MODULE: ./src/index.ts
// The public entry of the `pipewright` package: what task code needs, nothing internal.
// Handlers import the types (`import type { TaskContext } from 'pipewright'`); the error
// classes are values too, matched by name, so a copy from the package classifies like ctx.errors.


var __webpack_exports__DataContractError = __webpack_exports__.D;
var __webpack_exports__TransientError = __webpack_exports__.N;
export { __webpack_exports__DataContractError as DataContractError, __webpack_exports__TransientError as TransientError };
