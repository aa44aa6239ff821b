// The worker thread of `buildPipelines` (threads.ts): opens its own ledger from a
// LedgerSpec, builds the pipelines it is sent one at a time and replies with what
// index.html needs, or what it threw. Its own bundle (dist/site-worker/), loaded by
// path, never imported.
import { parentPort } from 'node:worker_threads';
import { thrownData } from '../errors.js';
import { writePipelinePages } from './pipeline-pages.js';
import { openLedger } from './sources.js';
import type { Job, Reply } from './threads.js';

const port = parentPort;
if (port === null) throw new Error('site-worker runs as a worker thread');

port.on('message', async (job: Job) => {
  let reply: Reply;
  try {
    const source = { pipeline: job.pipeline, dataRoot: job.dataRoot, ledger: await openLedger(job.ledger) };
    reply = { index: job.index, pages: await writePipelinePages(source, job.out, new Date(job.now)) };
  } catch (error) {
    reply = { index: job.index, thrown: thrownData(error) };
  }
  try {
    port.postMessage(reply);
  } catch (error) {
    // A field of the error that cannot be cloned: the message still goes.
    port.postMessage({ index: job.index, thrown: thrownData(new Error(String(error))) });
  }
});
