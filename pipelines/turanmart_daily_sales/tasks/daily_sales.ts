// The daily-sales aggregation as a pure function of the bronze orders bytes:
// one row per (order_date, region) with the distinct orders and the revenue to
// the cent. It streams: memory grows with the groups and their distinct order
// ids, never with the rows or the file. Amounts are parsed from the bytes
// straight into integer cents, so 0.10 + 0.20 is 0.30 however many rows there are.

import type { CsvFields, CsvReading } from '../../../src/csv/reader.ts';
import { csvLine } from './csv_format.ts';
import { IdSet, type IdSetData, type NumberSet, unionSize } from './id_set.ts';

/** The reader's flag for a quoted value holding doubled quotes (`ctx.csv.FIELD_ESCAPED`): its bytes need decoding. */
export const ESCAPED = 2;

export const DAILY_SALES_COLUMNS = ['order_date', 'region', 'order_count', 'revenue'] as const;

export interface DailySalesRow {
  orderDate: string;
  region: string;
  /** Distinct order_id values of the group. */
  orderCount: number;
  revenueCents: bigint;
}

export interface DailySales {
  /** Sorted by order_date, then region (byte order). */
  rows: DailySalesRow[];
  /** Data records read (order lines). */
  lines: number;
  /** Sum of the groups' distinct orders. */
  orderCount: number;
  revenueCents: bigint;
}

/**
 * What one share of the orders adds up to, as plain data: `ctx.readInParts` runs `dailySalesPart`
 * on two threads and `mergeDailySales` adds the shares up (the distinct ids by set union).
 */
export interface DailySalesPart {
  lines: number;
  groups: Array<{ date: Uint8Array; region: Uint8Array; ids: IdSetData; cents: bigint }>;
}

/**
 * Aggregates a CSV with at least order_id, order_date, region and order_total, given as chunks of
 * bytes, read with pipewright's CSV reader (`ctx.csv` in a handler).
 */
export async function aggregateDailySales(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  csv: CsvReading,
): Promise<DailySales> {
  return mergeDailySales([await dailySalesPart(source, csv)]);
}

/** The groups of the orders in `source` (a CSV with its header), not yet merged with other shares. */
export async function dailySalesPart(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  csv: CsvReading,
): Promise<DailySalesPart> {
  const aggregator = new DailySalesAggregator(csv);
  const reader = new csv.CsvReader((buf, fields) => aggregator.row(buf, fields));
  for await (const chunk of source) reader.push(chunk);
  reader.end();
  return aggregator.part();
}

/** Adds up shares of the orders: one row per (order_date, region), sorted. */
export function mergeDailySales(parts: DailySalesPart[]): DailySales {
  const decoder = new TextDecoder();
  const byKey = new Map<string, { date: Uint8Array; region: Uint8Array; ids: IdSetData[]; cents: bigint }>();
  let lines = 0;
  for (const part of parts) {
    lines += part.lines;
    for (const group of part.groups) {
      // By the bytes themselves (as the aggregator groups), not by decoded text.
      const key = `${group.date.join(',')};${group.region.join(',')}`;
      const merged = byKey.get(key);
      if (merged) {
        merged.ids.push(group.ids);
        merged.cents += group.cents;
      } else byKey.set(key, { ...group, ids: [group.ids] });
    }
  }
  const groups = [...byKey.values()].sort((a, b) => compareBytes(a.date, b.date) || compareBytes(a.region, b.region));
  let orderCount = 0;
  let revenueCents = 0n;
  const rows = groups.map((group) => {
    const count = unionSize(group.ids);
    orderCount += count;
    revenueCents += group.cents;
    return {
      orderDate: decoder.decode(group.date),
      region: decoder.decode(group.region),
      orderCount: count,
      revenueCents: group.cents,
    };
  });
  return { rows, lines, orderCount, revenueCents };
}

/** The gold CSV: header, one LF-terminated line per group, revenue with two decimals. */
export function formatDailySalesCsv(sales: DailySales): string {
  let out = csvLine(DAILY_SALES_COLUMNS);
  for (const row of sales.rows) {
    out += csvLine([row.orderDate, row.region, String(row.orderCount), formatCents(row.revenueCents)]);
  }
  return out;
}

/** 123456n -> "1234.56", -5n -> "-0.05". */
export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

interface Group {
  hash: number;
  date: Uint8Array;
  region: Uint8Array;
  ids: IdSet;
  /** Running cents, exact while below 2^53; moved into bigCents before it could get there. */
  cents: number;
  bigCents: bigint;
}

