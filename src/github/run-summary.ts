// The whole run at a glance for the report job: partition × task states,
// durations, where each partition's report artifact is, and a Gantt of the
// partition runs (each bar is one matrix job, start to end).
import type { QualityReport } from '../quality/report.js';
import { reportArtifactName } from './artifacts.js';
import { markdownTable, mermaidBlock } from './summary.js';

const STATE_MARK: Record<string, string> = {
  success: '✅',
  failed: '❌',
  upstream_failed: '⛔',
  skipped: '⏭️',
  up_for_retry: '🔁',
  deferred: '⏸️',
  running: '⏳',
};

/** Reports per pipeline, pipelines in first-seen order (Map.groupBy is ES2024, past our lib). */
function byDag(reports: readonly QualityReport[]): Map<string, QualityReport[]> {
  const groups = new Map<string, QualityReport[]>();
  for (const r of reports) groups.set(r.dag_id, [...(groups.get(r.dag_id) ?? []), r]);
  return groups;
}

function mark(state: string): string {
  return `${STATE_MARK[state] ?? ''} ${state}`.trim();
}

function duration(report: QualityReport): string {
  if (!report.ended_at) return '';
  const ms = Date.parse(report.ended_at) - Date.parse(report.started_at);
  if (!Number.isFinite(ms) || ms < 0) return '';
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Mermaid Gantt of partition runs; bars without an end (still running) are left out. */
export function partitionGantt(reports: readonly QualityReport[]): string {
  const lines = ['gantt', '  dateFormat x', '  axisFormat %H:%M:%S'];
  let n = 0;
  for (const [dagId, runs] of byDag(reports)) {
    lines.push(`  section ${dagId.replace(/[:#;]/g, '_')}`);
    for (const r of [...runs].sort((a, b) => a.partition.localeCompare(b.partition))) {
      const start = Date.parse(r.started_at);
      const end = r.ended_at ? Date.parse(r.ended_at) : Number.NaN;
      if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
      const tag = r.status === 'failed' ? 'crit, ' : r.status === 'success' ? 'done, ' : 'active, ';
      // A `:` would end the Gantt task title.
      lines.push(`  ${r.partition.replace(/[:#;]/g, '.')} :${tag}p${n++}, ${start}, ${Math.max(end, start + 1)}`);
    }
  }
  return mermaidBlock(lines.join('\n'));
}

/** The report job's summary: headline counts, then one table per pipeline and the Gantt. */
export function runSummaryMarkdown(reports: readonly QualityReport[]): string {
  if (reports.length === 0) return 'No partition reports were found for this run.\n';
  const parts: string[] = [];
  for (const [dagId, runs] of byDag(reports)) {
    const sorted = [...runs].sort((a, b) => a.partition.localeCompare(b.partition));
    const counts = (['success', 'failed', 'deferred', 'running'] as const)
      .map((s) => [s, sorted.filter((r) => r.status === s).length] as const)
      .filter(([, c]) => c > 0)
      .map(([s, c]) => `${c} ${s === 'success' ? 'succeeded' : s}`)
      .join(', ');
    parts.push(`## ${dagId}: ${sorted.length} partition${sorted.length === 1 ? '' : 's'} (${counts})\n`);
    const taskIds = [...new Set(sorted.flatMap((r) => r.tasks.map((t) => t.id)))];
    const rows = sorted.map((r) => {
      const states = new Map(r.tasks.map((t) => [t.id, t]));
      return [
        r.partition,
        mark(r.status),
        duration(r),
        ...taskIds.map((id) => {
          const t = states.get(id);
          if (!t) return '';
          return t.attempts > 1 ? `${mark(t.state)} (${t.attempts} attempts)` : mark(t.state);
        }),
        `\`${reportArtifactName(r.dag_id, r.partition)}\``,
      ];
    });
    parts.push(
      markdownTable(['Partition', 'Status', 'Duration', ...taskIds, 'Report artifact'], rows, [
        'left',
        'left',
        'right',
      ]),
    );
  }
  parts.push(`### Partition runs\n\n${partitionGantt(reports)}`);
  return parts.join('\n');
}
