// What must run: a scheduled tick (due partitions not yet succeeded, healed
// from the ledger, never from the clock alone) or a backfill over a key range
// with Airflow 3's reprocess behaviours. Pure over the pipeline, a clock value
// and a LedgerReader.
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import { isDue, MAX_PARTITIONS, type Partition, partitionForKey, partitionsBetween } from '../schedule/partitions.js';
import { contractWindow, latestDuePartition, startMs } from '../schedule/window.js';
import type { LedgerReader, RunRecord } from '../store/ledger.js';
import { type MatrixEntry, toMatrix } from './matrix.js';
import { type SkippedPartition, skipFor } from './skipped.js';

export { type MatrixEntry, toMatrix } from './matrix.js';

/** Airflow 3's --reprocess-behavior: which partitions that already ran are planned again. */
export type Reprocess = 'failed' | 'completed' | 'none';
export const REPROCESS_MODES = ['failed', 'completed', 'none'] as const;

/**
 * Why a partition is planned: `missing` never ran, `failed` its latest run
 * failed or was deferred, `reprocess` it succeeded and the backfill reprocesses
 * completed partitions. `not_run` is reserved and not emitted.
 */
export type PlanReason = 'missing' | 'failed' | 'reprocess' | 'not_run';

export interface PlannedPartition extends Partition {
  reason: PlanReason;
}

export interface Plan {
  dagId: string;
  mode: 'schedule' | 'backfill';
  partitions: PlannedPartition[];
  count: number;
  matrix: { include: MatrixEntry[] };
  /** Backfill only: the asked-for partitions left out, each with why and the flag that includes it. */
  skipped: SkippedPartition[];
}

export interface BackfillOptions {
  /** First and last partition keys, inclusive. */
  start: string;
  end: string;
  reprocess: Reprocess;
  /** Newest first. */
  reverse: boolean;
  /** The clock that decides which partitions are due (default: now). */
  now?: Date;
}

/** The reason to run a partition given its latest run, or undefined to leave it alone. */
function reasonFor(latest: RunRecord | undefined, reprocess: Reprocess): PlanReason | undefined {
  if (!latest) return 'missing';
  switch (latest.state) {
    case 'running':
      return undefined; // a live run owns it; planning it again would race that run
    case 'failed':
    case 'deferred':
      return reprocess === 'none' ? undefined : 'failed';
    case 'success':
      return reprocess === 'completed' ? 'reprocess' : undefined;
  }
}

async function select(
  pipeline: Pipeline,
  candidates: Partition[],
  reprocess: Reprocess,
  ledger: LedgerReader,
): Promise<{ planned: PlannedPartition[]; skipped: SkippedPartition[] }> {
  const latest = await ledger.latestRuns(pipeline.dagId);
  const planned: PlannedPartition[] = [];
  const skipped: SkippedPartition[] = [];
  for (const partition of candidates) {
    const run = latest.get(partition.key);
    const reason = reasonFor(run, reprocess);
    if (reason) planned.push({ ...partition, reason });
    else skipped.push(skipFor(partition.key, run, reprocess)!);
  }
  return { planned, skipped };
}

function toPlan(
  dagId: string,
  mode: Plan['mode'],
  partitions: PlannedPartition[],
  skipped: SkippedPartition[] = [],
): Plan {
  return {
    dagId,
    mode,
    partitions,
    count: partitions.length,
    matrix: toMatrix(partitions.map((p) => p.key)),
    skipped,
  };
}

function catchUp(pipeline: Pipeline, first: Partition, last: Partition): Partition[] {
  try {
    return partitionsBetween(pipeline.partition, pipeline.timezone, first, last);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(
      `catch-up from ${first.key} to ${last.key} would plan more than ${MAX_PARTITIONS.toLocaleString('en-US')} ${pipeline.partition} partitions; ` +
        'move start_date later or set catchup: false',
    );
  }
}

/**
 * A scheduled tick at `now`. With catchup, every due partition since start_date
 * whose latest run is not a success (oldest first); without, only the latest due
 * partition if it has not succeeded.
 */
export async function planSchedule(pipeline: Pipeline, now: Date, ledger: LedgerReader): Promise<Plan> {
  const window = contractWindow(pipeline);
  let last = latestDuePartition(pipeline, now);
  if (window.last && startMs(window.last) < startMs(last)) last = window.last;
  if (startMs(last) < startMs(window.first)) return toPlan(pipeline.dagId, 'schedule', []);
  const candidates = pipeline.catchup ? catchUp(pipeline, window.first, last) : [last];
  // A tick leaves out every partition that succeeded: that is its job, not news.
  return toPlan(pipeline.dagId, 'schedule', (await select(pipeline, candidates, 'failed', ledger)).planned);
}

/**
 * A backfill of the keys start..end (inclusive). Refuses keys that do not fit
 * the grain, an end before the start, partitions outside the contract's
 * start_date..end_date, partitions not yet due, and ranges over MAX_PARTITIONS.
 */
export async function planBackfill(pipeline: Pipeline, opts: BackfillOptions, ledger: LedgerReader): Promise<Plan> {
  const { partition: grain, timezone } = pipeline;
  const first = partitionForKey(grain, timezone, opts.start);
  const last = partitionForKey(grain, timezone, opts.end);
  if (startMs(last) < startMs(first))
    throw new UsageError(`backfill end '${opts.end}' is before its start '${opts.start}'`);

  const window = contractWindow(pipeline);
  if (startMs(first) < startMs(window.first))
    throw new UsageError(
      `backfill start '${opts.start}' is before the pipeline's first partition '${window.first.key}' (start_date ${pipeline.startDate}); ` +
        'to backfill older data, move start_date earlier in the contract',
    );
  if (window.last && startMs(last) > startMs(window.last))
    throw new UsageError(
      `backfill end '${opts.end}' is after the pipeline's last partition '${window.last.key}' (end_date ${pipeline.endDate})`,
    );
  const now = opts.now ?? new Date();
  if (!isDue(last, now)) {
    const due = latestDuePartition(pipeline, now);
    throw new UsageError(
      `backfill end '${opts.end}' is not due yet: its data interval ends ${last.dataIntervalEnd}; the latest due partition is '${due.key}'`,
    );
  }

  const candidates = partitionsBetween(grain, timezone, first, last);
  if (opts.reverse) candidates.reverse();
  const { planned, skipped } = await select(pipeline, candidates, opts.reprocess, ledger);
  return toPlan(pipeline.dagId, 'backfill', planned, skipped);
}
