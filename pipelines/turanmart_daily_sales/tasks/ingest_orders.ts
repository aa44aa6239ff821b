// ingest_orders_bronze: raw export -> bronze orders. The raw file is whatever
// the shop system exported (any column order, CRLF, padded values); bronze is
// the same rows normalized: values trimmed, LF line endings, the five contract
// columns first in a fixed order, any extra columns after them as they came.
//
// Bronze is written from byte ranges of the raw file: a clean record in the
// contract's column order is copied as it is, a reordered one field by field,
// and only a value that must change (padded, quoted) is decoded. A file with
// anything csv-parse would read differently from pipewright's reader (a stray
// quote, a bare CR, mixed line endings, a ragged record, bytes that are not
// UTF-8) is read again by csv-parse from the start, so the rules never depend
// on which reader ran.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { AtomicFile, CsvFields, TaskContext, TaskOutcome } from 'pipewright';
import { csvField, csvLine } from './csv_format.ts';

export const ORDER_COLUMNS = ['order_id', 'order_date', 'customer_id', 'region', 'order_total'] as const;

const BATCH_CHARS = 1 << 18;
// At least the atomic writer's flush size, so each write goes to disk as it is, without a concat.
const BATCH_BYTES = 1 << 20;
const COMMA = 0x2c;
const LF = 0x0a;

// Datasets by name, so the same code runs on a data root folder and in a bucket.
const SOURCE = 'raw_orders';
const TARGET = 'bronze_orders';

export async function ingestOrdersBronze(ctx: TaskContext): Promise<TaskOutcome> {
  const shown = ctx.where(SOURCE);
  let file = await ctx.open(TARGET);
  let rows: number;
  try {
    const fast = await ingestFromRanges(ctx, shown, file);
    if (fast === undefined) {
      await file.abort();
      file = await ctx.open(TARGET);
      rows = await ingestWithCsvParse(ctx, shown, file);
    } else {
      rows = fast;
    }
    await file.commit();
  } catch (error) {
    await file.abort();
    if (error instanceof CsvError) throw new ctx.errors.DataContractError(`${shown}: ${error.message}`);
    throw error;
  }
  ctx.logger.info(`bronze: ${rows} order lines from ${shown}`);
  return { metrics: { row_count: rows } };
}

/** Thrown inside the reader's callback to stop at the first thing csv-parse should judge instead. */
class NotForTheFastPath extends Error {}

/** Bronze from byte ranges; undefined (nothing kept) when the file needs csv-parse. */
async function ingestFromRanges(ctx: TaskContext, shown: string, file: AtomicFile): Promise<number | undefined> {
  const { fieldText, mayNeedTrim } = ctx.csv;
  const out = new Output();
  let order: number[] | undefined;
  let inOrder = false;
  let width = 0;
  /** The header's line ending (1 LF, 2 CRLF): csv-parse reads every record with it. */
  let eol = 0;
  let rows = 0;
  // A run of consecutive records copied as they are, flushed in one piece.
  let runBuf: Uint8Array | undefined;
  let runStart = 0;
  let runEnd = 0;
  const flushRun = () => {
    if (runBuf === undefined) return;
    out.bytes(runBuf, runStart, runEnd);
    out.byte(LF);
    runBuf = undefined;
  };

  const onRecord = (buf: Uint8Array, fields: CsvFields) => {
    if (fields.odd) throw new NotForTheFastPath();
    if (order === undefined) {
      if (isEmpty(fields)) throw new NotForTheFastPath();
      const names: string[] = [];
      for (let i = 0; i < fields.count; i++) {
        if (fields.flags[i] !== 0 || mayNeedTrim(buf, fields.starts[i]!, fields.ends[i]!))
          throw new NotForTheFastPath();
        names.push(fieldText(buf, fields, i));
      }
      order = columnOrder(names, shown, ctx);
      inOrder = order.every((column, position) => column === position);
      width = fields.count;
      eol = fields.eol;
      out.text(csvLine(order.map((i) => names[i]!)));
      return;
    }
    if (fields.eol !== eol && fields.eol !== 0) throw new NotForTheFastPath();
    if (isEmpty(fields)) return;
    if (fields.count !== width) throw new NotForTheFastPath();
    rows++;
    const { starts, ends, flags } = fields;
    let clean = eol !== 2 && inOrder;
    for (let i = 0; clean && i < width; i++) clean = flags[i] === 0 && !mayNeedTrim(buf, starts[i]!, ends[i]!);
    if (clean) {
      if (runBuf === buf && fields.start === runEnd + 1) {
        runEnd = fields.end;
        return;
      }
      flushRun();
      runBuf = buf;
      runStart = fields.start;
      runEnd = fields.end;
      return;
    }
    flushRun();
    for (let j = 0; j < width; j++) {
      if (j > 0) out.byte(COMMA);
      const i = order[j]!;
      if (flags[i] === 0 && !mayNeedTrim(buf, starts[i]!, ends[i]!)) out.bytes(buf, starts[i]!, ends[i]!);
      else out.text(csvField(normalize(fieldText(buf, fields, i))));
    }
    out.byte(LF);
  };

  const reader = new ctx.csv.CsvReader(onRecord, { keepEmpty: true, onChunkEnd: flushRun });
  try {
    // The reader and `out` copy what they keep: the chunks can share one buffer.
    for await (const chunk of ctx.read(SOURCE, { signal: ctx.signal, reuseBuffer: true })) {
      reader.push(chunk);
      if (!reader.validUtf8) return undefined;
      if (out.length >= BATCH_BYTES) await file.write(out.take());
    }
    reader.end();
  } catch (error) {
    // csv-parse names its own errors (an unclosed quote, a ragged record) the way bronze always has.
    if (error instanceof NotForTheFastPath || error instanceof ctx.csv.CsvDataError) return undefined;
    throw error;
  }
  if (!reader.validUtf8) return undefined;
  if (order === undefined) throw new ctx.errors.DataContractError(`${shown} is empty: no header row`);
  await file.write(out.take());
  return rows;
}

