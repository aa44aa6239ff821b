// write_quality_report (trigger_rule all_done): gathers what the published
// gold file says, so the report carries it even when an upstream task failed.
// The executor writes the report itself after this task, with every task's
// final state; this handler only returns metrics.

import { parse } from 'csv-parse/sync';
import type { TaskContext, TaskOutcome } from 'pipewright';
import { formatCents } from './daily_sales.ts';

const AMOUNT = /^(-?)(\d+)\.(\d{2})$/;

export async function collectQualityMetrics(ctx: TaskContext): Promise<TaskOutcome> {
  if (!(await ctx.exists('daily_sales'))) {
    ctx.logger.warning(`${ctx.where('daily_sales')} is not published: no gold metrics for this partition`);
    return { metrics: { gold_published: 'no', gold_rows: 0 } };
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of ctx.read('daily_sales', { signal: ctx.signal })) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const regions = new Set<string>();
  let orders = 0;
  let cents = 0n;
  for (const row of rows) {
    regions.add(row.region ?? '');
    orders += Number(row.order_count);
    const amount = AMOUNT.exec(row.revenue ?? '');
    if (amount) cents += (amount[1] === '-' ? -1n : 1n) * BigInt(`${amount[2]}${amount[3]}`);
  }
  return {
    metrics: {
      gold_published: 'yes',
      gold_rows: rows.length,
      gold_regions: regions.size,
      gold_order_count: orders,
      gold_revenue_total: formatCents(cents),
    },
  };
}
