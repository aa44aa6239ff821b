// The quality report: a partition run's record as the evidence people read —
// snake_case JSON for the artifact, and Markdown for the GitHub job summary.

import type { FailureClass } from '../errors.js';
import { markdownText } from '../markdown.js';
import { placeOfTaskError } from '../run/error-place.js';
import type {
  CheckResult,
  FileChecksum,
  Publication,
  RunRecord,
  RunState,
  TaskState,
  Trigger,
} from '../store/ledger.js';

export interface QualityReport {
  dag_id: string;
  partition: string;
  run_id: string;
  /** success or failed once a run ends; deferred when a sensor passed the partition to the next tick. */
  status: RunState;
  reason: string;
  trigger: Trigger;
  code_version: string | null;
  started_at: string;
  ended_at: string | null;
  data_interval: { start: string; end: string };
  tasks: Array<{
    id: string;
    state: TaskState;
    attempts: number;
    duration_ms: number;
    failure_class: FailureClass | null;
    error: string | null;
    /** When the task's first attempt started and its last ended (absent in records that lack them). */
    started_at?: string;
    ended_at?: string;
    /** Set when a resumed run reused this task's staged outputs: the run that made them. */
    reused_from?: string;
  }>;
  checks: Array<{ name: string; dataset: string; status: CheckResult['status']; severity: string; details: string }>;
  /** The run's metrics with sorted keys (row_count, order_count, revenue_total, ...). */
  metrics: Record<string, number | string>;
  inputs: FileReport[];
  /** What the run published; empty when it published nothing (see `publication`). */
  outputs: FileReport[];
  /** published, staged (failed: the live version is unchanged), rolled_back, or none. */
  publication: Publication;
  /** The run whose outputs are live after this run. */
  live_version: string | null;
  /** Where a run that did not publish left its staged outputs (relative to the data root). */
  staging_dir: string | null;
  /** Why the partition ran: missing, failed, reprocess, changed, resume, manual. */
  plan_reason: string | null;
  /** For a rerun of a completed partition: what differed from the live version. */
  changes: string[];
}

