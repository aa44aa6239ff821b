// Where a worker thread's code is: beside its module when pipewright runs from source
// (tsx, or Node's own type stripping), its own bundle in dist/<name>/ when it runs from
// the bundles (scripts/build.js bundles each worker entry). Joined at run time, so the
// bundler leaves the path alone.
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `source` relative to src/ (e.g. `store/rows-worker.ts`); `bundle` the dist/ folder name. */
export function workerFile(source: string, bundle: string): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL((fromSource ? ['.', source] : ['..', bundle, 'index.js']).join('/'), import.meta.url);
}

/**
 * A worker thread running `file`. A .ts file (pipewright run from source) loads with Node's
 * own type stripping and source-hooks.ts, without the parent's loaders: under tsx, the worker
 * would start its own loader thread and transform each module, several times the start.
 */
export function startWorker(file: URL, options: WorkerOptions = {}): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, options);
  // Beside this module, named at run time: a literal path would make the bundler copy the file into dist/.
  const here = fileURLToPath(import.meta.url);
  const hooks = `${here.slice(0, here.lastIndexOf(sep))}${sep}source-hooks.ts`;
  return new Worker(file, { ...options, execArgv: ['--import', pathToFileURL(hooks).href] });
}
