// The DuckDB side of the comparison: the same aggregation in SQL, amounts read
// as DECIMAL(18,2) so the sum is exact, written to CSV like the gold file.

import { DuckDBInstance } from '@duckdb/node-api';

const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** Aggregates `input` into `output`. */
export async function duckdbDailySales(input: string, output: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`
      CREATE VIEW orders AS SELECT * FROM read_csv(${quote(input)}, header = true, auto_detect = false,
        delim = ',', quote = '"', escape = '"', columns = {
          'order_id': 'VARCHAR', 'order_date': 'VARCHAR', 'customer_id': 'VARCHAR',
          'region': 'VARCHAR', 'order_total': 'DECIMAL(18,2)', 'channel': 'VARCHAR'})`);
    await connection.run(`
      COPY (
        SELECT order_date, region, count(DISTINCT order_id) AS order_count, sum(order_total) AS revenue
        FROM orders GROUP BY order_date, region ORDER BY order_date, region
      ) TO ${quote(output)} (FORMAT csv, HEADER true)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
