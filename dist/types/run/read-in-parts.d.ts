import { type CsvReading } from '../csv/reader.js';
/** A function over a CSV's chunks: `(chunks, ctx.csv) => result`, exported by a module. */
export interface PartWork {
    /** The module's URL (e.g. `new URL('./daily_sales.ts', import.meta.url)`) or absolute path. */
    module: string | URL;
    /** The name it exports the function under. */
    export: string;
}
/** The shape of the exported function; its result must survive `structuredClone` (no class instances). */
export type PartFunction<T> = (chunks: AsyncIterable<Uint8Array>, csv: CsvReading) => Promise<T> | T;
export interface ReadInPartsOptions {
    signal?: AbortSignal;
    /** Below this many bytes the work runs here alone: a worker costs more than it saves. */
    minBytes?: number;
    /** The worker's code; undefined runs everything here. */
    workerUrl?: URL | undefined;
}
/** What the worker thread is given. */
export interface PartsWorkerData {
    module: string;
    export: string;
    /** Folders whose task code loads as ES modules whatever package.json says (see module-format.ts). */
    roots: string[];
}
/**
 * Runs `work` over the CSV whose chunks `read()` yields (each valid until the next is asked for),
 * here and in a worker thread; returns each side's result (one when the work ran here alone).
 * `roots` are the folders of task code (module-format.ts).
 */
export declare function readInParts<T>(read: (options?: {
    reuseBuffer?: boolean;
}) => AsyncIterable<Uint8Array>, work: PartWork, roots: string[], options?: ReadInPartsOptions): Promise<T[]>;
