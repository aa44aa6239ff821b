import { READ_CHUNK } from '../store/file-chunks.js';
/** A record that breaks CSV or the data's contract, located at its first physical line. */
export declare class CsvDataError extends Error {
    name: string;
    readonly line: number;
    constructor(message: string, line: number);
}
/** Field flags: how the bytes of field i relate to its value. */
export declare const FIELD_PLAIN = 0;
/** Quoted; the quotes are excluded from the span. */
export declare const FIELD_QUOTED = 1;
/** Quoted with doubled quotes that `fieldBytes` must undo. */
export declare const FIELD_ESCAPED = 2;
/** Not read as csv-parse reads it: a quote inside an unquoted value, a bare CR, text after a closing quote. */
export declare const FIELD_ODD = 3;
/** Field i of the current record spans buf[starts[i], ends[i]). */
export interface CsvFields {
    starts: Int32Array;
    ends: Int32Array;
    /** FIELD_PLAIN, FIELD_QUOTED, FIELD_ESCAPED or FIELD_ODD per field. */
    flags: Uint8Array;
    count: number;
    /** 1-based physical line where the record starts. */
    line: number;
    /** The whole record spans buf[start, end), its line break excluded. */
    start: number;
    end: number;
    /** How the record ended: 0 end of input, 1 LF, 2 CRLF. */
    eol: number;
    /** Some field has FIELD_ODD. */
    odd: boolean;
}
/** Called once per record; `buf` and `fields` are reused, so copy whatever must outlive the call. */
export type CsvRecordHandler = (buf: Uint8Array, fields: CsvFields) => void;
export interface CsvReaderOptions {
    /** A record longer than this is refused (it is usually an unterminated quote). Default 16 MiB. */
    maxRecordBytes?: number;
    /** Hand empty lines to the handler as one empty field (default: skip them, as csv-parse's skip_empty_lines). */
    keepEmpty?: boolean;
    /**
     * Called after the records of each pushed chunk, while `buf` still holds them: a consumer that
     * gathers byte ranges of consecutive records copies them here in one piece.
     */
    onChunkEnd?: (buf: Uint8Array) => void;
}
/** Push chunks of any size in order, then call end(); records split across chunks are reassembled. */
export declare class CsvReader {
    #private;
    constructor(onRecord: CsvRecordHandler, options?: CsvReaderOptions);
    /** False once a record held bytes that are not UTF-8 (csv-parse would read U+FFFD there). */
    get validUtf8(): boolean;
    push(input: Uint8Array): void;
    /** Flushes a last record without a line break; an open quote at the end of input is an error. */
    end(): void;
}
/** The bytes of field i with doubled quotes undone (a view when there is nothing to undo). */
export declare function fieldBytes(buf: Uint8Array, fields: CsvFields, i: number): Uint8Array;
/** Field i as a string: for headers, error messages and the rare slow path. */
export declare function fieldText(buf: Uint8Array, fields: CsvFields, i: number): string;
/** True when JavaScript's trim() would change buf[start, end): an end byte is whitespace or may start/end one. */
export declare function mayNeedTrim(buf: Uint8Array, start: number, end: number): boolean;
export interface CsvReadOptions extends CsvReaderOptions {
    signal?: AbortSignal;
}
/** Reads the file at `path` through a CsvReader in big chunks; returns the reader (for `validUtf8`). */
export declare function readCsvFile(path: string, onRecord: CsvRecordHandler, options?: CsvReadOptions): Promise<CsvReader>;
/** Reads chunks (of a file, an object, any stream) through a CsvReader; returns the reader (for `validUtf8`). */
export declare function readCsv(chunks: AsyncIterable<Uint8Array>, onRecord: CsvRecordHandler, options?: CsvReaderOptions): Promise<CsvReader>;
export { READ_CHUNK };
/**
 * The bytes of `path` in chunks of up to READ_CHUNK, read into one buffer that is reused: a chunk
 * is valid until the next one is asked for (a CsvReader copies what it keeps). No allocation per
 * chunk, so a 500 MB file costs no garbage collection.
 */
export declare function readChunks(path: string, options?: {
    signal?: AbortSignal;
}): AsyncGenerator<Uint8Array>;
/** What a handler gets as `ctx.csv`: the reader without importing pipewright. */
export interface CsvReading {
    /** The `flags` value of a quoted field holding doubled quotes: `fieldBytes` decodes it. */
    FIELD_ESCAPED: typeof FIELD_ESCAPED;
    CsvReader: typeof CsvReader;
    CsvDataError: typeof CsvDataError;
    readFile: typeof readCsvFile;
    readChunks: typeof readChunks;
    fieldBytes: typeof fieldBytes;
    fieldText: typeof fieldText;
    mayNeedTrim: typeof mayNeedTrim;
}
export declare const csvReading: CsvReading;
