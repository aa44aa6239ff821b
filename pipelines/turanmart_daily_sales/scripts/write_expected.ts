// Computes the expected gold files expected/gold/daily_sales/dt=<ds>/daily_sales.csv
// from the raw sample exports with DuckDB: an implementation that shares no
// code with the pipeline's tasks, so a match means something. Values are
// trimmed in SQL as ingest does; amounts are DECIMAL(18,2), so the sum is exact.
// Run: npm exec -- tsx pipelines/turanmart_daily_sales/scripts/write_expected.ts

import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const pipelineDir = dirname(dirname(fileURLToPath(import.meta.url)));
const rawDir = join(pipelineDir, 'data', 'raw', 'orders');
const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const folder of readdirSync(rawDir).sort()) {
  const ds = folder.replace(/^dt=/, '');
  const target = join(pipelineDir, 'expected', 'gold', 'daily_sales', `dt=${ds}`, 'daily_sales.csv');
  mkdirSync(dirname(target), { recursive: true });
  await connection.run(`
    COPY (
      SELECT trim(order_date) AS order_date, trim(region) AS region,
        count(DISTINCT trim(order_id)) AS order_count,
        sum(CAST(trim(order_total) AS DECIMAL(18, 2))) AS revenue
      FROM read_csv(${quote(join(rawDir, folder, 'orders.csv'))}, header = true, all_varchar = true,
        delim = ',', quote = '"', escape = '"')
      GROUP BY 1, 2 ORDER BY 1, 2
    ) TO ${quote(target)} (FORMAT csv, HEADER true)`);
  process.stdout.write(`wrote ${target}\n`);
}
connection.closeSync();
instance.closeSync();
