// Preloaded (`--import`) wherever pipewright runs from source: the tests' CLI processes and
// vitest's workers, and the worker threads pipewright starts (worker-file.ts `startWorker`).
// Node 24 strips the types itself, and this maps the `.js` specifiers src/ writes for tsc and
// the bundler to the `.ts` files beside them. V8's compile cache on disk (under
// node_modules/.cache) spares each process recompiling ~150 modules: a CLI process starts in
// half tsx's time. Never bundled: nothing imports it.
import { existsSync } from 'node:fs';
import { enableCompileCache, registerHooks } from 'node:module';

enableCompileCache(new URL('../node_modules/.cache/pipewright-compile', import.meta.url).pathname);

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const source = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
      if (existsSync(source)) return nextResolve(source.href, context);
    }
    return nextResolve(specifier, context);
  },
});
