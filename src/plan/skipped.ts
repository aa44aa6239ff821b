// Why a backfill leaves a partition out, and the flag that would include it: a plan that
// asked for 24 partitions and runs 23 says which one it skipped instead of going quiet.
import type { RunSummary } from '../store/ledger.js';
import type { Reprocess } from './plan.js';

/**
 * `succeeded`: its latest run succeeded; `failed`: it failed or deferred and reprocess is none;
 * `running`: a live run holds it; `pinned`: it was rolled back, and only `completed` moves it.
 */
export type SkipReason = 'succeeded' | 'failed' | 'running' | 'pinned';

export interface SkippedPartition {
  key: string;
  reason: SkipReason;
  /** The latest run, whose state decided it. */
  runId: string;
  /** What would include it, e.g. `--reprocess completed`; absent when nothing should (a live run). */
  include?: string;
}

/** Why `latest` keeps its partition out of a backfill with `reprocess`, or undefined when it is planned. */
export function skipFor(
  key: string,
  latest: RunSummary | undefined,
  reprocess: Reprocess,
): SkippedPartition | undefined {
  if (!latest) return undefined;
  const runId = latest.runId;
  switch (latest.state) {
    case 'running':
      return { key, reason: 'running', runId };
    case 'failed':
    case 'deferred':
      return reprocess === 'none' ? { key, reason: 'failed', runId, include: '--reprocess failed' } : undefined;
    case 'success':
      if (reprocess === 'completed') return undefined;
      if (latest.pinned)
        return { key, reason: 'pinned', runId, include: '--reprocess completed (or rollback --unpin)' };
      return reprocess === 'changed'
        ? undefined
        : { key, reason: 'succeeded', runId, include: '--reprocess completed' };
  }
}

const WHY: Record<SkipReason, string> = {
  succeeded: 'already succeeded',
  failed: 'failed, and --reprocess none reruns only partitions never run',
  running: 'a run is in progress',
  pinned: 'rolled back and pinned',
};

/** One line per skipped partition, e.g. `2026-05-02  already succeeded (run x): --reprocess completed includes it`. */
export function renderSkipped(skipped: readonly SkippedPartition[]): string {
  if (skipped.length === 0) return '';
  const width = Math.max(...skipped.map((s) => s.key.length));
  const lines = skipped.map(
    (s) =>
      `  ${s.key.padEnd(width)}  ${WHY[s.reason]} (run ${s.runId})${s.include ? `: ${s.include} includes it` : ': wait for it to end'}`,
  );
  return `skipped ${skipped.length} partition${skipped.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`;
}