/** Each order line adds at most 10^15 cents, so flushing past this keeps `cents` below 2^53. */
const FLUSH_CENTS = 4e15;
const REQUIRED = ['order_id', 'order_date', 'region', 'order_total'] as const;

class DailySalesAggregator {
  readonly #csv: CsvReading;
  #idCol = -1;
  #dateCol = -1;
  #regionCol = -1;
  #totalCol = -1;
  #minFields = 0;
  #lines = 0;
  readonly #groups: Group[] = [];
  /** Open addressing over group hashes; a slot holds group index + 1. */
  #slots = new Int32Array(64);
  /** Consecutive lines of one order repeat its id: skip the set for those. */
  #lastId = -1;
  #lastSet: NumberSet | undefined;
  #lastKeyBytes = new Uint8Array(0);
  #lastKeyWidth = -1;
  #lastKey = '';

  constructor(csv: CsvReading) {
    this.#csv = csv;
  }

  row(buf: Uint8Array, fields: CsvFields): void {
    if (fields.odd) {
      throw new this.#csv.CsvDataError('a quote or a carriage return where CSV does not allow one', fields.line);
    }
    if (this.#dateCol < 0) {
      this.#readHeader(buf, fields);
      return;
    }
    if (fields.count < this.#minFields) {
      throw new this.#csv.CsvDataError(
        `expected at least ${this.#minFields} fields, found ${fields.count}`,
        fields.line,
      );
    }
    this.#lines++;
    const starts = fields.starts;
    const ends = fields.ends;
    const flags = fields.flags;

    // Group: FNV-1a over date bytes, a separator, region bytes.
    const dc = this.#dateCol;
    const rc = this.#regionCol;
    let dateBuf = buf;
    let ds = starts[dc]!;
    let de = ends[dc]!;
    if (flags[dc] === ESCAPED) {
      dateBuf = this.#csv.fieldBytes(buf, fields, dc);
      ds = 0;
      de = dateBuf.length;
    }
    let regionBuf = buf;
    let rs = starts[rc]!;
    let re = ends[rc]!;
    if (flags[rc] === ESCAPED) {
      regionBuf = this.#csv.fieldBytes(buf, fields, rc);
      rs = 0;
      re = regionBuf.length;
    }
    let h = 0x811c9dc5;
    for (let k = ds; k < de; k++) h = Math.imul(h ^ dateBuf[k]!, 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
    for (let k = rs; k < re; k++) h = Math.imul(h ^ regionBuf[k]!, 0x01000193);
    const group = this.#group(h, dateBuf, ds, de, regionBuf, rs, re);

    const tc = this.#totalCol;
    const cents = parseCents(buf, starts[tc]!, ends[tc]!, flags[tc]!);
    if (Number.isNaN(cents)) {
      throw new this.#csv.CsvDataError(
        `order_total "${this.#csv.fieldText(buf, fields, tc)}" is not an amount with at most two decimals`,
        fields.line,
      );
    }
    let sum = group.cents + cents;
    if (sum > FLUSH_CENTS || sum < -FLUSH_CENTS) {
      group.bigCents += BigInt(sum);
      sum = 0;
    }
    group.cents = sum;