export interface FileReport {
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export function buildReport(record: RunRecord): QualityReport {
  return {
    dag_id: record.dagId,
    partition: record.partition,
    run_id: record.runId,
    status: record.state,
    reason: record.reason,
    trigger: record.trigger,
    code_version: record.codeVersion ?? null,
    started_at: record.startedAt,
    ended_at: record.endedAt ?? null,
    data_interval: { start: record.dataIntervalStart, end: record.dataIntervalEnd },
    tasks: record.tasks.map((t) => ({
      id: t.id,
      state: t.state,
      attempts: t.attempts,
      duration_ms: t.durationMs,
      failure_class: t.failureClass ?? null,
      error: t.error ?? null,
      ...(t.startedAt ? { started_at: t.startedAt } : {}),
      ...(t.endedAt ? { ended_at: t.endedAt } : {}),
      ...(t.reusedFrom ? { reused_from: t.reusedFrom } : {}),
    })),
    checks: record.checks.map((c) => ({
      name: c.name,
      dataset: c.dataset,
      status: c.status,
      severity: c.severity,
      details: c.details,
    })),
    metrics: Object.fromEntries(Object.entries(record.metrics).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    inputs: record.inputs.map(fileReport),
    outputs: record.outputs.map(fileReport),
    publication: record.publication ?? (record.state === 'success' ? 'published' : 'none'),
    live_version: record.liveVersion ?? null,
    staging_dir: record.stagingDir ?? null,
    plan_reason: record.planReason ?? null,
    changes: record.changes ?? [],
  };
}

function fileReport(file: FileChecksum): FileReport {
  return { path: file.path, rows: file.rows, bytes: file.bytes, sha256: file.sha256 };
}

const HEADLINE: Record<RunState, string> = {
  success: 'succeeded',
  failed: 'failed',
  deferred: 'deferred to the next tick',
  running: 'is still running',
};

const CHECK_ORDER: Record<CheckResult['status'], number> = { failed: 0, warned: 1, passed: 2 };

/** The Markdown a person reads in a job summary: headline, tasks, checks (failed first), metrics, outputs. */
export function renderReportMarkdown(report: QualityReport): string {
  const lines: string[] = [];
  lines.push(`### ${report.dag_id} ${report.partition}: ${HEADLINE[report.status]}`, '');
  const cause = firstCause(report);
  if (cause) lines.push(`**Cause:** ${cell(cause)}`, '');
  lines.push(
    `Run \`${report.run_id}\` (${report.trigger}), reason: ${markdownText(report.reason.length > 300 ? `${report.reason.slice(0, 299)}…` : report.reason)}`,
    '',
    `Data interval ${report.data_interval.start} to ${report.data_interval.end}` +
      (report.ended_at ? `, took ${duration(Date.parse(report.ended_at) - Date.parse(report.started_at))}` : '') +
      (report.code_version ? `, code ${report.code_version.slice(0, 12)}` : ''),
    '',
  );

  lines.push(`${publicationLine(report)}`, '');
  if (report.changes.length) lines.push(`Changed since the live version: ${cell(report.changes.join('; '))}`, '');

  if (report.tasks.length) {
    lines.push('#### Tasks', '', '| Task | State | Attempts | Duration | Error |', '| --- | --- | ---: | ---: | --- |');
    for (const t of report.tasks) {
      const error = t.error ? `${t.failure_class ? `${t.failure_class}: ` : ''}${errorHeadline(t.error)}` : '';
      const state = t.reused_from ? `${t.state} (reused from ${t.reused_from})` : t.state;
      lines.push(`| ${cell(t.id)} | ${state} | ${t.attempts} | ${duration(t.duration_ms)} | ${cell(error)} |`);
    }
    lines.push('');
  }

  if (report.checks.length) {
    const counts = (['failed', 'warned', 'passed'] as const)
      .map((s) => [s, report.checks.filter((c) => c.status === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    lines.push(`#### Checks (${counts})`, '', '| Check | Dataset | Status | Details |', '| --- | --- | --- | --- |');
    const ordered = [...report.checks].sort((a, b) => CHECK_ORDER[a.status] - CHECK_ORDER[b.status]);
    for (const c of ordered) {
      lines.push(`| ${cell(c.name)} | ${cell(c.dataset)} | ${c.status} | ${cell(c.details)} |`);
    }
    lines.push('');
  }

  const metrics = Object.entries(report.metrics);
  if (metrics.length) {
    lines.push('#### Metrics', '', '| Metric | Value |', '| --- | ---: |');
    for (const [name, value] of metrics) lines.push(`| ${cell(name)} | ${cell(formatValue(value))} |`);
    lines.push('');
  }

  for (const [title, files] of [
    ['Inputs', report.inputs],
    ['Outputs', report.outputs],
  ] as const) {
    if (!files.length) continue;
    lines.push(`#### ${title}`, '', '| Path | Rows | Bytes | sha256 |', '| --- | ---: | ---: | --- |');
    for (const f of files) {
      lines.push(`| ${cell(f.path)} | ${f.rows} | ${f.bytes} | \`${f.sha256.slice(0, 12)}\` |`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Whether readers now see this run's outputs, and where they are if not. */
function publicationLine(report: QualityReport): string {
  const live = report.live_version ? `run \`${report.live_version}\`` : 'no version';
  const why = report.plan_reason ? ` Ran because: ${report.plan_reason}.` : '';
  switch (report.publication) {
    case 'published':
      return `**Published:** the outputs below are live (version \`${report.run_id}\`).${why}`;
    case 'rolled_back':
      return `**Rolled back:** ${live} is live again.${why}`;
    case 'staged':
      return (
        `**Not published:** readers still see ${live}; this run's staged outputs stay in ` +
        `\`${report.staging_dir ?? '_pipewright/staging'}\` for inspection.${why}`
      );
    default:
      return `**Nothing published:** readers still see ${live}.${why}`;
  }
}

/** A located handler error's first line (its place and message); the stack stays in the JSON. */
function errorHeadline(error: string): string {
  return placeOfTaskError(error) ? (error.split('\n')[0] ?? error) : error;
}

/** What a reader should look at first when the run did not succeed. */
function firstCause(report: QualityReport): string | undefined {
  if (report.status === 'success') return undefined;
  const check = report.checks.find((c) => c.status === 'failed');
  if (check) return `check ${check.name} on ${check.dataset} failed: ${check.details}`;
  const task = report.tasks.find((t) => t.state === 'failed');
  if (task) return `task ${task.id} failed${task.error ? `: ${errorHeadline(task.error)}` : ''}`;
  const deferred = report.tasks.find((t) => t.state === 'deferred');
  if (deferred) return `task ${deferred.id} deferred${deferred.error ? `: ${deferred.error}` : ''}`;
  const error = report.metrics.executor_error;
  return error === undefined ? undefined : String(error);
}

/** Table cells: one line, pipes escaped, long text shortened. */
function cell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  // Sums of money carry float noise (0.1 + 0.2): six decimals are plenty for a person.
  return String(Math.round(value * 1e6) / 1e6);
}

function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
