// build_region_inventory_risk: the day's stock value per region against the day's
// revenue from turanmart_daily_sales (a `from:` input), as days of cover and a risk
// band. Money stays in integer tiyn (BigInt), so sums and ratios are exact. Datasets
// are read and written by name, so it runs the same on a folder and in a bucket.

import type { TaskContext, TaskOutcome } from 'pipewright';

/** Cover below these many days (in hundredths) is high, then medium risk. */
const HIGH_BELOW = 300n;
const MEDIUM_BELOW = 700n;
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

interface RegionRisk {
  region: string;
  skus: Set<string>;
  stockCents: bigint;
  revenueCents?: bigint;
}

export async function buildRegionInventoryRisk(ctx: TaskContext): Promise<TaskOutcome> {
  const regions = new Map<string, RegionRisk>();
  const regionOf = (name: string) => {
    const found = regions.get(name) ?? { region: name, skus: new Set<string>(), stockCents: 0n };
    regions.set(name, found);
    return found;
  };
  // Bad values are the data's fault: a data error fails fast and is never retried.
  const value = <T>(parsed: T | undefined, text: string | undefined, where: string, expected: string): T => {
    if (parsed === undefined) throw new ctx.errors.DataContractError(`${where}: '${text ?? ''}' is not ${expected}`);
    return parsed;
  };
  await readRows(ctx, 'product_snapshot', (row, where) => {
    const region = regionOf(row.region!);
    region.skus.add(row.product_id!);
    const units = value(count(row.stock_units), row.stock_units, where, 'a whole number of units');
    region.stockCents += units * value(cents(row.unit_price), row.unit_price, where, 'an amount like 1290.50');
  });
  await readRows(ctx, 'daily_sales', (row, where) => {
    const revenue = value(cents(row.revenue), row.revenue, where, 'an amount like 1290.50');
    if (row.order_date === ctx.ds) regionOf(row.region!).revenueCents = revenue;
  });

  const lines = ['snapshot_date,region,sku_count,stock_value,revenue,days_of_cover,risk'];
  let high = 0;
  for (const r of [...regions.values()].sort((a, b) => (a.region < b.region ? -1 : 1))) {
    const revenue = r.revenueCents ?? 0n;
    // Hundredths of a day, rounded half up: stock / revenue × 100.
    const cover = revenue > 0n ? (r.stockCents * 200n + revenue) / (revenue * 2n) : undefined;
    const risk =
      cover === undefined ? 'no_sales' : cover < HIGH_BELOW ? 'high' : cover < MEDIUM_BELOW ? 'medium' : 'low';
    if (risk === 'high') high++;
    const days = cover === undefined ? '' : money(cover);
    lines.push([ctx.ds, r.region, r.skus.size, money(r.stockCents), money(revenue), days, risk].join(','));
  }
  await ctx.write('region_inventory_risk', `${lines.join('\n')}\n`);
  const stock = [...regions.values()].reduce((sum, r) => sum + r.stockCents, 0n);
  ctx.logger.info(`${regions.size} regions, ${high} at high risk, stock value ${money(stock)}`);
  return { metrics: { regions: regions.size, high_risk_regions: high, stock_value_total: money(stock) } };
}

/** Each data row of an input as { column: value }, with `path:line` for error messages. */
async function readRows(
  ctx: TaskContext,
  input: string,
  onRow: (row: Record<string, string>, where: string) => void,
): Promise<void> {
  let header: string[] | undefined;
  const reader = new ctx.csv.CsvReader((buf, fields) => {
    const values = Array.from({ length: fields.count }, (_, i) => ctx.csv.fieldText(buf, fields, i).trim());
    if (!header) header = values;
    else
      onRow(Object.fromEntries(header.map((name, i) => [name, values[i] ?? ''])), `${ctx.where(input)}:${fields.line}`);
  });
  for await (const chunk of ctx.read(input, { signal: ctx.signal })) reader.push(chunk);
  reader.end();
}

const count = (text = '') => (/^\d+$/.test(text) ? BigInt(text) : undefined);

function cents(text = ''): bigint | undefined {
  const match = AMOUNT.exec(text);
  return match ? BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0')) : undefined;
}

const money = (hundredths: bigint) => `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
