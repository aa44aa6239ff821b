// What must run: a scheduled tick (due partitions not yet succeeded, healed
// from the ledger, never from the clock alone) or a backfill over a key range
// with Airflow 3's reprocess behaviours. Pure over the pipeline, a clock value
// and a LedgerReader.
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import {
  manifestPublications,
  type PublicationReader,
  type UpstreamPartition,
  upstreamState,
} from '../lineage/upstream.js';
import { MAX_PARTITIONS, type Partition, partitionForKey, partitionsBetween } from '../schedule/partitions.js';
import { assertWithinContract, contractWindow, latestDuePartition, startMs } from '../schedule/window.js';
import { type LedgerReader, latestSummaries, type RunSummary } from '../store/ledger.js';
import { type MatrixEntry, toMatrix } from './matrix.js';
import { type SkippedPartition, skipFor } from './skipped.js';

export { type MatrixEntry, toMatrix } from './matrix.js';

/**
 * Airflow 3's --reprocess-behavior (which partitions that already ran are planned
 * again), plus `changed`: also completed partitions, each of which then runs only
 * if its inputs or code differ from its live version (decided at run time, so
 * planning reads no data).
 */
export type Reprocess = 'failed' | 'completed' | 'none' | 'changed';
export const REPROCESS_MODES = ['failed', 'completed', 'none', 'changed'] as const;

/**
 * Why a partition is planned: `missing` never ran, `failed` its latest run
 * failed or was deferred (it resumes from its failed task), `reprocess` it
 * succeeded and the backfill reprocesses completed partitions, `changed` it
 * succeeded and runs again if its inputs or code changed, `upstream_changed` it
 * succeeded but a `from:` upstream partition it read was published again since.
 */
export type PlanReason = 'missing' | 'failed' | 'reprocess' | 'changed' | 'upstream_changed';

/** A partition left out because upstream partitions it reads (`from:` inputs) are not published yet. */
export interface WaitingPartition extends Partition {
  upstream: UpstreamPartition[];
}

export interface PlannedPartition extends Partition {
  reason: PlanReason;
}

