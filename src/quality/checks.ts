// Declarative checks over one CSV dataset, in a single streaming pass: memory
// stays flat whatever the file size, except for the keys a `unique` rule must
// remember. Each result says what is wrong and where, in words a person can act on.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { CheckRule, Severity } from '../contract/model.js';
import type { Partition } from '../schedule/partitions.js';
import type { CheckResult } from '../store/ledger.js';
import { dateInPartition } from './dates.js';

export interface CheckContext {
  partition: Partition;
  /** The pipeline's zone: dates without an offset are read in it. */
  timezone: string;
}

/** One rule's evaluation over the rows; `finish` may yield several results (one per column). */
interface Evaluator {
  row(values: string[], line: number): void;
  finish(rows: number): CheckResult[];
}

type Outcome = { ok: boolean; details: string };

const MAX_LINES_SHOWN = 3;

export async function runChecks(
  file: string,
  dataset: string,
  rules: CheckRule[],
  ctx: CheckContext,
): Promise<CheckResult[]> {
  const severity: Severity = rules.some((r) => r.severity === 'error') ? 'error' : 'warning';
  const whole = (name: string, details: string): CheckResult[] => [result(name, dataset, severity, false, details)];
  try {
    if (!(await stat(file)).isFile()) return whole('exists', `${file} is not a file`);
  } catch {
    return whole('exists', `file not found: ${file}`);
  }

  let header: string[] | undefined;
  let evaluators: Evaluator[] = [];
  let rows = 0;
  let nextLine = 1;
  let lastEmptyLines = 0;
  const parser = createReadStream(file).pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
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
      for (const evaluator of evaluators) evaluator.row(record, line);
    }
  } catch (error) {
    return whole('readable', `cannot parse ${file} as CSV: ${(error as Error).message}`);
  }
  if (header === undefined) evaluators = rules.map((rule) => evaluatorFor(rule, dataset, [], ctx));
  return evaluators.flatMap((e) => e.finish(rows));
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
        (col) => countOffending(col, 'not_null', isNull, ['empty value', 'empty values']),
        done,
      );
    case 'numeric':
      return perColumn(
        rule.columns,
        header,
        (col) => countOffending(col, 'numeric', (v) => !isNumeric(v), ['non-numeric value', 'non-numeric values']),
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
            (v) => !accepted.has(v),
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
          countOffending(col, 'date_in_partition', (v) => !inside(v), [
            `row outside ${ctx.partition.key}`,
            `rows outside ${ctx.partition.key}`,
          ]),
        done,
      );
    }
    case 'unique':
      return unique(rule.columns, header, done);
  }
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
    row(values, line) {
      for (const check of present) check.counter.row(values, line);
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
  row(values: string[], line: number): void;
  finish(rows: number): [string, Outcome];
}

/** Counts rows whose value in `col` is offending, remembering the first few lines and values. */
function countOffending(
  col: ColumnRef,
  type: string,
  offending: (value: string) => boolean,
  noun: [singular: string, plural: string],
  accepted?: string[],
): ColumnCounter {
  let count = 0;
  const first: Array<{ line: number; value: string }> = [];
  return {
    row(values, line) {
      const value = values[col.index] ?? '';
      if (!offending(value)) return;
      count++;
      if (first.length < MAX_LINES_SHOWN) first.push({ line, value });
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
    row(values, line) {
      if (missing.length) return;
      // U+001F (unit separator) cannot be confused with the text of a value.
      const key = indexes.map((i) => values[i] ?? '').join('\u001f');
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, line);
        return;
      }
      duplicates++;
      if (!example) {
        const shown = columns.map((c, i) => `${c}=${show(values[indexes[i]!] ?? '')}`).join(', ');
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
