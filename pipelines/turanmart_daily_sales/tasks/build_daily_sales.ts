// build_daily_sales_gold: bronze orders -> one row per (order_date, region)
// with distinct orders and exact revenue. The work is in daily_sales.ts; this
// handler reads bronze by name (a folder or a bucket alike) on two threads,
// adds their shares up, writes the gold and reports totals.

import type { TaskContext, TaskOutcome } from 'pipewright';
import {
  type DailySales,
  type DailySalesPart,
  formatCents,
  formatDailySalesCsv,
  mergeDailySales,
} from './daily_sales.ts';

export async function buildDailySalesGold(ctx: TaskContext): Promise<TaskOutcome> {
  let sales: DailySales;
  try {
    // Sums and distinct sets do not care which thread saw which order line: one share each, then merged.
    const work = { module: new URL('./daily_sales.ts', import.meta.url), export: 'dailySalesPart' };
    sales = mergeDailySales(await ctx.readInParts<DailySalesPart>('bronze_orders', work));
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
