// write_quality_report (trigger_rule all_done): gathers what the published
// gold file says, so the report carries it even when an upstream task failed.
// The executor writes the report itself after this task, with every task's
// final state; this handler only returns metrics.

import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TaskContext, TaskOutcome } from 'pipewright';

const AMOUNT = /^(-?)(\d+)\.(\d{2})$/;

export async function collectQualityMetrics(ctx: TaskContext): Promise<TaskOutcome> {
  const gold = ctx.outputs.daily_sales;
  if (gold === undefined) throw new Error('the pipeline contract must declare output "daily_sales" for this task');
  let text: string;
  try {
    text = await readFile(gold, { encoding: 'utf8', signal: ctx.signal });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    ctx.logger.warning(`${relative(ctx.dataRoot, gold)} is not published: no gold metrics for this partition`);
    return { metrics: { gold_published: 'no', gold_rows: 0 } };
  }
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
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return {
    metrics: {
      gold_published: 'yes',
      gold_rows: rows.length,
      gold_regions: regions.size,
      gold_order_count: orders,
      gold_revenue_total: `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`,
    },
  };
}