    this.#addId(buf, fields, group);
  }

  #addId(buf: Uint8Array, fields: CsvFields, group: Group): void {
    const ic = this.#idCol;
    const is = fields.starts[ic]!;
    const ie = fields.ends[ic]!;
    if (is === ie) return; // an empty id is no order (SQL's count(distinct) skips NULL the same way)
    if (fields.flags[ic] === ESCAPED) {
      const bytes = this.#csv.fieldBytes(buf, fields, ic);
      group.ids.addOther(bytes, 0, bytes.length);
      return;
    }
    let k = ie;
    while (k > is) {
      const c = buf[k - 1]!;
      if (c < 0x30 || c > 0x39) break;
      k--;
    }
    const digits = ie - k;
    if (digits === 0 || digits > 15) {
      group.ids.addOther(buf, is, ie);
      return;
    }
    let value = 0;
    for (let p = k; p < ie; p++) value = value * 10 + (buf[p]! - 0x30);
    // Digits with a leading zero keep their width in the key: TM-007 and TM-7 are two orders.
    const width = digits > 1 && buf[k] === 0x30 ? digits : 0;
    const set = k === is && width === 0 ? group.ids.plain : group.ids.forKey(this.#key(buf, is, k, width));
    if (value === this.#lastId && set === this.#lastSet) return;
    set.add(value);
    this.#lastId = value;
    this.#lastSet = set;
  }

  /** The table key of an id shape (prefix, and width when zero-padded), built only when it differs from the last. */
  #key(buf: Uint8Array, start: number, end: number, width: number): string {
    if (width !== this.#lastKeyWidth || !sameBytes(this.#lastKeyBytes, buf, start, end)) {
      this.#lastKeyBytes = buf.slice(start, end);
      this.#lastKeyWidth = width;
      const prefix = new TextDecoder().decode(this.#lastKeyBytes);
      this.#lastKey = width === 0 ? prefix : `${prefix}\u0000${width}`;
    }
    return this.#lastKey;
  }

  #group(h: number, dateBuf: Uint8Array, ds: number, de: number, regionBuf: Uint8Array, rs: number, re: number): Group {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const index = slots[slot]!;
      if (index === 0) break;
      const group = this.#groups[index - 1]!;
      if (group.hash === h && sameBytes(group.date, dateBuf, ds, de) && sameBytes(group.region, regionBuf, rs, re)) {
        return group;
      }
      slot = (slot + 1) & mask;
    }
    const group: Group = {
      hash: h,
      date: dateBuf.slice(ds, de),
      region: regionBuf.slice(rs, re),
      ids: new IdSet(),
      cents: 0,
      bigCents: 0n,
    };
    this.#groups.push(group);
    slots[slot] = this.#groups.length;
    if (this.#groups.length * 2 > slots.length) this.#rehash();
    return group;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    this.#groups.forEach((group, i) => {
      let slot = group.hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    });
    this.#slots = slots;
  }

  #readHeader(buf: Uint8Array, fields: CsvFields): void {
    const { CsvDataError, fieldText } = this.#csv;
    const names: string[] = [];
    for (let i = 0; i < fields.count; i++) names.push(fieldText(buf, fields, i).trim());
    const [id, date, region, total] = REQUIRED.map((name) => {
      const index = names.indexOf(name);
      if (index < 0) {
        throw new CsvDataError(`missing required column "${name}" (found: ${names.join(', ')})`, fields.line);
      }
      return index;
    }) as [number, number, number, number];
    this.#idCol = id;
    this.#dateCol = date;
    this.#regionCol = region;
    this.#totalCol = total;
    this.#minFields = Math.max(id, date, region, total) + 1;
  }

  part(): DailySalesPart {
    if (this.#dateCol < 0) throw new this.#csv.CsvDataError('the file is empty: no header row', 1);
    const groups = this.#groups.map((group) => ({
      date: group.date,
      region: group.region,
      ids: group.ids.toData(),
      cents: group.bigCents + BigInt(group.cents),
    }));
    return { lines: this.#lines, groups };
  }
}

/**
 * `[+-]digits[.digits]` in integer cents, NaN when malformed. Decimals past the second must be
 * zeros (a sub-cent amount is not exact in cents); at most 13 integer digits keep it below 10^15.
 */
export function parseCents(buf: Uint8Array, start: number, end: number, flag: number): number {
  if (flag === ESCAPED) return Number.NaN;
  let k = start;
  let negative = false;
  if (k < end && (buf[k] === 0x2d || buf[k] === 0x2b)) {
    negative = buf[k] === 0x2d;
    k++;
  }
  let whole = 0;
  let wholeDigits = 0;
  while (k < end) {
    const c = buf[k]!;
    if (c < 0x30 || c > 0x39) break;
    whole = whole * 10 + (c - 0x30);
    wholeDigits++;
    k++;
  }
  let fraction = 0;
  let fractionDigits = 0;
  if (k < end && buf[k] === 0x2e) {
    k++;
    while (k < end) {
      const c = buf[k]!;
      if (c < 0x30 || c > 0x39) break;
      if (fractionDigits < 2) fraction = fraction * 10 + (c - 0x30);
      else if (c !== 0x30) return Number.NaN;
      fractionDigits++;
      k++;
    }
  }
  if (k !== end || wholeDigits + fractionDigits === 0 || wholeDigits > 13) return Number.NaN;
  if (fractionDigits === 1) fraction *= 10;
  const cents = whole * 100 + fraction;
  return negative ? -cents : cents;
}

function sameBytes(key: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) if (key[k] !== buf[start + k]) return false;
  return true;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}
