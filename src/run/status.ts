// `pipewright status`: one row per partition from the ledger's latest runs.

import { attemptsByTask, maxAttempts } from '../plan/due.js';
import type { RunRecord } from '../store/ledger.js';
import { textTable } from '../text-table.js';
import { formatDuration } from './duration.js';

export interface StatusRow {
  partition: string;
  state: RunRecord['state'];
  run_id: string;
  trigger: RunRecord['trigger'];
  /** The most attempts any task of the last run needed: 1 for a clean run, whatever its task count. */
  attempts: number;
  /** Attempts of each task of the last run. */
  attempts_by_task: Record<string, number>;
  duration_ms: number | null;
  /** The `row_count` metric when a task reported one, else the rows of the run's outputs. */
  rows: number | null;
  /** Every numeric metric (numbers, and strings holding a decimal such as "1234.50"). */
  metrics: Record<string, number>;
  reason: string;
  started_at: string;
  /** The run whose outputs readers see now (absent when nothing was ever published). */
  live_version: string | null;
  /** Rolled back: ticks leave it alone until reprocessed or unpinned. */
  pinned: boolean;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function numericMetrics(metrics: RunRecord['metrics']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
    else if (typeof value === 'string' && DECIMAL.test(value)) out[key] = Number(value);
  }
  return out;
}

export function statusRows(latest: Map<string, RunRecord>): StatusRow[] {
  return [...latest.values()]
    .sort((a, b) => a.partition.localeCompare(b.partition))
    .map((r) => {
      const metrics = numericMetrics(r.metrics);
      const outputRows = r.outputs.reduce((sum, o) => sum + o.rows, 0);
      return {
        partition: r.partition,
        state: r.state,
        run_id: r.runId,
        trigger: r.trigger,
        attempts: maxAttempts(r),
        attempts_by_task: attemptsByTask(r),
        duration_ms: r.endedAt ? Date.parse(r.endedAt) - Date.parse(r.startedAt) : null,
        rows: metrics.row_count ?? (r.outputs.length > 0 ? outputRows : null),
        metrics,
        reason: r.abandoned ? `${r.reason} (run killed before it finished)` : r.reason,
        started_at: r.startedAt,
        live_version: r.liveVersion ?? (r.state === 'success' && r.publication === undefined ? r.runId : null),
        pinned: r.pinned === true,
      };
    });
}

/** A plain-text table; metric columns are the union over rows, `row_count` shown as ROWS. */
export function renderStatusTable(dagId: string, rows: StatusRow[]): string {
  if (rows.length === 0) return `${dagId}: no runs in the ledger yet\n`;
  const metricNames = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].filter((m) => m !== 'row_count').sort();
  const header = [
    'PARTITION',
    'STATE',
    'RUN ID',
    'TRIGGER',
    'ATTEMPTS',
    'DURATION',
    'ROWS',
    ...metricNames.map((m) => m.toUpperCase()),
    'LIVE VERSION',
    'REASON',
  ];
  const cells = rows.map((r) => [
    r.partition,
    r.state,
    r.run_id,
    r.trigger,
    String(r.attempts),
    r.duration_ms === null ? '-' : formatDuration(r.duration_ms),
    r.rows === null ? '-' : String(r.rows),
    ...metricNames.map((m) => {
      const v = r.metrics[m];
      return v === undefined ? '-' : String(v);
    }),
    r.live_version === null
      ? '-'
      : `${r.live_version === r.run_id ? 'this run' : r.live_version}${r.pinned ? ' (pinned)' : ''}`,
    r.reason,
  ]);
  return textTable(header, cells);
}
