// Does a CSV value's date fall in the partition's data interval [start, end)?
// A bare date (YYYY-MM-DD) is the whole local day in the pipeline's zone and
// counts when that day overlaps the interval; a date-time is one instant, read
// in the zone unless it carries its own offset.

import { DateTime } from '../luxon.js';
import type { Partition } from '../schedule/partitions.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// Real files repeat a handful of dates millions of times: remember recent answers.
const CACHE_LIMIT = 10_000;

/** A predicate over raw values; empty or unparsable values are never inside. */
export function dateInPartition(partition: Partition, timezone: string): (value: string) => boolean {
  const start = Date.parse(partition.dataIntervalStart);
  const end = Date.parse(partition.dataIntervalEnd);
  const cache = new Map<string, boolean>();
  const decide = (raw: string): boolean => {
    const value = raw.trim();
    if (DATE_ONLY.test(value)) {
      const day = DateTime.fromISO(value, { zone: timezone });
      if (!day.isValid) return false;
      return day.toMillis() < end && day.plus({ days: 1 }).toMillis() > start;
    }
    const instant = DateTime.fromISO(value.replace(' ', 'T'), { zone: timezone });
    if (!instant.isValid) return false;
    const ms = instant.toMillis();
    return ms >= start && ms < end;
  };
  return (raw) => {
    const known = cache.get(raw);
    if (known !== undefined) return known;
    const answer = decide(raw);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, answer);
    return answer;
  };
}
