// Freshness against the contract's `freshness.deadline` (local HH:MM): the
// latest due partition must be published by that wall time on the day its
// tick runs, i.e. the first HH:MM at or after its data interval's end. Pure
// over the pipeline's timing, a clock value and the successes seen.

import type { Pipeline } from '../contract/model.js';
import { DateTime } from '../luxon.js';
import { formatInstant } from '../schedule/instants.js';
import type { Partition } from '../schedule/partitions.js';
import { latestDuePartition } from '../schedule/window.js';

export type FreshnessStatus = 'met' | 'missed' | 'pending';

export interface FreshnessVerdict {
  partition: Partition;
  /** The deadline as ISO 8601 with the zone's offset. */
  deadline: string;
  status: FreshnessStatus;
  /** When the partition's successful run ended, if one did. */
  publishedAt?: string;
}

/** A successful run of a partition and when it ended (the quality report's `ended_at`). */
export interface Publication {
  partition: string;
  endedAt: string;
}

type Timing = Pick<Pipeline, 'partition' | 'timezone' | 'startDate' | 'endDate' | 'freshness'>;

/**
 * The first local `HH:MM` at or after the interval end. For daily, weekly and monthly
 * partitions (which end at midnight) that is HH:MM on the day the interval ends. A wall
 * time skipped by a DST jump moves forward by the gap (02:30 → 03:30), as luxon does.
 */
export function freshnessDeadline(partition: Partition, timezone: string, deadline: string): DateTime {
  const match = /^(\d{2}):(\d{2})$/.exec(deadline);
  if (!match) throw new RangeError(`freshness deadline '${deadline}' is not HH:MM`);
  const end = DateTime.fromISO(partition.dataIntervalEnd, { zone: timezone });
  const at = (day: DateTime) =>
    DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: Number(match[1]), minute: Number(match[2]) },
      { zone: timezone },
    );
  const sameDay = at(end);
  return sameDay.toMillis() >= end.toMillis() ? sameDay : at(end.plus({ days: 1 }));
}

/**
 * The verdict for the latest partition due at `now`, or undefined when the contract
 * has no deadline. `missed`: the deadline has passed and no success ended before it;
 * `pending`: the deadline is still ahead and nothing has been published yet.
 */
export function checkFreshness(
  pipeline: Timing,
  now: Date,
  published: readonly Publication[],
): FreshnessVerdict | undefined {
  if (!pipeline.freshness) return undefined;
  const partition = latestDuePartition(pipeline, now);
  const deadline = freshnessDeadline(partition, pipeline.timezone, pipeline.freshness.deadline);
  const endedAts = published
    .filter((p) => p.partition === partition.key)
    .map((p) => Date.parse(p.endedAt))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const first = endedAts[0];
  const verdict: FreshnessVerdict = { partition, deadline: formatInstant(deadline), status: 'pending' };
  if (first !== undefined) verdict.publishedAt = new Date(first).toISOString();
  if (first !== undefined && first <= deadline.toMillis()) verdict.status = 'met';
  else if (now.getTime() >= deadline.toMillis()) verdict.status = 'missed';
  return verdict;
}
