// The partitions a contract allows: from the one containing start_date to the
// one containing end_date (if any), and of those only the ones already due.
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import { parseInstant } from './instants.js';
import { isDue, type Partition, partitionContaining, previousPartition } from './partitions.js';

export interface ContractWindow {
  first: Partition;
  /** Undefined when the contract has no end_date. */
  last?: Partition;
}

type Timing = Pick<Pipeline, 'partition' | 'timezone' | 'startDate' | 'endDate'>;

export function contractWindow(pipeline: Timing): ContractWindow {
  const { partition: grain, timezone } = pipeline;
  const first = partitionContaining(
    grain,
    timezone,
    parseInstant(pipeline.startDate, timezone, 'start_date').toJSDate(),
  );
  if (pipeline.endDate === undefined) return { first };
  const last = partitionContaining(grain, timezone, parseInstant(pipeline.endDate, timezone, 'end_date').toJSDate());
  return { first, last };
}

/** The newest partition whose interval has ended by `now` (the one containing `now` is still open). */
export function latestDuePartition(pipeline: Timing, now: Date): Partition {
  return previousPartition(
    pipeline.partition,
    pipeline.timezone,
    partitionContaining(pipeline.partition, pipeline.timezone, now),
  );
}

/** Interval start as a number, for ordering partitions of one grid. */
export function startMs(partition: Partition): number {
  return Date.parse(partition.dataIntervalStart);
}

/** A partition and how a message names it, e.g. `backfill start '2026-05-01'`. */
export interface NamedPartition {
  partition: Partition;
  label: string;
}

/**
 * Refuses, as `backfill` and `run` both must, partitions the contract does not
 * allow: `first` before start_date's partition, `last` after end_date's, or
 * `last` not yet due at `now` (its data interval has not ended).
 */
export function assertWithinContract(pipeline: Timing, first: NamedPartition, last: NamedPartition, now: Date): void {
  const window = contractWindow(pipeline);
  if (startMs(first.partition) < startMs(window.first))
    throw new UsageError(
      `${first.label} is before the pipeline's first partition '${window.first.key}' (start_date ${pipeline.startDate}); ` +
        'to process older data, move start_date earlier in the contract',
    );
  if (window.last && startMs(last.partition) > startMs(window.last))
    throw new UsageError(
      `${last.label} is after the pipeline's last partition '${window.last.key}' (end_date ${pipeline.endDate})`,
    );
  if (!isDue(last.partition, now)) {
    const due = latestDuePartition(pipeline, now);
    throw new UsageError(
      `${last.label} is not due yet: its data interval ends ${last.partition.dataIntervalEnd}; the latest due partition is '${due.key}'`,
    );
  }
}