function isEmpty(fields: CsvFields): boolean {
  return fields.count === 1 && fields.flags[0] === 0 && fields.starts[0] === fields.ends[0];
}

/** A growing byte buffer for the bronze being built; `take` hands its bytes to the writer (which copies them). */
class Output {
  #buf = new Uint8Array(1 << 21);
  length = 0;
  readonly #encoder = new TextEncoder();

  #room(n: number): void {
    if (this.length + n <= this.#buf.length) return;
    const grown = new Uint8Array(Math.max(this.#buf.length * 2, this.length + n));
    grown.set(this.#buf.subarray(0, this.length));
    this.#buf = grown;
  }

  byte(b: number): void {
    this.#room(1);
    this.#buf[this.length++] = b;
  }

  bytes(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.#room(n);
    if (n < 32) for (let k = 0; k < n; k++) this.#buf[this.length + k] = src[start + k]!;
    else this.#buf.set(src.subarray(start, end), this.length);
    this.length += n;
  }

  text(value: string): void {
    this.#room(value.length * 3);
    this.length += this.#encoder.encodeInto(value, this.#buf.subarray(this.length)).written;
  }

  take(): Uint8Array {
    const bytes = this.#buf.subarray(0, this.length);
    this.length = 0;
    return bytes;
  }
}

/** The whole file through csv-parse: the reference reading, for files the fast path leaves to it. */
async function ingestWithCsvParse(ctx: TaskContext, shown: string, file: AtomicFile): Promise<number> {
  let rows = 0;
  // pipeline() hands a read or parse error to the loop below; a bare pipe() would
  // emit it with no listener and take the whole process down.
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true });
  pipeline(Readable.from(ctx.read(SOURCE, { signal: ctx.signal })), parser).catch(() => {});
  const records = parser as AsyncIterable<string[]>;
  let order: number[] | undefined;
  let batch = '';
  for await (const record of records) {
    if (order === undefined) {
      order = columnOrder(
        record.map((name) => name.trim()),
        shown,
        ctx,
      );
      batch = csvLine(order.map((i) => record[i]!));
      continue;
    }
    batch += csvLine(order.map((i) => normalize(record[i]!)));
    rows++;
    if (batch.length >= BATCH_CHARS) {
      await file.write(batch);
      batch = '';
    }
  }
  if (order === undefined) throw new ctx.errors.DataContractError(`${shown} is empty: no header row`);
  await file.write(batch);
  return rows;
}

/** Positions of the contract columns, then of the extra ones; a missing or repeated column breaks the contract. */
function columnOrder(found: string[], shown: string, ctx: TaskContext): number[] {
  const order: number[] = [];
  for (const column of ORDER_COLUMNS) {
    const index = found.indexOf(column);
    if (index < 0) {
      throw new ctx.errors.DataContractError(
        `${shown}:1: missing required column "${column}" (found: ${found.join(', ')}); ` +
          `the export must have ${ORDER_COLUMNS.join(', ')}`,
      );
    }
    if (found.indexOf(column, index + 1) >= 0) {
      throw new ctx.errors.DataContractError(`${shown}:1: column "${column}" appears twice`);
    }
    order.push(index);
  }
  found.forEach((_, index) => {
    if (!order.includes(index)) order.push(index);
  });
  return order;
}

/** Trimmed, with line breaks inside a value as LF: the same order gives the same bytes from any exporter. */
function normalize(value: string): string {
  return value.trim().replace(/\r\n?/g, '\n');
}
