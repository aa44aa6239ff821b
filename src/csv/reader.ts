// The core's streaming CSV reader (RFC 4180). It finds field boundaries in the
// raw bytes and hands each record to a callback as offsets, so a consumer that
// needs four columns of ten million rows never builds a string or an object per
// row. Quoted fields may hold commas, doubled quotes and newlines; CRLF and LF
// records are both accepted; a UTF-8 BOM at the start is skipped; empty lines
// are skipped unless asked for.
//
// It reads the common shape fast and *notices* what it does not read the way
// csv-parse would (a quote inside an unquoted field, a bare CR, text after a
// closing quote, bytes that are not UTF-8): `odd` records and `validUtf8` let a
// consumer hand such a file to csv-parse, which is the better judge of those.

import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { fileChunks, READ_CHUNK } from '../store/file-chunks.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** A record that breaks CSV or the data's contract, located at its first physical line. */
export class CsvDataError extends Error {
  override name = 'CsvDataError';
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** Field flags: how the bytes of field i relate to its value. */
export const FIELD_PLAIN = 0;
/** Quoted; the quotes are excluded from the span. */
export const FIELD_QUOTED = 1;
/** Quoted with doubled quotes that `fieldBytes` must undo. */
export const FIELD_ESCAPED = 2;
/** Not read as csv-parse reads it: a quote inside an unquoted value, a bare CR, text after a closing quote. */
export const FIELD_ODD = 3;

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
export class CsvReader {
  readonly #onRecord: CsvRecordHandler;
  readonly #maxRecordBytes: number;
  readonly #keepEmpty: boolean;
  readonly #onChunkEnd: ((buf: Uint8Array) => void) | undefined;
  readonly #fields: CsvFields;
  /** Holds the unfinished record followed by the next chunk, reused to avoid an allocation per chunk. */
  #scratch = new Uint8Array(0);
  #carry = 0;
  #started = false;
  #validUtf8 = true;

  constructor(onRecord: CsvRecordHandler, options: CsvReaderOptions = {}) {
    this.#onRecord = onRecord;
    this.#maxRecordBytes = options.maxRecordBytes ?? 16 * 1024 * 1024;
    this.#keepEmpty = options.keepEmpty ?? false;
    this.#onChunkEnd = options.onChunkEnd;
    this.#fields = {
      starts: new Int32Array(16),
      ends: new Int32Array(16),
      flags: new Uint8Array(16),
      count: 0,
      line: 1,
      start: 0,
      end: 0,
      eol: 0,
      odd: false,
    };
  }

  /** False once a record held bytes that are not UTF-8 (csv-parse would read U+FFFD there). */
  get validUtf8(): boolean {
    return this.#validUtf8;
  }

