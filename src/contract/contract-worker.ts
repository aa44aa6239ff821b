// The worker thread of `ContractChecks` (check-threads.ts): checks the contracts
// it is posted, batch by batch, and replies with plain data. Its own bundle
// (dist/contract-worker/), loaded by path, never imported.
import { parentPort } from 'node:worker_threads';
import { checkContract } from './check-file.js';
import type { Batch, Reply, WireResult } from './check-threads.js';

const port = parentPort;
if (port === null) throw new Error('contract-worker runs as a worker thread');

port.on('message', ({ batch, jobs }: Batch) => {
  let reply: Reply;
  try {
    const results = jobs.map(({ file, bytes }): WireResult => {
      // Handlers are located by the calling thread, if ever: locating parses the whole document.
      const { locate: _, ...result } = checkContract(file, bytes);
      return result;
    });
    reply = { batch, results };
  } catch {
    // The calling thread checks the batch again itself, and throws what it throws there.
    reply = { batch, failed: true };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
