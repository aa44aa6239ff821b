// A plan as the CLI and the plan action print it: snake_case JSON, or a table
// for people.
import type { MatrixEntry, Plan, PlanReason } from './plan.js';
import { renderSkipped, type SkipReason } from './skipped.js';

export interface PlanJson {
  dag_id: string;
  mode: Plan['mode'];
  partitions: Array<{ key: string; data_interval_start: string; data_interval_end: string; reason: PlanReason }>;
  count: number;
  matrix: { include: MatrixEntry[] };
  skipped: Array<{ key: string; reason: SkipReason; run_id: string; include: string | null }>;
}

export function planToJson(plan: Plan): PlanJson {
  return {
    dag_id: plan.dagId,
    mode: plan.mode,
    partitions: plan.partitions.map((p) => ({
      key: p.key,
      data_interval_start: p.dataIntervalStart,
      data_interval_end: p.dataIntervalEnd,
      reason: p.reason,
    })),
    count: plan.count,
    matrix: plan.matrix,
    skipped: plan.skipped.map((s) => ({ key: s.key, reason: s.reason, run_id: s.runId, include: s.include ?? null })),
  };
}

export function renderPlanTable(plan: Plan): string {
  const entries = plan.matrix.include.length;
  const what = plan.mode === 'schedule' ? 'scheduled tick' : 'backfill';
  const skipped = renderSkipped(plan.skipped);
  if (plan.count === 0) return `${plan.dagId}: ${what}: nothing to run\n${skipped}`;
  const head = `${plan.dagId}: ${what}: ${plan.count} partition${plan.count === 1 ? '' : 's'} in ${entries} matrix entr${entries === 1 ? 'y' : 'ies'}\n`;
  const rows = plan.partitions.map((p) => [p.key, p.dataIntervalStart, p.dataIntervalEnd, p.reason]);
  const header = ['PARTITION', 'INTERVAL START', 'INTERVAL END', 'REASON'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${head}\n${[header, ...rows].map(line).join('\n')}\n${skipped ? `\n${skipped}` : ''}`;
}
