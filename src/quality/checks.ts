// Declarative checks over one CSV dataset, in a single streaming pass: memory
// stays flat whatever the file size, except for the keys a `unique` rule must
// remember. Each result says what is wrong and where, in words a person can act on.
//
// The pass uses the core's byte reader; a file it would not read the way
// csv-parse does (a stray quote, a bare CR, mixed line endings, bytes that are
// not UTF-8, an unclosed quote) is checked again from the start with csv-parse,
// so results never depend on which reader ran.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CheckRule, Severity } from '../contract/model.js';
import { CsvDataError, type CsvFields, CsvReader, fieldText, mayNeedTrim, readChunks } from '../csv/reader.js';
import type { Partition } from '../schedule/partitions.js';
import type { CheckResult } from '../store/ledger.js';
import { dateInPartition } from './dates.js';

export interface CheckContext {
  partition: Partition;
  /** The pipeline's zone: dates without an offset are read in it. */
  timezone: string;
}

/** One record as the rules see it: over the reader's bytes, or over csv-parse's strings. */
interface RowView {
  /** Value i ('' past the end of a short record). */
  text(i: number): string;
  isNull(i: number): boolean;
  isNumeric(i: number): boolean;
  /** True when value i equals the value `memo` last saw; otherwise `memo` now holds it. */
  repeats(i: number, memo: Memo): boolean;
}

/** The last value a rule judged, and its verdict: real files repeat a handful of dates and regions. */
interface Memo {
  bytes?: Uint8Array;
  text?: string;
  verdict: boolean;
}

/** One rule's evaluation over the rows; `finish` may yield several results (one per column). */
interface Evaluator {
  row(row: RowView, line: number): void;
  finish(rows: number): CheckResult[];
}

type Outcome = { ok: boolean; details: string };

/** The dataset under check: a file, or an object read through the data root's store. */
export interface CheckSource {
  /** How messages name it. */
  name: string;
  /** Undefined when it exists; else why it cannot be read (`file not found: …`). */
  missing(): Promise<string | undefined>;
  /**
   * Its bytes from the start; may be asked for twice (the csv-parse pass). With `reuseBuffer`
   * the chunks may share one buffer, each valid until the next is asked for.
   */
  chunks(options?: { reuseBuffer?: boolean }): AsyncIterable<Uint8Array>;
}

function fileSource(file: string): CheckSource {
  return {
    name: file,
    async missing() {
      try {
        return (await stat(file)).isFile() ? undefined : `${file} is not a file`;
      } catch {
        return `file not found: ${file}`;
      }
    },
    chunks: (options) => (options?.reuseBuffer ? readChunks(file) : createReadStream(file, { highWaterMark: 1 << 20 })),
  };
}

const MAX_LINES_SHOWN = 3;

export async function runChecks(
  file: string | CheckSource,
  dataset: string,
  rules: CheckRule[],
  ctx: CheckContext,
): Promise<CheckResult[]> {
  const source = typeof file === 'string' ? fileSource(file) : file;
  const missing = await source.missing();
  if (missing !== undefined) return wholeFileFailure('exists', dataset, rules, missing);
  return (await checkWithReader(source, dataset, rules, ctx)) ?? (await checkWithCsvParse(source, dataset, rules, ctx));
}

/** One failed result for the whole file (missing, unreadable), as severe as the most severe rule. */
function wholeFileFailure(name: string, dataset: string, rules: CheckRule[], details: string): CheckResult[] {
  const severity: Severity = rules.some((r) => r.severity === 'error') ? 'error' : 'warning';
  return [result(name, dataset, severity, false, details)];
}

/** Thrown from the reader's callback at the first record csv-parse should read instead. */
class LeaveToCsvParse extends Error {}

