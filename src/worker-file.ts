// Where a worker thread's code is: beside its module when pipewright runs from source
// (tsx, or Node's own type stripping), its own bundle in dist/<name>/ when it runs from
// the bundles (scripts/build.js bundles each worker entry). Joined at run time, so the
// bundler leaves the path alone.
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `source` relative to src/ (e.g. `store/rows-worker.ts`); `bundle` the dist/ folder name. */
export function workerFile(source: string, bundle: string): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL((fromSource ? ['.', source] : ['..', bundle, 'index.js']).join('/'), import.meta.url);
}

// A .ts worker loads with Node's own type stripping, its `.js` specifiers mapped to the `.ts`
// files beside them (as test/support/source-hooks.ts does for the CLI), and V8's compile cache
// kept under node_modules/.cache.
const SOURCE_BOOT = `
const { enableCompileCache, registerHooks } = require('node:module');
const { existsSync } = require('node:fs');
enableCompileCache(CACHE);
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const source = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
      if (existsSync(source)) return nextResolve(source.href, context);
    }
    return nextResolve(specifier, context);
  },
});
import(URL_);
`;

/**
 * A worker thread running `file`. A .ts file (pipewright run from source) loads without the
 * parent's loaders: under tsx, the worker would start its own loader thread and transform each
 * module, several times the start of plain type stripping.
 */
export function startWorker(file: URL, options: WorkerOptions = {}): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, options);
  // Only from source (src/worker-file.ts), so the repository is what precedes /src/. Cut from the URL, not
  // written as a path relative to it: the bundler would copy a folder named so into dist/.
  const here = fileURLToPath(import.meta.url);
  const cache = `${here.slice(0, here.lastIndexOf(`${sep}src${sep}`))}${sep}node_modules${sep}.cache${sep}pipewright-compile`;
  const boot = SOURCE_BOOT.replace('CACHE', JSON.stringify(cache)).replace('URL_', JSON.stringify(file.href));
  return new Worker(boot, { ...options, eval: true, execArgv: [] });
}
