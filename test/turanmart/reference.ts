// A deliberately simple daily-sales implementation for the tests: csv-parse
// into objects, amounts through BigInt. Slow and obviously right, so the fast
// path can be checked against it.

import { parse } from 'csv-parse/sync';

export function referenceDailySales(csv: string): string {
  const rows = parse(csv, { columns: true, bom: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
  const groups = new Map<string, { date: string; region: string; ids: Set<string>; cents: bigint }>();
  for (const row of rows) {
    const date = row.order_date!;
    const region = row.region!;
    const key = JSON.stringify([date, region]);
    let group = groups.get(key);
    if (!group) {
      group = { date, region, ids: new Set(), cents: 0n };
      groups.set(key, group);
    }
    if (row.order_id) group.ids.add(row.order_id);
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(row.order_total!);
    if (!match) throw new Error(`bad amount ${row.order_total}`);
    const fraction = (match[3] ?? '').padEnd(2, '0');
    const cents = BigInt(match[2] || '0') * 100n + BigInt(fraction.slice(0, 2));
    group.cents += match[1] === '-' ? -cents : cents;
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      Buffer.compare(Buffer.from(a.date), Buffer.from(b.date)) ||
      Buffer.compare(Buffer.from(a.region), Buffer.from(b.region)),
  );
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  let out = 'order_date,region,order_count,revenue\n';
  for (const g of sorted) {
    const sign = g.cents < 0n ? '-' : '';
    const abs = g.cents < 0n ? -g.cents : g.cents;
    out += `${field(g.date)},${field(g.region)},${g.ids.size},${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}\n`;
  }
  return out;
}
