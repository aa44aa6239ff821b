// Handlers run in this process, so an error their code leaves unhandled — a
// stream 'error' event nobody listens to, a promise nobody awaits — would end the
// whole run: no record, no report, no artifact, exactly when the evidence is
// needed. Each handler attempt runs in its own async context, so such an error
// is pinned on the attempt whose code raised it and fails that attempt only;
// other tasks and partitions running at the same moment go on.
import { AsyncLocalStorage } from 'node:async_hooks';

const attemptOf = new AsyncLocalStorage<AbortController>();
const inFlight = new Set<AbortController>();
let installed = false;

/** The abort reason of an attempt whose code threw where nothing could catch it. */
function strayError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const stray = new Error(
    `unhandled error in the task's code (an 'error' event or a promise nobody awaited): ${message}`,
  );
  // Keep the class the task code meant (a DataContractError stays a data failure).
  if (error instanceof Error) stray.name = error.name;
  return stray;
}

function onStray(error: unknown): void {
  const owner = attemptOf.getStore();
  if (owner) {
    if (inFlight.has(owner)) owner.abort(strayError(error));
    // Code of an attempt that already ended (timed out, ignored its signal): its writer is
    // closed, so it can harm nothing; say so instead of crashing the run.
    else
      process.emitWarning(
        `code of an ended task attempt raised: ${error instanceof Error ? error.message : String(error)}`,
      );
    return;
  }
  // Not raised by task code: behave as Node would without us.
  process.off('uncaughtException', onStray);
  process.off('unhandledRejection', onStray);
  installed = false;
  process.nextTick(() => {
    throw error;
  });
}

/**
 * Runs `work` as the attempt `controller` belongs to: an error its code leaves
 * unhandled aborts `controller` with that error, until `release` is called.
 */
export function runAsAttempt<T>(controller: AbortController, work: () => T): { result: T; release(): void } {
  if (!installed) {
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
    installed = true;
  }
  inFlight.add(controller);
  const result = attemptOf.run(controller, work);
  return { result, release: () => inFlight.delete(controller) };
}
