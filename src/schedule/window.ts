// The partitions a contract allows: from the one containing start_date to the
// one containing end_date (if any), and of those only the ones already due.
import type { Pipeline } from '../contract/model.js';
import { parseInstant } from './instants.js';
import { type Partition, partitionContaining, previousPartition } from './partitions.js';

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
