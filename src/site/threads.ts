// Pipelines built side by side on worker threads. Each pipeline is independent
// (its own history, its own pages), and reading and parsing ten years of run
// records is CPU work one thread would do alone. Each worker (site-worker.ts)
// opens its own ledger from a LedgerSpec and builds the pipelines it is handed.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Pipeline } from '../contract/model.js';
import { type ThrownData, thrownFrom } from '../errors.js';
import { startWorker, workerFile } from '../worker-file.js';
import type { SiteSource } from './build.js';
import { type PipelinePages, writePipelinePages } from './pipeline-pages.js';
import { type LedgerSpec, ledgerSpec } from './sources.js';

export interface Job {
  index: number;
  pipeline: Pipeline;
  ledger: LedgerSpec;
  dataRoot: string;
  out: string;
  now: number;
}

export type Reply = { index: number; pages: PipelinePages } | { index: number; thrown: ThrownData };

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
      const worker = startWorker(workerFile('site/site-worker.ts', 'site-worker'));
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
