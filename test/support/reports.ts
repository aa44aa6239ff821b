// Quality reports built the way the executor builds them (buildReport over a
// run record), for tests of what the GitHub edge does with a run's outcome.

import { buildReport, type QualityReport } from '../../src/quality/report.js';
import type { TaskRecord } from '../../src/store/ledger.js';

export function partitionReport(
  partition: string,
  state: 'success' | 'failed' | 'deferred',
  tasks: Array<Partial<TaskRecord> & Pick<TaskRecord, 'id' | 'state'>>,
  options: { dagId?: string; startedAt?: string; durationMs?: number; metrics?: Record<string, number | string> } = {},
): QualityReport {
  const startedAt = options.startedAt ?? `${partition}T01:00:00.000Z`;
  return buildReport({
    dagId: options.dagId ?? 'turanmart_daily_sales',
    partition,
    runId: `run-${partition}`,
    trigger: 'schedule',
    reason: 'scheduled tick',
    state,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + (options.durationMs ?? 42_000)).toISOString(),
    dataIntervalStart: `${partition}T00:00:00+05:00`,
    dataIntervalEnd: `${partition}T23:59:59+05:00`,
    tasks: tasks.map((t) => ({ attempts: 1, durationMs: 1000, ...t })),
    checks: [],
    metrics: options.metrics ?? {},
    inputs: [],
    outputs: [],
  });
}