  push(input: Uint8Array): void {
    if (input.length === 0) return;
    // One array class in the hot loop: a Buffer here and a Uint8Array there would make it polymorphic.
    let chunk = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.length);
    if (!this.#started) {
      if (this.#carry + chunk.length < 3 && isBomPrefix(this.#scratch, this.#carry, chunk)) {
        this.#append(chunk);
        return;
      }
      this.#started = true;
      const merged = this.#carry > 0 ? this.#append(chunk) : chunk;
      const total = this.#carry > 0 ? this.#carry : chunk.length;
      this.#carry = 0;
      const from = merged[0] === 0xef && merged[1] === 0xbb && merged[2] === 0xbf ? 3 : 0;
      this.#scan(merged, from, total);
      return;
    }
    if (this.#carry === 0) {
      this.#scan(chunk, 0, chunk.length);
      return;
    }
    // The carried record usually ends at the chunk's first line break: finish it alone, then read
    // the rest of the chunk where it lies instead of copying the whole chunk behind the carry.
    const lf = chunk.indexOf(LF);
    if (lf >= 0 && lf + 1 < chunk.length) {
      const head = this.#append(chunk.subarray(0, lf + 1));
      const size = this.#carry;
      this.#carry = 0;
      this.#scan(head, 0, size);
      if (this.#carry === 0) {
        this.#scan(chunk, lf + 1, chunk.length);
        return;
      }
      chunk = chunk.subarray(lf + 1);
    }
    const total = this.#carry + chunk.length;
    const merged = this.#append(chunk);
    this.#carry = 0;
    this.#scan(merged, 0, total);
  }

  /** Flushes a last record without a line break; an open quote at the end of input is an error. */
  end(): void {
    if (!this.#started) {
      this.#started = true;
      const bytes = this.#scratch.slice(0, this.#carry);
      this.#carry = 0;
      if (bytes.length > 0) this.push(bytes);
    }
    if (this.#carry === 0) return;
    const rest = this.#scratch.slice(0, this.#carry);
    this.#carry = 0;
    const done = scanRecords(rest, 0, rest.length, this.#fields, this.#onRecord, this.#keepEmpty, true);
    this.#onChunkEnd?.(rest);
    if (this.#validUtf8 && done > 0 && !isUtf8(rest.subarray(0, done))) this.#validUtf8 = false;
    if (done < rest.length) throw new CsvDataError('unterminated quoted field', this.#fields.line);
  }

  #scan(buf: Uint8Array, from: number, to: number): void {
    const done = scanRecords(buf, from, to, this.#fields, this.#onRecord, this.#keepEmpty, false);
    this.#onChunkEnd?.(buf);
    if (this.#validUtf8 && done > from && !isUtf8(buf.subarray(from, done))) this.#validUtf8 = false;
    this.#keep(buf, done, to);
  }

  /** Appends `chunk` after the carried bytes in the scratch buffer and returns the buffer. */
  #append(chunk: Uint8Array): Uint8Array {
    const total = this.#carry + chunk.length;
    if (this.#scratch.length < total) {
      const grown = new Uint8Array(Math.max(total, this.#scratch.length * 2));
      grown.set(this.#scratch.subarray(0, this.#carry));
      this.#scratch = grown;
    }
    this.#scratch.set(chunk, this.#carry);
    this.#carry = total;
    return this.#scratch;
  }

  /** Moves the unfinished record buf[from, to) to the front of the scratch buffer. */
  #keep(buf: Uint8Array, from: number, to: number): void {
    const rest = to - from;
    if (rest > this.#maxRecordBytes) {
      throw new CsvDataError(
        `record longer than ${this.#maxRecordBytes} bytes (unterminated quote?)`,
        this.#fields.line,
      );
    }
    if (rest > 0) {
      if (this.#scratch.length < rest) this.#scratch = new Uint8Array(Math.max(rest * 2, 1 << 16));
      if (buf === this.#scratch) this.#scratch.copyWithin(0, from, to);
      else this.#scratch.set(buf.subarray(from, to));
    }
    this.#carry = rest;
  }
}

/** True while the bytes seen so far could still be the start of a BOM. */
function isBomPrefix(carried: Uint8Array, carry: number, chunk: Uint8Array): boolean {
  const bom = [0xef, 0xbb, 0xbf];
  let k = 0;
  for (let i = 0; i < carry; i++) if (carried[i] !== bom[k++]) return false;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] !== bom[k++]) return false;
  return true;
}

/**
 * Scans complete records of buf[pos, len) and returns the offset where the first unfinished one
 * starts (len when none is). At the end of input (`last`), the end of the buffer ends a record.
 * Kept as one function over locals: this loop is the hot path.
 */
function scanRecords(
  buf: Uint8Array,
  pos: number,
  len: number,
  fields: CsvFields,
  onRecord: CsvRecordHandler,
  keepEmpty: boolean,
  last: boolean,
): number {
  let starts = fields.starts;
  let ends = fields.ends;
  let flags = fields.flags;
  let line = fields.line;
  let i = pos;
  while (i < len) {
    const recordStart = i;
    const recordLine = line;
    let f = 0;
    let odd = false;
    let eol = 0;
    for (;;) {
      if (f === starts.length) {
        growFields(fields);
        starts = fields.starts;
        ends = fields.ends;
        flags = fields.flags;
      }
      let flag = FIELD_PLAIN;
      let s = i;
      if (i < len && buf[i] === QUOTE) {
        let j = i + 1;
        flag = FIELD_QUOTED;
        for (;;) {
          if (j >= len) {
            fields.line = recordLine;
            return recordStart;
          }
          const d = buf[j]!;
          if (d === QUOTE) {
            if (j + 1 >= len && !last) {
              fields.line = recordLine;
              return recordStart;
            }
            if (buf[j + 1] !== QUOTE) break;
            flag = FIELD_ESCAPED;
            j += 2;
            continue;
          }
          if (d === LF) line++;
          j++;
        }
        s = i + 1;
        ends[f] = j;
        i = j + 1;
      }
      // Unquoted bytes up to the next comma or line break; after a closing quote there should be none.
      const plainStart = i;
      let c = 0;
      for (;;) {
        // Ordinary bytes (above the comma) need one comparison each.
        while (i < len && buf[i]! > COMMA) i++;
        if (i >= len) {
          if (!last) {
            fields.line = recordLine;
            return recordStart;
          }
          c = -1;
          break;
        }
        c = buf[i]!;
        if (c === COMMA || c === LF) break;
        if (c === CR) {
          if (i + 1 >= len && !last) {
            fields.line = recordLine;
            return recordStart;
          }
          if (buf[i + 1] === LF) {
            eol = 2;
            break;
          }
          flag = FIELD_ODD;
        } else if (c === QUOTE) {
          flag = FIELD_ODD;
        }
        i++;
      }
      if (flag === FIELD_PLAIN) {
        ends[f] = i;
      } else if (flag === FIELD_ODD || i > plainStart) {
        // Text after a closing quote: the field is odd, its span everything up to the delimiter.
        if (flag !== FIELD_ODD) s -= 1;
        flag = FIELD_ODD;
        ends[f] = i;
        odd = true;
      }
      starts[f] = s;
      flags[f] = flag;
      f++;
      if (c === -1) {
        fields.end = i;
        break;
      }
      if (c === COMMA) {
        eol = 0;
        i++;
        continue;
      }
      // A line break: LF, or CR LF (eol already 2).
      fields.end = i;
      if (eol === 2) i++;
      else eol = 1;
      i++;
      line++;
      break;
    }
    if (keepEmpty || f > 1 || flags[0] !== FIELD_PLAIN || ends[0]! > starts[0]!) {
      fields.count = f;
      fields.line = recordLine;
      fields.start = recordStart;
      fields.eol = eol;
      fields.odd = odd;
      onRecord(buf, fields);
    }
  }
  fields.line = line;
  return i;
}

function growFields(fields: CsvFields): void {
  const size = fields.starts.length * 2;
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  const flags = new Uint8Array(size);
  starts.set(fields.starts);
  ends.set(fields.ends);
  flags.set(fields.flags);
  fields.starts = starts;
  fields.ends = ends;
  fields.flags = flags;
}

/** The bytes of field i with doubled quotes undone (a view when there is nothing to undo). */
export function fieldBytes(buf: Uint8Array, fields: CsvFields, i: number): Uint8Array {
  const start = fields.starts[i]!;
  const end = fields.ends[i]!;
  if (fields.flags[i] !== FIELD_ESCAPED) return buf.subarray(start, end);
  const out = new Uint8Array(end - start);
  let n = 0;
  for (let k = start; k < end; k++) {
    out[n++] = buf[k]!;
    if (buf[k] === QUOTE) k++;
  }
  return out.subarray(0, n);
}

const decoder = new TextDecoder();

/** Field i as a string: for headers, error messages and the rare slow path. */
export function fieldText(buf: Uint8Array, fields: CsvFields, i: number): string {
  return decoder.decode(fieldBytes(buf, fields, i));
}

/** True when JavaScript's trim() would change buf[start, end): an end byte is whitespace or may start/end one. */
export function mayNeedTrim(buf: Uint8Array, start: number, end: number): boolean {
  if (start === end) return false;
  const first = buf[start]!;
  const lastByte = buf[end - 1]!;
  return first <= 0x20 || first >= 0x80 || lastByte <= 0x20 || lastByte >= 0x80;
}

export interface CsvReadOptions extends CsvReaderOptions {
  signal?: AbortSignal;
}

/** Reads the file at `path` through a CsvReader in big chunks; returns the reader (for `validUtf8`). */
export async function readCsvFile(
  path: string,
  onRecord: CsvRecordHandler,
  options: CsvReadOptions = {},
): Promise<CsvReader> {
  return readCsv(readChunks(path, options), onRecord, options);
}

/** Reads chunks (of a file, an object, any stream) through a CsvReader; returns the reader (for `validUtf8`). */
export async function readCsv(
  chunks: AsyncIterable<Uint8Array>,
  onRecord: CsvRecordHandler,
  options: CsvReaderOptions = {},
): Promise<CsvReader> {
  const reader = new CsvReader(onRecord, options);
  for await (const chunk of chunks) reader.push(chunk);
  reader.end();
  return reader;
}

export { READ_CHUNK };

/**
 * The bytes of `path` in chunks of up to READ_CHUNK, read into one buffer that is reused: a chunk
 * is valid until the next one is asked for (a CsvReader copies what it keeps). No allocation per
 * chunk, so a 500 MB file costs no garbage collection.
 */
export async function* readChunks(path: string, options: { signal?: AbortSignal } = {}): AsyncGenerator<Uint8Array> {
  yield* fileChunks(await open(path, 'r'), options.signal);
}

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

export const csvReading: CsvReading = {
  FIELD_ESCAPED,
  CsvReader,
  CsvDataError,
  readFile: readCsvFile,
  readChunks,
  fieldBytes,
  fieldText,
  mayNeedTrim,
};
