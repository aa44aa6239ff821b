// Where a worker thread's code is: beside its module when pipewright runs from source
// (tsx, or Node's own type stripping), its own bundle in dist/<name>/ when it runs from
// the bundles (scripts/build.js bundles each worker entry). Joined at run time, so the
// bundler leaves the path alone.

/** `source` relative to src/ (e.g. `store/rows-worker.ts`); `bundle` the dist/ folder name. */
export function workerFile(source: string, bundle: string): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL((fromSource ? ['.', source] : ['..', bundle, 'index.js']).join('/'), import.meta.url);
}
