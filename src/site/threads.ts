// Pipelines built side by side on worker threads. Each pipeline is independent
// (its own history, its own pages), and reading and parsing ten years of run
// records is CPU work one thread would do alone. A worker runs this very module
// (in a bundle, the whole entry file: the entries start their command on the
// main thread only), opens its own ledger from a LedgerSpec, builds the
// pipelines it is handed one at a time and sends back what index.html needs.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Pipeline } from '../contract/model.js';
import { type ThrownData, thrownData, thrownFrom } from '../errors.js';
import type { SiteSource } from './build.js';
import { type PipelinePages, writePipelinePages } from './pipeline-pages.js';
import { type LedgerSpec, ledgerSpec, openLedger } from './sources.js';

/** Set in workerData, so the module knows it was loaded to be a site worker. */
const WORKER_FLAG = 'pipewrightSiteWorker';

interface Job {
  index: number;
  pipeline: Pipeline;
  ledger: LedgerSpec;
  dataRoot: string;
  out: string;
  now: number;
}

type Reply = { index: number; pages: PipelinePages } | { index: number; thrown: ThrownData };

/** As many threads as the machine runs at once (one of them would only wait for the others). */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Every pipeline's pages under `out`, results in the order of `sources`. With
 * two threads or more, pipelines whose ledger another thread can open are built
 * on `threads` workers; the rest (and everything, otherwise) here, one at a time.
 */
export async function buildPipelines(
  sources: readonly SiteSource[],
  out: string,
  now: Date,
  threads: number,
): Promise<PipelinePages[]> {
  const specs = sources.map((s) => ledgerSpec(s.ledger));
  const jobs: Job[] = [];
  for (const [index, spec] of specs.entries()) {
    const { pipeline, dataRoot } = sources[index]!;
    if (spec) jobs.push({ index, pipeline, ledger: spec, dataRoot, out, now: now.getTime() });
  }
  const workers = Math.min(threads, jobs.length);
  if (workers < 2) return await inOrder(sources, out, now);
  const results = new Array<PipelinePages>(sources.length);
  await onWorkers(jobs, workers, (index, pages) => {
    results[index] = pages;
  });
  for (const [index, source] of sources.entries()) {
    if (!specs[index]) results[index] = await writePipelinePages(source, out, now);
  }
  return results;
}

async function inOrder(sources: readonly SiteSource[], out: string, now: Date): Promise<PipelinePages[]> {
  const results: PipelinePages[] = [];
  for (const source of sources) results.push(await writePipelinePages(source, out, now));
  return results;
}

/** Hands each worker the next job as soon as it is done with its last; the first failure stops them all. */
function onWorkers(jobs: Job[], count: number, done: (index: number, pages: PipelinePages) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const idle = new Set<Worker>();
    let next = 0;
    let finished = 0;
    let stopped = false;
    // Every worker stopped before the build goes on, so none writes into a staging folder being removed.
    const stop = (error?: unknown) => {
      if (stopped) return;
      stopped = true;
      void Promise.all(pool.map((w) => w.terminate())).then(() => (error === undefined ? resolve() : reject(error)));
    };
    const give = (worker: Worker) => {
      if (next < jobs.length) worker.postMessage(jobs[next++]);
      else idle.add(worker);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL(import.meta.url), { workerData: { [WORKER_FLAG]: true } });
      pool.push(worker);
      worker.on('message', (reply: Reply) => {
        if ('thrown' in reply) return stop(thrownFrom(reply.thrown));
        done(reply.index, reply.pages);
        if (++finished === jobs.length) stop();
        else give(worker);
      });
      worker.on('error', stop);
      worker.on('exit', (code) => {
        if (!idle.has(worker))
          stop(new Error(`a site worker thread exited (code ${code}) before its pipelines were built`));
      });
      give(worker);
    }
  });
}

/** The worker's side: builds each pipeline it is sent and replies with its pages or what it threw. */
function serve(port: NonNullable<typeof parentPort>): void {
  port.on('message', async (job: Job) => {
    let reply: Reply;
    try {
      const source = { pipeline: job.pipeline, dataRoot: job.dataRoot, ledger: openLedger(job.ledger) };
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
}

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  serve(parentPort);
}
