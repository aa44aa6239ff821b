import { Worker, type WorkerOptions } from 'node:worker_threads';
/** `source` relative to src/ (e.g. `store/rows-worker.ts`); `bundle` the dist/ folder name. */
export declare function workerFile(source: string, bundle: string): URL;
/**
 * A worker thread running `file`. A .ts file (pipewright run from source) loads with Node's
 * own type stripping and source-hooks.ts, without the parent's loaders: under tsx, the worker
 * would start its own loader thread and transform each module, several times the start.
 */
export declare function startWorker(file: URL, options?: WorkerOptions): Worker;
