// The worker thread of `ContractChecks` (check-threads.ts): checks the contracts
// it is posted, batch by batch, and replies with plain data. Its own bundle
// (dist/contract-worker/), loaded by path, never imported.
import { parentPort } from 'node:worker_threads';
import { checkContract, handlerPath } from './check-file.js';
import type { Batch, Reply, WireResult } from './check-threads.js';

const port = parentPort;
if (port === null) throw new Error('contract-worker runs as a worker thread');

port.on('message', ({ batch, jobs, locate }: Batch) => {
  let reply: Reply;
  try {
    const results = jobs.map(({ file, bytes }): WireResult => {
      const { handlers, locate: where, ...result } = checkContract(file, bytes);
      // Located here when the cache will ask anyway (it keeps positions); else by the calling thread, if ever.
      return {
        ...result,
        handlers: locate ? handlers.map((h) => ({ ...h, ...where(handlerPath(h.task)) })) : handlers,
      };
    });
    reply = { batch, results };
  } catch {
    // The calling thread checks the batch again itself, and throws what it throws there.
    reply = { batch, failed: true };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
