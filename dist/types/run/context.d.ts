import type { CsvReading } from '../csv/reader.js';
import type { DataContractError, TransientError } from '../errors.js';
import type { Logger } from '../log.js';
import type { PartWork } from './read-in-parts.js';
export interface WriteResult {
    /** Where the bytes went: a path, or an object's s3:// address. */
    path: string;
    bytes: number;
    /** CSV: records after the header; other files: lines (as manifests count them). */
    rows: number;
    sha256: string;
}
/** A file being written: invisible until commit() renames it into place. */
export interface AtomicFile {
    write(chunk: string | Uint8Array): Promise<void>;
    /** fsync, rename over the target, fsync the directory. */
    commit(): Promise<WriteResult>;
    /** Drops the temporary file; the previous target (if any) stays as it was. */
    abort(): Promise<void>;
}
/** Atomic writes under the data root: temp file in the same folder, fsync, rename. */
export interface AtomicWriter {
    open(path: string): Promise<AtomicFile>;
    writeFile(path: string, data: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<WriteResult>;
}
export interface ReadDatasetOptions {
    signal?: AbortSignal;
    /**
     * Chunks may share one buffer, each valid only until the next is asked for: no allocation
     * per chunk, for a reader that copies what it keeps (as `ctx.csv`'s CsvReader does).
     */
    reuseBuffer?: boolean;
}
/** The contract's datasets by name: the same calls on a folder and in a bucket. */
export interface Datasets {
    /**
     * The bytes of an input, or of an output a task before this one wrote in this
     * run, in chunks (each chunk is the caller's to keep, unless `reuseBuffer`).
     */
    read(name: string, options?: ReadDatasetOptions): AsyncIterable<Uint8Array>;
    /** Writes an output whole; later tasks read it, and it is published with the run. */
    write(name: string, data: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<WriteResult>;
    /** Opens an output to write piece by piece; nothing is visible until commit(). */
    open(name: string): Promise<AtomicFile>;
    /** Whether `read(name)` would find bytes: an input that is there, an output written earlier in this run. */
    exists(name: string): Promise<boolean>;
    /** The dataset's contract path for this partition, relative to the data root: for messages. */
    where(name: string): string;
}
export interface TaskContext extends Datasets {
    dagId: string;
    taskId: string;
    runId: string;
    /** The partition key, e.g. 2026-05-02, 2026-05-02T13, 2026-W18, 2026-05. */
    partition: string;
    /** Airflow's ds: the data interval's start date (YYYY-MM-DD) in the pipeline's zone. */
    ds: string;
    /** [start, end) as ISO 8601 with the zone's offset. */
    dataInterval: {
        start: string;
        end: string;
    };
    /** 1 for the first try. */
    attempt: number;
    /**
     * Path API (data roots on a folder only): contract inputs/outputs resolved for this
     * partition to absolute paths. On a bucket, use read/write/open by name.
     */
    inputs: Record<string, string>;
    outputs: Record<string, string>;
    /** The folder, or the bucket's s3:// address. */
    dataRoot: string;
    logger: Logger;
    /** Aborted when the attempt's timeout passes; pass it on to fetch, streams and child processes. */
    signal: AbortSignal;
    writer: AtomicWriter;
    /**
     * Reads a CSV dataset once, shared by this thread and a worker thread (past its first 2 MB):
     * `work` names a function `(chunks, csv) => result` exported by a module, run on each side over a
     * CSV of its own (the header record, then whole records; each chunk valid until the next is asked
     * for). Returns the results, one per side, for you to merge: for work whose answer does not depend
     * on record order (sums, counts, distinct sets). A result must survive `structuredClone` (plain
     * objects, arrays, typed arrays, Maps, bigints). If either side fails, the work runs once more over
     * the whole dataset in this thread, so errors and their line numbers are those of one plain read.
     */
    readInParts<T>(name: string, work: PartWork): Promise<T[]>;
    /** pipewright's streaming CSV reader: byte ranges per record, no string or object per row. */
    csv: CsvReading;
    /** The library's error types, so handlers can classify failures without importing pipewright. */
    errors: {
        TransientError: typeof TransientError;
        DataContractError: typeof DataContractError;
    };
}
/** What a handler may return: metrics land in the run record and the quality report. */
export interface TaskOutcome {
    metrics?: Record<string, number | string>;
}
export type Handler = (ctx: TaskContext) => Promise<TaskOutcome | undefined | void> | TaskOutcome | undefined | void;
