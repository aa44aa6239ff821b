// Task code under the pipelines folder is ES modules whatever the adopter's package.json
// `type` says: `npm init -y` writes "type": "commonjs", under which Node parses `x.ts` and
// `x.js` as CommonJS and an `import` line fails. A load hook gives those files the module
// format (Node still strips the types, keeping every line and column); `.cts`/`.cjs` files
// and anything under node_modules keep Node's own rules.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The format a file under one of `roots` (file: URLs ending in '/') must load as, or undefined
 * to leave it to Node. Refers to nothing outside itself: the import probe sends its source
 * text to a child process.
 */
export function moduleFormatFor(url: string, roots: readonly string[]): 'module' | 'module-typescript' | undefined {
  const path = url.split(/[?#]/)[0] ?? url;
  if (!roots.some((root) => path.startsWith(root)) || path.includes('/node_modules/')) return undefined;
  if (path.endsWith('.ts') || path.endsWith('.mts')) return 'module-typescript';
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'module';
  return undefined;
}

/** A folder as the file: URL prefix `moduleFormatFor` compares with. */
export function folderUrl(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Statements that install the same hook for `roots` in a child process, for an ES module that
 * has `registerHooks` (node:module) in scope: the import probe's program (child-sources.ts).
 */
export function moduleFormatHookSource(roots: readonly string[]): string {
  return `const moduleFormatFor = ${moduleFormatFor.toString()};
const moduleFormatRoots = ${JSON.stringify(roots)};
registerHooks({
  load(url, context, nextLoad) {
    const format = moduleFormatFor(url, moduleFormatRoots);
    return nextLoad(url, format ? { ...context, format } : context);
  },
});
`;
}

const roots = new Set<string>();
let installed = false;

/** Makes task code under `folder` load as ES modules in this process (once per folder). */
export function loadAsModules(folder: string): void {
  roots.add(folderUrl(folder));
  if (installed) return;
  installed = true;
  registerHooks({
    load(url, context, nextLoad) {
      const format = moduleFormatFor(url, [...roots]);
      return nextLoad(url, format ? { ...context, format } : context);
    },
  });
}

/** Imports a task module from `folder` as an ES module. */
export async function importTaskModule(folder: string, file: string): Promise<Record<string, unknown>> {
  loadAsModules(folder);
  // webpackIgnore keeps the ncc bundle from trying to resolve the user's module at build time.
  return (await import(/* webpackIgnore: true */ pathToFileURL(file).href)) as Record<string, unknown>;
}
