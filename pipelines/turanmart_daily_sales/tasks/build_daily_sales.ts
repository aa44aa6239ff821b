// build_daily_sales_gold: bronze orders -> one row per (order_date, region)
// with distinct orders and exact revenue. The work is in daily_sales.ts; this
// handler streams bronze in by name (a folder or a bucket alike), writes the gold
// and reports totals.

import type { TaskContext, TaskOutcome } from 'pipewright';
import { aggregateDailySales, formatCents, formatDailySalesCsv } from './daily_sales.ts';

export async function buildDailySalesGold(ctx: TaskContext): Promise<TaskOutcome> {
  let sales: Awaited<ReturnType<typeof aggregateDailySales>>;
  try {
    // The CSV reader copies what it keeps: the chunks can share one buffer.
    const bronze = ctx.read('bronze_orders', { signal: ctx.signal, reuseBuffer: true });
    sales = await aggregateDailySales(bronze, ctx.csv);
  } catch (error) {
    if (error instanceof ctx.csv.CsvDataError) {
      throw new ctx.errors.DataContractError(`${ctx.where('bronze_orders')}:${error.line}: ${error.message}`);
    }
    throw error;
  }
  await ctx.write('daily_sales', formatDailySalesCsv(sales));
  const revenue = formatCents(sales.revenueCents);
  ctx.logger.info(`gold: ${sales.rows.length} (date, region) rows, ${sales.orderCount} orders, revenue ${revenue}`);
  return { metrics: { order_count: sales.orderCount, revenue_total: revenue } };
}
