// A dry run's cost in runner minutes: the median wall time of the pipeline's
// past partition runs, times the partitions each matrix job runs, rounded up
// per job because GitHub bills every job by the started minute.
import type { RunRecord } from '../store/ledger.js';
import type { MatrixEntry } from './matrix.js';

type Timed = Pick<RunRecord, 'state' | 'startedAt' | 'endedAt'>;

export interface RunnerEstimate {
  /** Past runs the median is taken over. */
  samples: number;
  medianMs: number;
  jobs: number;
  runnerMinutes: number;
}

/** Wall times of finished runs (success or failed) that recorded an end. */
export function pastDurations(history: Iterable<Timed>): number[] {
  const durations: number[] = [];
  for (const run of history) {
    if (run.state !== 'success' && run.state !== 'failed') continue;
    const ms = Date.parse(run.endedAt ?? '') - Date.parse(run.startedAt);
    if (Number.isFinite(ms) && ms >= 0) durations.push(ms);
  }
  return durations;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Undefined when there is no history to estimate from. */
export function estimateRunnerMinutes(
  history: Iterable<Timed>,
  matrix: { include: readonly MatrixEntry[] },
): RunnerEstimate | undefined {
  const durations = pastDurations(history);
  const medianMs = median(durations);
  if (medianMs === undefined) return undefined;
  let runnerMinutes = 0;
  for (const entry of matrix.include) {
    const partitions = entry.partitions.split(' ').filter(Boolean).length;
    runnerMinutes += Math.max(1, Math.ceil((medianMs * partitions) / 60_000));
  }
  return { samples: durations.length, medianMs, jobs: matrix.include.length, runnerMinutes };
}
