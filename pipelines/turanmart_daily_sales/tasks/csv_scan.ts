// A byte-level streaming CSV scanner (RFC 4180): it finds field boundaries in
// the raw bytes and hands each record to a callback as offsets, so a consumer
// that needs four columns of ten million rows never builds a string or an
// object per row. Quoted fields may hold commas, doubled quotes and newlines;
// CRLF and LF records are both accepted; empty lines are skipped.

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

/** Field i of the current record spans buf[starts[i], ends[i]); its quotes are already excluded. */
export interface CsvFields {
  starts: Int32Array;
  ends: Int32Array;
  /** 0 unquoted, 1 quoted, 2 quoted with doubled quotes that `fieldBytes` must undo. */
  flags: Uint8Array;
  count: number;
  /** 1-based physical line where the record starts. */
  line: number;
}

/** Called once per record; `buf` and `fields` are reused, so copy whatever must outlive the call. */
export type CsvRowHandler = (buf: Uint8Array, fields: CsvFields) => void;

export interface CsvScannerOptions {
  /** A record longer than this is refused (it is usually an unterminated quote). Default 16 MiB. */
  maxRecordBytes?: number;
}

/** Push chunks of any size in order, then call end(); records split across chunks are reassembled. */
export class CsvScanner {
  readonly #onRow: CsvRowHandler;
  readonly #maxRecordBytes: number;
  readonly #fields: CsvFields;
  /** Holds the unfinished record followed by the next chunk, reused to avoid an allocation per chunk. */
  #scratch = new Uint8Array(0);
  #carry = 0;

  constructor(onRow: CsvRowHandler, options: CsvScannerOptions = {}) {
    this.#onRow = onRow;
    this.#maxRecordBytes = options.maxRecordBytes ?? 16 * 1024 * 1024;
    this.#fields = {
      starts: new Int32Array(16),
      ends: new Int32Array(16),
      flags: new Uint8Array(16),
      count: 0,
      line: 1,
    };
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.#carry === 0) {
      const done = scanRecords(chunk, 0, chunk.length, this.#fields, this.#onRow);
      this.#keep(chunk, done, chunk.length);
      return;
    }
    const total = this.#carry + chunk.length;
    if (this.#scratch.length < total) {
      const grown = new Uint8Array(Math.max(total, this.#scratch.length * 2));
      grown.set(this.#scratch.subarray(0, this.#carry));
      this.#scratch = grown;
    }
    this.#scratch.set(chunk, this.#carry);
    const done = scanRecords(this.#scratch, 0, total, this.#fields, this.#onRow);
    this.#keep(this.#scratch, done, total);
  }

  /** Flushes a last record without a line break; an open quote at the end of input is an error. */
  end(): void {
    if (this.#carry === 0) return;
    this.push(Uint8Array.of(LF));
    if (this.#carry > 0) throw new CsvDataError('unterminated quoted field', this.#fields.line);
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

/**
 * Scans complete records of buf[pos, len) and returns the offset where the first unfinished one
 * starts (len when none is). Kept as one function over locals: this loop is the hot path.
 */
function scanRecords(buf: Uint8Array, pos: number, len: number, fields: CsvFields, onRow: CsvRowHandler): number {
  let starts = fields.starts;
  let ends = fields.ends;
  let flags = fields.flags;
  let line = fields.line;
  let i = pos;
  while (i < len) {
    const recordStart = i;
    const recordLine = line;
    let f = 0;
    let c = 0;
    for (;;) {
      if (f === starts.length) {
        growFields(fields);
        starts = fields.starts;
        ends = fields.ends;
        flags = fields.flags;
      }
      if (i < len && buf[i] === QUOTE) {
        let j = i + 1;
        let flag = 1;
        for (;;) {
          if (j >= len) {
            fields.line = recordLine;
            return recordStart;
          }
          const d = buf[j]!;
          if (d === QUOTE) {
            if (j + 1 >= len) {
              fields.line = recordLine;
              return recordStart;
            }
            if (buf[j + 1] !== QUOTE) break;
            flag = 2;
            j += 2;
            continue;
          }
          if (d === LF) line++;
          j++;
        }
        starts[f] = i + 1;
        ends[f] = j;
        flags[f] = flag;
        i = j + 1;
        c = buf[i]!;
        if (c === CR) {
          if (i + 1 >= len) {
            fields.line = recordLine;
            return recordStart;
          }
          if (buf[i + 1] === LF) {
            i++;
            c = LF;
          }
        }
        if (c !== COMMA && c !== LF) {
          throw new CsvDataError(`unexpected character after the closing quote of field ${f + 1}`, recordLine);
        }
      } else {
        const s = i;
        while (i < len) {
          c = buf[i]!;
          if (c === COMMA || c === LF) break;
          i++;
        }
        if (i >= len) {
          fields.line = recordLine;
          return recordStart;
        }
        starts[f] = s;
        ends[f] = c === LF && i > s && buf[i - 1] === CR ? i - 1 : i;
        flags[f] = 0;
      }
      f++;
      i++;
      if (c === LF) {
        line++;
        break;
      }
    }
    if (f > 1 || flags[0] !== 0 || ends[0]! > starts[0]!) {
      fields.count = f;
      fields.line = recordLine;
      onRow(buf, fields);
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
  if (fields.flags[i] !== 2) return buf.subarray(start, end);
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