export interface Plan {
  dagId: string;
  mode: 'schedule' | 'backfill';
  partitions: PlannedPartition[];
  count: number;
  matrix: { include: MatrixEntry[] };
  /** A tick with `catchup_window`: due partitions it left alone because they ended before the window. */
  outsideWindow?: { count: number; first: string; last: string };
  /** Backfill only: the asked-for partitions left out, each with why and the flag that includes it. */
  skipped: SkippedPartition[];
  /** Partitions that would run but wait for upstream partitions to be published (no runner waits). */
  waiting: WaitingPartition[];
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
export function reasonFor(latest: RunSummary | undefined, reprocess: Reprocess): PlanReason | undefined {
  if (!latest) return 'missing';
  switch (latest.state) {
    case 'running':
      return undefined; // a live run owns it; planning it again would race that run
    case 'failed':
    case 'deferred':
      return reprocess === 'none' ? undefined : 'failed';
    case 'success':
      if (reprocess === 'completed') return 'reprocess';
      // A rolled-back partition is pinned: only a `completed` reprocess (or an unpin) moves it.
      return reprocess === 'changed' && !latest.pinned ? 'changed' : undefined;
  }
}

interface Selection {
  planned: PlannedPartition[];
  skipped: SkippedPartition[];
  waiting: WaitingPartition[];
}

async function select(
  pipeline: Pipeline,
  candidates: Partition[],
  reprocess: Reprocess,
  ledger: LedgerReader,
  publications: PublicationReader,
): Promise<Selection> {
  // Summaries: a ledger with an index answers from one read, not one per record.
  const latest = await latestSummaries(ledger, pipeline.dagId);
  const lineage = Object.keys(pipeline.from ?? {}).length > 0;
  const out: Selection = { planned: [], skipped: [], waiting: [] };
  for (const partition of candidates) {
    const run = latest.get(partition.key);
    let reason = reasonFor(run, reprocess);
    if (!lineage) {
      if (reason) out.planned.push({ ...partition, reason });
      else out.skipped.push(skipFor(partition.key, run, reprocess)!);
      continue;
    }
    // A success read upstream partitions as they were when its run started; a republish since makes it stale.
    const stale = !reason && run?.state === 'success' && !run.pinned && reprocess !== 'none';
    const upstream = await upstreamState(pipeline, partition, publications, stale ? run.startedAt : undefined);
    if (stale && upstream.changed.length > 0) reason = 'upstream_changed';
    if (!reason) out.skipped.push(skipFor(partition.key, run, reprocess)!);
    else if (upstream.waiting.length > 0) out.waiting.push({ ...partition, upstream: upstream.waiting });
    else out.planned.push({ ...partition, reason });
  }
  return out;
}

function toPlan(dagId: string, mode: Plan['mode'], selection: Partial<Selection> & Pick<Selection, 'planned'>): Plan {
  const partitions = selection.planned;
  return {
    dagId,
    mode,
    partitions,
    count: partitions.length,
    matrix: toMatrix(partitions.map((p) => p.key)),
    skipped: selection.skipped ?? [],
    waiting: selection.waiting ?? [],
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
 * whose latest run is not a success (oldest first) — within `catchup_window` when
 * the contract sets one; without, only the latest due partition if it has not succeeded.
 */
export async function planSchedule(
  pipeline: Pipeline,
  now: Date,
  ledger: LedgerReader,
  publications: PublicationReader = manifestPublications,
): Promise<Plan> {
  const window = contractWindow(pipeline);
  let last = latestDuePartition(pipeline, now);
  if (window.last && startMs(window.last) < startMs(last)) last = window.last;
  if (startMs(last) < startMs(window.first)) return toPlan(pipeline.dagId, 'schedule', { planned: [] });
  const candidates = pipeline.catchup ? catchUp(pipeline, window.first, last) : [last];
  // A tick leaves out every partition that succeeded: that is its job, not news.
  const { planned, waiting } = await select(pipeline, candidates, pipeline.reprocessOnTick, ledger, publications);
  if (pipeline.catchupWindowMs === undefined) return toPlan(pipeline.dagId, 'schedule', { planned, waiting });
  // Bounded catch-up: only what ended within the window runs; the rest is named, with the fix.
  const since = now.getTime() - pipeline.catchupWindowMs;
  const inside = planned.filter((p) => Date.parse(p.dataIntervalEnd) >= since);
  const outside = planned.filter((p) => Date.parse(p.dataIntervalEnd) < since);
  const plan = toPlan(pipeline.dagId, 'schedule', {
    planned: inside,
    waiting: waiting.filter((p) => Date.parse(p.dataIntervalEnd) >= since),
  });
  if (outside.length > 0) {
    plan.outsideWindow = { count: outside.length, first: outside[0]!.key, last: outside.at(-1)!.key };
  }
  return plan;
}

/**
 * A backfill of the keys start..end (inclusive). Refuses keys that do not fit
 * the grain, an end before the start, partitions outside the contract's
 * start_date..end_date, partitions not yet due, and ranges over MAX_PARTITIONS.
 */
export async function planBackfill(
  pipeline: Pipeline,
  opts: BackfillOptions,
  ledger: LedgerReader,
  publications: PublicationReader = manifestPublications,
): Promise<Plan> {
  const { partition: grain, timezone } = pipeline;
  const first = partitionForKey(grain, timezone, opts.start);
  const last = partitionForKey(grain, timezone, opts.end);
  if (startMs(last) < startMs(first))
    throw new UsageError(`backfill end '${opts.end}' is before its start '${opts.start}'`);

  assertWithinContract(
    pipeline,
    { partition: first, label: `backfill start '${opts.start}'` },
    { partition: last, label: `backfill end '${opts.end}'` },
    opts.now ?? new Date(),
  );

  const candidates = partitionsBetween(grain, timezone, first, last);
  if (opts.reverse) candidates.reverse();
  return toPlan(pipeline.dagId, 'backfill', await select(pipeline, candidates, opts.reprocess, ledger, publications));
}