/** The fast pass; undefined when the file must be read by csv-parse. */
async function checkWithReader(
  source: CheckSource,
  dataset: string,
  rules: CheckRule[],
  ctx: CheckContext,
): Promise<CheckResult[] | undefined> {
  const checks = new ByteChecks(dataset, rules, ctx);
  // The reader copies what it keeps, so the chunks can share one buffer.
  for await (const chunk of source.chunks({ reuseBuffer: true })) {
    checks.push(chunk);
    if (checks.leftToCsvParse) return undefined;
  }
  return checks.end();
}

/**
 * The checks' fast pass over bytes pushed in order, as they are read or as they are written:
 * `end` gives the results, or undefined when the bytes must be checked by csv-parse instead.
 */
export class ByteChecks {
  readonly #reader: CsvReader;
  readonly #dataset: string;
  readonly #rules: CheckRule[];
  readonly #ctx: CheckContext;
  #evaluators: Evaluator[] | undefined;
  #rows = 0;
  /** The header's line ending: csv-parse reads every record with the one it found first. */
  #eol = 0;
  #left = false;

  constructor(dataset: string, rules: CheckRule[], ctx: CheckContext) {
    this.#dataset = dataset;
    this.#rules = rules;
    this.#ctx = ctx;
    const view = new BytesRow();
    this.#reader = new CsvReader(
      (buf, fields) => {
        if (fields.odd) throw new LeaveToCsvParse();
        const empty = fields.count === 1 && fields.flags[0] === 0 && fields.starts[0] === fields.ends[0];
        if (this.#evaluators === undefined) {
          if (empty) throw new LeaveToCsvParse();
          const header: string[] = [];
          for (let i = 0; i < fields.count; i++) header.push(fieldText(buf, fields, i).trim());
          this.#evaluators = rules.map((rule) => evaluatorFor(rule, dataset, header, ctx));
          this.#eol = fields.eol;
          return;
        }
        if (fields.eol !== this.#eol && fields.eol !== 0) throw new LeaveToCsvParse();
        if (empty) return;
        this.#rows++;
        view.buf = buf;
        view.fields = fields;
        for (const evaluator of this.#evaluators) evaluator.row(view, fields.line);
      },
      { keepEmpty: true },
    );
  }

  /** True once the bytes are known to need csv-parse: later chunks are ignored. */
  get leftToCsvParse(): boolean {
    return this.#left;
  }

  push(chunk: Uint8Array): void {
    if (this.#left) return;
    this.#guard(() => this.#reader.push(chunk));
  }

  end(): CheckResult[] | undefined {
    this.#guard(() => this.#reader.end());
    if (this.#left) return undefined;
    const evaluators = this.#evaluators ?? this.#rules.map((rule) => evaluatorFor(rule, this.#dataset, [], this.#ctx));
    return evaluators.flatMap((e) => e.finish(this.#rows));
  }

  #guard(step: () => void): void {
    if (this.#left) return;
    try {
      step();
      if (!this.#reader.validUtf8) this.#left = true;
    } catch (error) {
      if (error instanceof LeaveToCsvParse || error instanceof CsvDataError) this.#left = true;
      else throw error;
    }
  }
}

/** The reference pass: every record through csv-parse, as strings (exported for tests to compare with). */
export async function checkWithCsvParse(
  file: string | CheckSource,
  dataset: string,
  rules: CheckRule[],
  ctx: CheckContext,
): Promise<CheckResult[]> {
  let header: string[] | undefined;
  let evaluators: Evaluator[] = [];
  let rows = 0;
  let nextLine = 1;
  let lastEmptyLines = 0;
  const view = new StringsRow();
  const name = typeof file === 'string' ? file : file.name;
  // Fresh chunks: csv-parse keeps the tail of one while it reads the next.
  const bytes = typeof file === 'string' ? createReadStream(file) : Readable.from(file.chunks());
  const parser = bytes.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: RecordInfo }>) {
      // A record starts after the previous one and any blank lines skipped since; csv-parse's own
      // line count miscounts CRLF inside quotes, so the span is counted from the values.
      const line = nextLine + (info.empty_lines - lastEmptyLines);
      lastEmptyLines = info.empty_lines;
      nextLine = line + 1 + newlinesIn(record);
      if (header === undefined) {
        header = record.map((h) => h.trim());
        evaluators = rules.map((rule) => evaluatorFor(rule, dataset, header ?? [], ctx));
        continue;
      }
      rows++;
      view.values = record;
      for (const evaluator of evaluators) evaluator.row(view, line);
    }
  } catch (error) {
    return wholeFileFailure('readable', dataset, rules, `cannot parse ${name} as CSV: ${(error as Error).message}`);
  }
  if (header === undefined) evaluators = rules.map((rule) => evaluatorFor(rule, dataset, [], ctx));
  return evaluators.flatMap((e) => e.finish(rows));
}

/** A record of csv-parse strings. */
class StringsRow implements RowView {
  values: string[] = [];
  text(i: number): string {
    return this.values[i] ?? '';
  }
  isNull(i: number): boolean {
    return isNull(this.text(i));
  }
  isNumeric(i: number): boolean {
    return isNumeric(this.text(i));
  }
  repeats(i: number, memo: Memo): boolean {
    const value = this.text(i);
    if (memo.text === value) return true;
    memo.text = value;
    return false;
  }
}

/** A record of the byte reader: values decoded only when a rule needs the text. */
class BytesRow implements RowView {
  buf: Uint8Array = new Uint8Array(0);
  fields: CsvFields | undefined;

  text(i: number): string {
    const fields = this.fields!;
    return i < fields.count ? fieldText(this.buf, fields, i) : '';
  }

  /** True when the bytes of value i are its trimmed value. */
  #plain(i: number): boolean {
    const fields = this.fields!;
    return fields.flags[i] === 0 && !mayNeedTrim(this.buf, fields.starts[i]!, fields.ends[i]!);
  }

  isNull(i: number): boolean {
    const fields = this.fields!;
    if (i >= fields.count) return true;
    if (!this.#plain(i)) return isNull(this.text(i));
    const start = fields.starts[i]!;
    const length = fields.ends[i]! - start;
    if (length === 0) return true;
    if (length !== 4) return false;
    const buf = this.buf;
    // "NULL" in any case: clearing bit 0x20 upper-cases ASCII letters.
    return (
      (buf[start]! & 0xdf) === 0x4e &&
      (buf[start + 1]! & 0xdf) === 0x55 &&
      (buf[start + 2]! & 0xdf) === 0x4c &&
      (buf[start + 3]! & 0xdf) === 0x4c
    );
  }

  isNumeric(i: number): boolean {
    const fields = this.fields!;
    if (i >= fields.count) return false;
    if (!this.#plain(i)) return isNumeric(this.text(i));
    return isDecimalBytes(this.buf, fields.starts[i]!, fields.ends[i]!);
  }

  repeats(i: number, memo: Memo): boolean {
    const fields = this.fields!;
    const inside = i < fields.count;
    const start = inside ? fields.starts[i]! : 0;
    const end = inside ? fields.ends[i]! : 0;
    // Doubled quotes make bytes and value differ: never remembered, always judged.
    const escaped = inside && fields.flags[i] === 2;
    const last = memo.bytes;
    if (!escaped && last !== undefined && last.length === end - start) {
      const buf = this.buf;
      let k = 0;
      while (k < last.length && last[k] === buf[start + k]) k++;
      if (k === last.length) return true;
    }
    memo.bytes = escaped ? undefined : this.buf.slice(start, end);
    return false;
  }
}

/** DECIMAL over bytes: [+-]? (digits [. digits*] | . digits) ([eE] [+-]? digits)? */
function isDecimalBytes(buf: Uint8Array, start: number, end: number): boolean {
  let k = start;
  if (k < end && (buf[k] === 0x2b || buf[k] === 0x2d)) k++;
  let digits = 0;
  while (k < end && buf[k]! >= 0x30 && buf[k]! <= 0x39) {
    k++;
    digits++;
  }
  if (k < end && buf[k] === 0x2e) {
    k++;
    while (k < end && buf[k]! >= 0x30 && buf[k]! <= 0x39) {
      k++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (k < end && (buf[k] === 0x65 || buf[k] === 0x45)) {
    k++;
    if (k < end && (buf[k] === 0x2b || buf[k] === 0x2d)) k++;
    let exponent = 0;
    while (k < end && buf[k]! >= 0x30 && buf[k]! <= 0x39) {
      k++;
      exponent++;
    }
    if (exponent === 0) return false;
  }
  return k === end;
}

interface RecordInfo {
  empty_lines: number;
}

function newlinesIn(values: string[]): number {
  let count = 0;
  for (const value of values) {
    for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function evaluatorFor(rule: CheckRule, dataset: string, header: string[], ctx: CheckContext): Evaluator {
  const done = (name: string, outcome: Outcome) => result(name, dataset, rule.severity, outcome.ok, outcome.details);
  const fixed = (name: string, outcome: (rows: number) => Outcome): Evaluator => ({
    row() {},
    finish: (rows) => [done(name, outcome(rows))],
  });
  switch (rule.type) {
    case 'required_columns':
      return fixed('required_columns', () => requiredColumns(rule.columns, header));
    case 'row_count':
      return fixed('row_count', (rows) => rowCount(rows, rule.min, rule.max));
    case 'not_null':
      return perColumn(
        rule.columns,
        header,
        (col) => countOffending(col, 'not_null', (row, i) => row.isNull(i), ['empty value', 'empty values']),
        done,
      );
    case 'numeric':
      return perColumn(
        rule.columns,
        header,
        (col) =>
          countOffending(col, 'numeric', (row, i) => !row.isNumeric(i), ['non-numeric value', 'non-numeric values']),
        done,
      );
    case 'accepted_values': {
      const accepted = new Set(rule.values);
      return perColumn(
        [rule.column],
        header,
        (col) =>
          countOffending(
            col,
            'accepted_values',
            remembered((value) => !accepted.has(value)),
            ['row with another value', 'rows with other values'],
            rule.values,
          ),
        done,
      );
    }
    case 'date_in_partition': {
      const inside = dateInPartition(ctx.partition, ctx.timezone);
      return perColumn(
        [rule.column],
        header,
        (col) =>
          countOffending(
            col,
            'date_in_partition',
            remembered((value) => !inside(value)),
            [`row outside ${ctx.partition.key}`, `rows outside ${ctx.partition.key}`],
          ),
        done,
      );
    }
    case 'unique':
      return unique(rule.columns, header, done);
  }
}

/** A verdict on the text of a value, judged again only when the value differs from the last row's. */
function remembered(offending: (value: string) => boolean): (row: RowView, i: number) => boolean {
  const memo: Memo = { verdict: false };
  return (row, i) => {
    if (!row.repeats(i, memo)) memo.verdict = offending(row.text(i));
    return memo.verdict;
  };
}

function result(name: string, dataset: string, severity: Severity, ok: boolean, details: string): CheckResult {
  const status = ok ? 'passed' : severity === 'warning' ? 'warned' : 'failed';
  return { name, dataset, status, severity, details };
}

function requiredColumns(columns: string[], header: string[]): Outcome {
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length === 0) return { ok: true, details: `all ${columns.length} required columns present` };
  const found = header.length ? `header: ${header.join(', ')}` : 'the file has no header row';
  return {
    ok: false,
    details: `missing ${missing.length === 1 ? 'column' : 'columns'}: ${missing.join(', ')} (${found})`,
  };
}

function rowCount(rows: number, min?: number, max?: number): Outcome {
  const bounds = [min !== undefined ? `at least ${min}` : '', max !== undefined ? `at most ${max}` : '']
    .filter(Boolean)
    .join(' and ');
  const ok = (min === undefined || rows >= min) && (max === undefined || rows <= max);
  return { ok, details: `${plural(rows, ['row', 'rows'])}${bounds ? `, expected ${bounds}` : ''}` };
}

interface ColumnRef {
  name: string;
  index: number;
}

/** One result per column; a column missing from the header fails its check without reading rows. */
function perColumn(
  columns: string[],
  header: string[],
  make: (col: ColumnRef) => ColumnCounter,
  done: (name: string, outcome: Outcome) => CheckResult,
): Evaluator {
  const checks = columns.map((name) => {
    const col = { name, index: header.indexOf(name) };
    return { col, counter: make(col) };
  });
  const present = checks.filter((c) => c.col.index >= 0);
  return {
    row(row, line) {
      for (const check of present) check.counter.row(row, line);
    },
    finish(rows) {
      return checks.map(({ col, counter }) => {
        const [name, outcome] = counter.finish(rows);
        return done(name, col.index < 0 ? { ok: false, details: notInHeader(col.name, header) } : outcome);
      });
    },
  };
}

interface ColumnCounter {
  row(row: RowView, line: number): void;
  finish(rows: number): [string, Outcome];
}

/** Counts rows whose value in `col` is offending, remembering the first few lines and values. */
function countOffending(
  col: ColumnRef,
  type: string,
  offending: (row: RowView, i: number) => boolean,
  noun: [singular: string, plural: string],
  accepted?: string[],
): ColumnCounter {
  let count = 0;
  const first: Array<{ line: number; value: string }> = [];
  return {
    row(row, line) {
      if (!offending(row, col.index)) return;
      count++;
      if (first.length < MAX_LINES_SHOWN) first.push({ line, value: row.text(col.index) });
    },
    finish(rows) {
      const name = `${type}(${col.name})`;
      if (count === 0) return [name, { ok: true, details: `no ${noun[1]} among ${plural(rows, ['row', 'rows'])}` }];
      const where =
        type === 'not_null'
          ? `first: ${first.length === 1 ? 'line' : 'lines'} ${first.map((f) => f.line).join(', ')}`
          : `first: line ${first[0]!.line}, ${col.name}=${show(first[0]!.value)}`;
      const tail = accepted ? `; accepted: ${accepted.join(', ')}` : '';
      return [name, { ok: false, details: `${plural(count, noun)} (${where})${tail}` }];
    },
  };
}

function unique(columns: string[], header: string[], done: (name: string, outcome: Outcome) => CheckResult): Evaluator {
  const name = `unique(${columns.join(', ')})`;
  const indexes = columns.map((c) => header.indexOf(c));
  const missing = columns.filter((_, i) => indexes[i]! < 0);
  const seen = new Map<string, number>();
  let duplicates = 0;
  let example = '';
  return {
    row(row, line) {
      if (missing.length) return;
      // U+001F (unit separator) cannot be confused with the text of a value.
      const key = indexes.map((i) => row.text(i)).join('\u001f');
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, line);
        return;
      }
      duplicates++;
      if (!example) {
        const shown = columns.map((c, i) => `${c}=${show(row.text(indexes[i]!))}`).join(', ');
        example = `first: line ${line}, ${shown} already on line ${earlier}`;
      }
    },
    finish(rows) {
      if (missing.length) return [done(name, { ok: false, details: notInHeader(missing.join(', '), header) })];
      if (duplicates === 0) return [done(name, { ok: true, details: `all ${plural(rows, ['row', 'rows'])} unique` })];
      return [
        done(name, { ok: false, details: `${plural(duplicates, ['duplicate row', 'duplicate rows'])} (${example})` }),
      ];
    },
  };
}

function notInHeader(column: string, header: string[]): string {
  const found = header.length ? `header: ${header.join(', ')}` : 'the file has no header row';
  return `column ${column} is not in the file (${found})`;
}

function isNull(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toUpperCase() === 'NULL';
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function isNumeric(value: string): boolean {
  return DECIMAL.test(value.trim());
}

function show(value: string): string {
  if (value === '') return '(empty)';
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

function plural(n: number, [singular, many]: [string, string]): string {
  return `${n} ${n === 1 ? singular : many}`;
}
