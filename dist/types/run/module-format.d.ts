/**
 * The format a file under one of `roots` (file: URLs ending in '/') must load as, or undefined
 * to leave it to Node. Refers to nothing outside itself: the import probe sends its source
 * text to a child process.
 */
export declare function moduleFormatFor(url: string, roots: readonly string[]): 'module' | 'module-typescript' | undefined;
/** A folder as the file: URL prefix `moduleFormatFor` compares with. */
export declare function folderUrl(folder: string): string;
/**
 * Statements that install the same hook for `roots` in a child process, for an ES module that
 * has `registerHooks` (node:module) in scope: the import probe's program (child-sources.ts).
 */
export declare function moduleFormatHookSource(roots: readonly string[]): string;
/** Makes task code under `folder` load as ES modules in this process (once per folder). */
export declare function loadAsModules(folder: string): void;
/** Imports a task module from `folder` as an ES module. */
export declare function importTaskModule(folder: string, file: string): Promise<Record<string, unknown>>;
