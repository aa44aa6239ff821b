// Ctrl-C and SIGTERM during a run: commands run in their own process groups, so the
// terminal's signal never reaches them. Turn the first signal into an abort (tasks
// are stopped, the run is recorded); a second one exits at once.

export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

export function onInterrupt(notify: (signal: NodeJS.Signals) => void): Interrupt {
  const controller = new AbortController();
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      // Second signal: give it its default meaning (terminate now).
      dispose();
      process.kill(process.pid, signal);
      return;
    }
    notify(signal);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  const dispose = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return { signal: controller.signal, dispose };
}
