// N planned partitions run at most `maxActiveRuns` at once, for the CLI's
// backfill and the run-partition action alike. Each partition's latest run is
// read again when its turn comes: another backfill may have finished it since the
// plan was made. Outcomes come back in plan order.
import { errorMessage, PartitionBusyError } from '../errors.js';
import type { Logger } from '../log.js';
import { type PlanReason, type Reprocess, reasonFor } from '../plan/plan.js';
import {
  type PartitionOutcome,
  type RunPartitionOptions,
  type RunPartitionResult,
  runPartitionUnlessUnchanged,
} from './partition.js';

export interface PartitionToRun {
  key: string;
  /**
   * Why it runs: a plan reason (`failed` resumes from the failed task, `changed` runs
   * only on a change), `manual`, or `planned` when a plan job chose it elsewhere.
   */
  reason: PlanReason | 'manual' | 'planned';
}

export type PartitionRunOutcome =
  | { key: string; outcome: 'ran'; result: RunPartitionResult }
  | { key: string; outcome: 'unchanged'; liveVersion: string }
  | { key: string; outcome: 'busy'; message: string }
  | { key: string; outcome: 'skipped'; message: string };

export interface RunPartitionsOptions
  extends Omit<RunPartitionOptions, 'partition' | 'logger' | 'planReason' | 'resume'> {
  partitions: PartitionToRun[];
  maxActiveRuns: number;
  /** The reprocess mode of the plan, to re-decide each partition at its turn (absent: run as planned). */
  reprocess?: Reprocess;
  loggerFor(key: string): Logger;
  onStart?(key: string): void;
  onEnd?(outcome: PartitionRunOutcome): void;
}

export async function runPartitions(opts: RunPartitionsOptions): Promise<PartitionRunOutcome[]> {
  const { partitions, maxActiveRuns, reprocess, loggerFor, onStart, onEnd, ...shared } = opts;
  const outcomes: PartitionRunOutcome[] = new Array(partitions.length);
  let next = 0;
  const lane = async () => {
    while (next < partitions.length && !shared.signal?.aborted) {
      const index = next++;
      const planned = partitions[index] as PartitionToRun;
      onStart?.(planned.key);
      const outcome = await runOne(planned, reprocess, loggerFor(planned.key), shared);
      outcomes[index] = outcome;
      onEnd?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(maxActiveRuns, partitions.length)) }, lane));
  return outcomes.filter((o): o is PartitionRunOutcome => o !== undefined);
}

async function runOne(
  planned: PartitionToRun,
  reprocess: Reprocess | undefined,
  logger: Logger,
  shared: Omit<RunPartitionOptions, 'partition' | 'logger' | 'planReason' | 'resume'>,
): Promise<PartitionRunOutcome> {
  const { key } = planned;
  let reason = planned.reason;
  if (reprocess !== undefined) {
    const now = reasonFor(await shared.ledger.latestRun(shared.pipeline.dagId, key), reprocess);
    if (now === undefined) {
      return { key, outcome: 'skipped', message: 'another run finished it after the plan was made' };
    }
    reason = now;
  }
  try {
    const result: PartitionOutcome = await runPartitionUnlessUnchanged(
      { ...shared, partition: key, logger, planReason: reason, resume: reason === 'failed' },
      reason === 'changed',
    );
    if (result.outcome === 'unchanged') return { key, outcome: 'unchanged', liveVersion: result.liveVersion };
    return { key, outcome: 'ran', result };
  } catch (error) {
    if (!(error instanceof PartitionBusyError)) throw error;
    return { key, outcome: 'busy', message: errorMessage(error) };
  }
}
