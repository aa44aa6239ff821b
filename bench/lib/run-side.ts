// One side of the daily-sales benchmark in its own process, so that peak RSS
// belongs to that side alone. Prints one JSON line: work time and peak RSS.
// Usage: tsx bench/lib/run-side.ts pipewright|duckdb <input.csv> <output.csv>

import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { aggregateDailySales, formatDailySalesCsv } from '../../pipelines/turanmart_daily_sales/tasks/daily_sales.js';
import { csvReading } from '../../src/csv/reader.js';
import { duckdbDailySales } from './duckdb-daily-sales.js';

const [side, input, output] = process.argv.slice(2);
if (!side || !input || !output) throw new Error('usage: run-side.ts pipewright|duckdb <input> <output>');

const started = performance.now();
let lines = 0;
if (side === 'pipewright') {
  const sales = await aggregateDailySales(createReadStream(input, { highWaterMark: 1 << 20 }), csvReading);
  await writeFile(output, formatDailySalesCsv(sales));
  lines = sales.lines;
} else if (side === 'duckdb') {
  await duckdbDailySales(input, output);
} else {
  throw new Error(`unknown side ${side}`);
}
const workMs = performance.now() - started;
// maxRSS is in KiB on Linux; the same call measures both sides.
process.stdout.write(`${JSON.stringify({ side, lines, workMs, maxRssKb: process.resourceUsage().maxRSS })}\n`);
