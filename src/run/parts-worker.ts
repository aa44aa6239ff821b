// The worker thread of `readInParts`: imports the task's module, runs its exported
// function over the pieces this thread is posted (the header record first), and posts
// the result back. Its own bundle (dist/parts-worker/), loaded by path, never imported.
import { parentPort, workerData } from 'node:worker_threads';
import { csvReading } from '../csv/reader.js';
import { loadAsModules } from './module-format.js';
import type { PartFunction, PartsWorkerData } from './read-in-parts.js';

const port = parentPort;
if (port === null) throw new Error('parts-worker runs as a worker thread');
const setup = workerData as PartsWorkerData;

/** Pieces posted and not yet read, and the reader waiting for the next one. */
const queue: Array<Uint8Array<ArrayBuffer> | 'end'> = [];
let wake: (() => void) | undefined;
port.on('message', (message: Uint8Array<ArrayBuffer> | 'end') => {
  queue.push(message);
  wake?.();
});

/** The posted pieces in order; each is handed back for reuse once the next is asked for. */
async function* pieces(): AsyncGenerator<Uint8Array> {
  for (;;) {
    let next = queue.shift();
    while (next === undefined) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      next = queue.shift();
    }
    if (next === 'end') return;
    yield next;
    port?.postMessage(next, [next.buffer]);
  }
}

try {
  for (const root of setup.roots) loadAsModules(root);
  const mod = (await import(/* webpackIgnore: true */ setup.module)) as Record<string, unknown>;
  const fn = mod[setup.export];
  if (typeof fn !== 'function') throw new Error(`no function ${setup.export}`);
  port.postMessage('ready');
  port.postMessage({ value: await (fn as PartFunction<unknown>)(pieces(), csvReading) });
} catch {
  // The calling thread reads the whole dataset itself, and reports any error the way a plain read does.
  port.postMessage({ failed: true });
}
