// A plan as the CLI and the plan action print it: snake_case JSON, or a table
// for people.

import { describeUpstream } from '../lineage/upstream.js';
import { textTable } from '../text-table.js';
import type { MatrixEntry, Plan, PlanReason } from './plan.js';
import { renderSkipped, type SkipReason } from './skipped.js';

export interface PlanJson {
  dag_id: string;
  mode: Plan['mode'];
  partitions: Array<{ key: string; data_interval_start: string; data_interval_end: string; reason: PlanReason }>;
  count: number;
  matrix: { include: MatrixEntry[] };
  skipped: Array<{ key: string; reason: SkipReason; run_id: string; include: string | null }>;
  /** Partitions left out until the upstream partitions they read (`from:` inputs) are published. */
  waiting?: Array<{ key: string; upstream: Array<{ dag_id: string; partition: string }> }>;
  /** Due partitions a tick left to a backfill because they ended before `catchup_window`. */
  outside_window?: { count: number; first: string; last: string; backfill: string };
}

/** The command that fills the gap a bounded catch-up left, for people to copy. */
export function backfillCommandFor(dagId: string, range: { first: string; last: string }): string {
  return `pipewright backfill ${dagId} --start ${range.first} --end ${range.last} --reason "catch up"`;
}

/** One line for people about the partitions outside the catch-up window, or undefined. */
export function outsideWindowLine(plan: Plan): string | undefined {
  const gap = plan.outsideWindow;
  if (!gap) return undefined;
  const range = gap.count === 1 ? gap.first : `${gap.first}..${gap.last}`;
  return (
    `${gap.count} due partition${gap.count === 1 ? '' : 's'} (${range}) ended outside the catch-up window — ` +
    `backfill ${gap.count === 1 ? 'it' : 'them'}: ${backfillCommandFor(plan.dagId, gap)}`
  );
}

/** One line per waiting partition: `2026-05-03 waits for turanmart_daily_sales 2026-05-03`. */
export function waitingLines(plan: Plan): string[] {
  return plan.waiting.map((w) => `${w.key} waits for ${describeUpstream(w.upstream)}`);
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
    ...(plan.outsideWindow
      ? { outside_window: { ...plan.outsideWindow, backfill: backfillCommandFor(plan.dagId, plan.outsideWindow) } }
      : {}),
    skipped: plan.skipped.map((s) => ({ key: s.key, reason: s.reason, run_id: s.runId, include: s.include ?? null })),
    ...(plan.waiting.length > 0
      ? {
          waiting: plan.waiting.map((w) => ({
            key: w.key,
            upstream: w.upstream.map((u) => ({ dag_id: u.dagId, partition: u.partition })),
          })),
        }
      : {}),
  };
}

export function renderPlanTable(plan: Plan): string {
  const entries = plan.matrix.include.length;
  const what = plan.mode === 'schedule' ? 'scheduled tick' : 'backfill';
  const gap = outsideWindowLine(plan);
  const waiting = waitingLines(plan);
  const note =
    (gap ? `${gap}\n` : '') +
    (waiting.length > 0
      ? `waiting for upstream partitions (planned once they are published):\n${waiting.map((w) => `  ${w}\n`).join('')}`
      : '') +
    renderSkipped(plan.skipped);
  if (plan.count === 0) return `${plan.dagId}: ${what}: nothing to run\n${note}`;
  const head = `${plan.dagId}: ${what}: ${plan.count} partition${plan.count === 1 ? '' : 's'} in ${entries} matrix entr${entries === 1 ? 'y' : 'ies'}\n`;
  const rows = plan.partitions.map((p) => [p.key, p.dataIntervalStart, p.dataIntervalEnd, p.reason]);
  const header = ['PARTITION', 'INTERVAL START', 'INTERVAL END', 'REASON'];
  return `${head}\n${textTable(header, rows)}${note ? `\n${note}` : ''}`;
}
