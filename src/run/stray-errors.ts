// Handlers run in this process, so an error their code leaves unhandled — a
// stream 'error' event nobody listens to, a promise nobody awaits — would end the
// whole run: no record, no report, no artifact, exactly when the evidence is
// needed. While handler attempts are in flight such errors fail those attempts.
const inFlight = new Set<AbortController>();

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
  for (const controller of inFlight) controller.abort(strayError(error));
}

/** Routes stray errors to `controller` until the returned function is called. */
export function catchStrayErrors(controller: AbortController): () => void {
  if (inFlight.size === 0) {
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
  }
  inFlight.add(controller);
  return () => {
    inFlight.delete(controller);
    if (inFlight.size === 0) {
      process.off('uncaughtException', onStray);
      process.off('unhandledRejection', onStray);
    }
  };
}
