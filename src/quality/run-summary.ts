// One workflow run seen whole, from its partitions' quality reports: the
// outcome, a partition × task state table, a Gantt of task durations, failed
// checks, and planned partitions that left no report. Pure: reports in,
// Markdown out (the report action writes it to the job summary).

import type { FreshnessVerdict } from './freshness.js';
import type { QualityReport } from './report.js';

export type RunOutcome = 'success' | 'failed' | 'no-work';

export interface RunSummaryInput {
  dagId: string;
  /** Task ids in the contract's order (columns of the table); ids only in reports are appended. */
  taskOrder: readonly string[];
  reports: readonly QualityReport[];
  /** Partitions the plan asked for; those without a report are missing. */
  planned: readonly string[];
  freshness?: FreshnessVerdict;
  /** Where the full reports are, for a person reading the summary. */
  runUrl?: string;
}

export interface RunSummary {
  outcome: RunOutcome;
  /** Partitions whose report failed, then planned ones without a report, each once. */
  failed: string[];
  missing: string[];
  markdown: string;
}

const STATE_ICON: Record<string, string> = {
  success: '✅ success',
  failed: '❌ failed',
  upstream_failed: '⛔ upstream_failed',
  skipped: '⏭️ skipped',
  up_for_retry: '🔁 up_for_retry',
  deferred: '⏳ deferred',
};

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}

function seconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The latest report per partition (a partition reported twice keeps its last run). */
function latestByPartition(reports: readonly QualityReport[]): QualityReport[] {
  const latest = new Map<string, QualityReport>();
  for (const report of reports) {
    const current = latest.get(report.partition);
    if (!current || current.started_at < report.started_at) latest.set(report.partition, report);
  }
  return [...latest.values()].sort((a, b) => (a.partition < b.partition ? -1 : a.partition > b.partition ? 1 : 0));
}

/**
 * Mermaid Gantt of every task with start and end times, one section per partition.
 * `dateFormat x` takes epoch milliseconds, so no time zone is ever guessed.
 */
export function ganttChart(reports: readonly QualityReport[]): string | undefined {
  const sections: string[] = [];
  let n = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const report of reports) {
    const bars: string[] = [];
    for (const task of report.tasks) {
      const start = Date.parse(task.started_at ?? '');
      const end = Date.parse(task.ended_at ?? '');
      if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
      first = Math.min(first, start);
      last = Math.max(last, end);
      const tag = task.state === 'failed' ? 'crit, ' : task.state === 'success' ? 'done, ' : '';
      // Mermaid draws nothing for a zero-length bar: give it one millisecond.
      bars.push(`    ${task.id} :${tag}t${n++}, ${start}, ${Math.max(end, start + 1)}`);
    }
    if (bars.length) sections.push(`    section ${report.partition}`, ...bars);
  }
  if (!sections.length) return undefined;
  // Tasks of a few milliseconds would put one repeated second on every tick: label milliseconds then.
  const axis = last - first < 5000 ? '%S.%L s' : '%H:%M:%S';
  return ['gantt', '    title Task durations', '    dateFormat x', `    axisFormat ${axis}`, ...sections].join('\n');
}

export function summarizeRun(input: RunSummaryInput): RunSummary {
  const reports = latestByPartition(input.reports);
  const reported = new Set(reports.map((r) => r.partition));
  const missing = [...new Set(input.planned)].filter((p) => !reported.has(p));
  const failed = [...reports.filter((r) => r.status === 'failed').map((r) => r.partition), ...missing];
  const outcome: RunOutcome =
    reports.length === 0 && missing.length === 0 ? 'no-work' : failed.length ? 'failed' : 'success';

  const lines: string[] = [];
  const count = (status: string) => reports.filter((r) => r.status === status).length;
  const headline =
    outcome === 'no-work'
      ? 'nothing to run'
      : [
          `${count('success')} succeeded`,
          `${count('failed')} failed`,
          count('deferred') ? `${count('deferred')} deferred` : '',
          missing.length ? `${missing.length} missing` : '',
        ]
          .filter(Boolean)
          .join(', ');
  lines.push(`## ${input.dagId}: ${headline}`, '');
  if (input.runUrl)
    lines.push(`Full reports: the \`pipewright-${input.dagId}-*\` artifacts of [this run](${input.runUrl}).`, '');

  if (reports.length) {
    const ids = [...input.taskOrder];
    for (const r of reports) for (const t of r.tasks) if (!ids.includes(t.id)) ids.push(t.id);
    const rows = reports.map((r) => {
      const byId = new Map(r.tasks.map((t) => [t.id, t]));
      const took = r.ended_at ? seconds(Date.parse(r.ended_at) - Date.parse(r.started_at)) : '';
      return [
        r.partition,
        STATE_ICON[r.status] ?? r.status,
        took,
        ...ids.map((id) => {
          const t = byId.get(id);
          return t ? `${STATE_ICON[t.state] ?? t.state} (${seconds(t.duration_ms)})` : '—';
        }),
      ];
    });
    const header = ['Partition', 'Status', 'Took', ...ids];
    // Past six tasks a column per task runs off the page: then tasks are the rows, unless partitions outnumber them.
    if (ids.length > 6 && ids.length > reports.length) {
      const columns = rows.map((row) => row.slice(1));
      const transposed = header.slice(1).map((name, i) => [name, ...columns.map((column) => column[i] ?? '')]);
      lines.push('### Tasks × partitions', '', table(['Task', ...reports.map((r) => r.partition)], transposed));
    } else lines.push('### Partitions × tasks', '', table(header, rows));
    const gantt = ganttChart(reports);
    if (gantt) lines.push('### Durations', '', '```mermaid', gantt, '```', '');
  }

  const failedChecks = reports.flatMap((r) =>
    r.checks.filter((c) => c.status === 'failed').map((c) => [r.partition, c.name, c.dataset, c.details]),
  );
  if (failedChecks.length)
    lines.push('### Failed checks', '', table(['Partition', 'Check', 'Dataset', 'Details'], failedChecks));

  const failedTasks = reports.flatMap((r) =>
    r.tasks.filter((t) => t.state === 'failed').map((t) => [r.partition, t.id, t.failure_class ?? '', t.error ?? '']),
  );
  if (failedTasks.length)
    lines.push('### Failed tasks', '', table(['Partition', 'Task', 'Failure class', 'Error'], failedTasks));

  if (missing.length) {
    lines.push(
      '### Missing reports',
      '',
      `Planned but no \`pipewright-${input.dagId}-<partition>\` artifact was uploaded (the job was cancelled, ` +
        'crashed before its upload, or never started):',
      '',
      ...missing.map((p) => `- \`${p}\``),
      '',
    );
  }

  if (input.freshness) {
    const f = input.freshness;
    const published = f.publishedAt ? `, published ${f.publishedAt}` : ', not published in this run';
    const word = { met: '✅ met', missed: '❌ missed', pending: '⏳ pending' }[f.status];
    lines.push(
      '### Freshness',
      '',
      `Partition \`${f.partition.key}\`: deadline ${f.deadline} ${word}${published}.`,
      '',
    );
  }
  return { outcome, failed: [...new Set(failed)], missing, markdown: `${lines.join('\n').trimEnd()}\n` };
}
