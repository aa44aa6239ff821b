// The pipeline page's data, as classic scripts that assign to a global: they
// load from file:// (where browsers block fetch and module scripts) and under a
// CSP that allows only our own files. The grid file holds one small entry per
// run; a partition's details (tasks, checks, metrics, reasons) live in one file
// per month of partitions, loaded when a partition is opened.
import type { RunRecord } from '../store/ledger.js';
import type { PartitionHistory, RunOutline } from './history.js';

export const GRID_GLOBAL = 'pipewrightGrid';
export const RUNS_GLOBAL = 'pipewrightRuns';
export const RUN_STATES: readonly RunRecord['state'][] = ['success', 'failed', 'running', 'deferred'];
export const TRIGGERS: readonly RunRecord['trigger'][] = ['schedule', 'backfill', 'manual'];

/** The details file a partition's runs are in: its key's first seven characters (a month, or a run of weeks). */
export function chunkOf(partitionKey: string): string {
  return partitionKey.slice(0, 7);
}

function durationMs(run: Pick<RunRecord, 'startedAt' | 'endedAt'>): number | null {
  return run.endedAt ? Date.parse(run.endedAt) - Date.parse(run.startedAt) : null;
}

/** `pipelines/<dag_id>/grid.js`: partitions newest first, each run as [state, duration ms, trigger] indexes. */
export function gridScript(dagId: string, partitions: readonly PartitionHistory<RunOutline>[]): string {
  const rows = partitions.map((p) => [
    p.key,
    p.runs.map((r) => [RUN_STATES.indexOf(r.state), durationMs(r), TRIGGERS.indexOf(r.trigger)]),
  ]);
  const data = { dag_id: dagId, states: RUN_STATES, triggers: TRIGGERS, partitions: rows };
  return `window.${GRID_GLOBAL} = ${JSON.stringify(data)};\n`;
}

/**
 * One run's details. Ten years of daily runs make hundreds of megabytes, so the
 * repetitive parts are tuples: a task is [id, state, attempts, duration ms,
 * start ms after the run's start or null, failure class or null, error or null];
 * a check is [name, dataset, status, severity, details].
 */
function runDetails(run: RunRecord) {
  const start = Date.parse(run.startedAt);
  return {
    run_id: run.runId,
    trigger: run.trigger,
    reason: run.reason,
    state: run.state,
    abandoned: run.abandoned ?? false,
    code_version: run.codeVersion ?? null,
    started_at: run.startedAt,
    ended_at: run.endedAt ?? null,
    tasks: run.tasks.map((t) => [
      t.id,
      t.state,
      t.attempts,
      t.durationMs,
      t.startedAt ? Date.parse(t.startedAt) - start : null,
      t.failureClass ?? null,
      t.error ?? null,
    ]),
    checks: run.checks.map((c) => [c.name, c.dataset, c.status, c.severity, c.details]),
    metrics: run.metrics,
  };
}

/** `pipelines/<dag_id>/runs/<chunk>.js`: the chunk's partitions, newest first, with every run's details. */
export function chunkScript(chunk: string, partitions: readonly PartitionHistory<RunRecord>[]): string {
  const body: Record<string, { data_interval: [string, string]; runs: ReturnType<typeof runDetails>[] }> = {};
  for (const p of partitions) {
    body[p.key] = {
      data_interval: [p.latest.dataIntervalStart, p.latest.dataIntervalEnd],
      runs: p.runs.map(runDetails),
    };
  }
  return `(window.${RUNS_GLOBAL} = window.${RUNS_GLOBAL} || {})[${JSON.stringify(chunk)}] = ${JSON.stringify(body)};\n`;
}
