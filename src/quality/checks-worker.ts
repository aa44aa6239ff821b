// The worker thread of `checksWhileWriting`: runs the checks' byte pass over the chunks
// a writer posts, on the machine's other core, and hands each chunk's buffer back for
// reuse. Its own bundle (dist/checks-worker/), loaded by path, never imported.
import { parentPort, workerData } from 'node:worker_threads';
import { ByteChecks } from './checks.js';
import type { ChecksSetup } from './checks-while-writing.js';

const port = parentPort;
if (port === null) throw new Error('checks-worker runs as a worker thread');
const setup = workerData as ChecksSetup;
const running = setup.checks.map((c) => ({
  taskId: c.taskId,
  checks: new ByteChecks(setup.dataset, c.rules, setup.ctx),
}));

port.on('message', (message: Uint8Array<ArrayBuffer> | 'end') => {
  if (message === 'end') {
    port.postMessage({ results: running.map((r) => [r.taskId, r.checks.end()]) });
    return;
  }
  for (const r of running) r.checks.push(message);
  port.postMessage(message, [message.buffer]);
});
port.postMessage('ready');
