// Computes the expected gold files expected/gold/region_inventory_risk/dt=<ds>/region_inventory_risk.csv
// with DuckDB, from the sample product snapshots and the upstream's expected daily sales
// (../turanmart_daily_sales/expected/gold): an implementation that shares no code with the
// task, so a match means something. Money is summed in integer tiyn; days of cover are
// hundredths rounded half up, in integers too.
// Run: npm exec -- tsx pipelines/turanmart_region_inventory_risk/scripts/write_expected.ts

import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const pipelineDir = dirname(dirname(fileURLToPath(import.meta.url)));
const snapshots = join(pipelineDir, 'data', 'raw', 'product_snapshot');
const sales = join(pipelineDir, '..', 'turanmart_daily_sales', 'expected', 'gold', 'daily_sales');
const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const money = (column: string) => `printf('%d.%02d', ${column} // 100, ${column} % 100)`;
const tiyn = (column: string) => `CAST(round(CAST(trim(${column}) AS DECIMAL(18, 2)) * 100) AS HUGEINT)`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
for (const folder of readdirSync(snapshots).sort()) {
  const ds = folder.replace(/^dt=/, '');
  const target = join(pipelineDir, 'expected', 'gold', 'region_inventory_risk', folder, 'region_inventory_risk.csv');
  mkdirSync(dirname(target), { recursive: true });
  const read = (file: string) =>
    `read_csv(${quote(file)}, header = true, all_varchar = true, quote = '"', escape = '"')`;
  await connection.run(`
    COPY (
      WITH stock AS (
        SELECT trim(region) AS region, count(DISTINCT trim(product_id)) AS skus,
          sum(CAST(trim(stock_units) AS HUGEINT) * ${tiyn('unit_price')}) AS stock
        FROM ${read(join(snapshots, folder, 'products.csv'))} GROUP BY 1
      ), revenue AS (
        SELECT region, ${tiyn('revenue')} AS revenue
        FROM ${read(join(sales, folder, 'daily_sales.csv'))} WHERE order_date = ${quote(ds)}
      ), cover AS (
        SELECT stock.*, coalesce(revenue.revenue, 0) AS revenue,
          CASE WHEN revenue.revenue > 0 THEN (stock * 200 + revenue.revenue) // (revenue.revenue * 2) END AS cover
        FROM stock LEFT JOIN revenue USING (region)
      )
      SELECT ${quote(ds)} AS snapshot_date, region, skus AS sku_count, ${money('stock')} AS stock_value,
        ${money('revenue')} AS revenue, coalesce(${money('cover')}, '') AS days_of_cover,
        CASE WHEN cover IS NULL THEN 'no_sales' WHEN cover < 300 THEN 'high' WHEN cover < 700 THEN 'medium' ELSE 'low' END AS risk
      FROM cover ORDER BY region
    ) TO ${quote(target)} (FORMAT csv, HEADER true)`);
  process.stdout.write(`wrote ${target}\n`);
}
connection.closeSync();
instance.closeSync();
