/** `source` relative to src/ (e.g. `store/rows-worker.ts`); `bundle` the dist/ folder name. */
export declare function workerFile(source: string, bundle: string): URL;
