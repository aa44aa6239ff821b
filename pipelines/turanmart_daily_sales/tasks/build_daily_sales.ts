// build_daily_sales_gold: bronze orders -> one row per (order_date, region)
// with distinct orders and exact revenue. The work is in daily_sales.ts; this
// handler streams the file in, publishes the result atomically and reports totals.

import { relative } from 'node:path';
import type { TaskContext, TaskOutcome } from 'pipewright';
import { aggregateDailySales, formatCents, formatDailySalesCsv } from './daily_sales.ts';

export async function buildDailySalesGold(ctx: TaskContext): Promise<TaskOutcome> {
  const source = ctx.outputs.bronze_orders;
  const target = ctx.outputs.daily_sales;
  if (source === undefined || target === undefined) {
    throw new Error('the pipeline contract must declare outputs "bronze_orders" and "daily_sales" for this task');
  }
  let sales: Awaited<ReturnType<typeof aggregateDailySales>>;
  try {
    sales = await aggregateDailySales(ctx.csv.readChunks(source, { signal: ctx.signal }), ctx.csv);
  } catch (error) {
    if (error instanceof ctx.csv.CsvDataError) {
      throw new ctx.errors.DataContractError(`${relative(ctx.dataRoot, source)}:${error.line}: ${error.message}`);
    }
    throw error;
  }
  await ctx.writer.writeFile(target, formatDailySalesCsv(sales));
  const revenue = formatCents(sales.revenueCents);
  ctx.logger.info(`gold: ${sales.rows.length} (date, region) rows, ${sales.orderCount} orders, revenue ${revenue}`);
  return { metrics: { order_count: sales.orderCount, revenue_total: revenue } };
}
