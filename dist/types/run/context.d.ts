import type { CsvReading } from '../csv/reader.js';
import type { DataContractError, TransientError } from '../errors.js';
import type { Logger } from '../log.js';
export interface WriteResult {
    /** Absolute path of the published file. */
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
export interface TaskContext {
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
    /** Contract inputs/outputs resolved for this partition to absolute paths under the data root. */
    inputs: Record<string, string>;
    outputs: Record<string, string>;
    dataRoot: string;
    logger: Logger;
    /** Aborted when the attempt's timeout passes; pass it on to fetch, streams and child processes. */
    signal: AbortSignal;
    writer: AtomicWriter;
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
