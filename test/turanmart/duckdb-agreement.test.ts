// The benchmark compares against DuckDB; this checks on a smaller file that
// both give the same bytes, so the comparison measures equal work.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { duckdbDailySales } from '../../bench/lib/duckdb-daily-sales.js';
import { generateOrders } from '../../bench/lib/generate-orders.js';
import { aggregateDailySales, formatDailySalesCsv } from '../../pipelines/turanmart_daily_sales/tasks/daily_sales.js';
import { csvReading } from '../../src/csv/reader.js';

const dir = mkdtempSync(join(tmpdir(), 'pipewright-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('gives the same gold file as DuckDB on 200,000 generated order lines', async () => {
  const input = join(dir, 'orders.csv');
  const output = join(dir, 'duckdb.csv');
  await generateOrders(input, 200_000, { ds: '2026-05-04', seed: 42 });
  await duckdbDailySales(input, output);
  const ours = formatDailySalesCsv(await aggregateDailySales([readFileSync(input)], csvReading));
  expect(ours.split('\n')).toHaveLength(8); // header, six regions, final line break
  expect(ours).toBe(readFileSync(output, 'utf8'));
});
