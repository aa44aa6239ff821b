// Partitions: calendar-aligned data intervals [start, end) in the pipeline's
// zone, named by keys (2026-05-02, 2026-05-02T13, 2026-W18, 2026-05).
// A partition is due once its interval has ended: end <= now.

import type { Grain } from '../contract/model.js';
import { UsageError } from '../errors.js';
import { DateTime } from '../luxon.js';
import { dayCachedZone } from './day-cached-zone.js';
import { gridFor } from './grains.js';
import { formatInstant, requireZone, wallTimeAt } from './instants.js';

export interface Partition {
  key: string;
  /** ISO 8601 with milliseconds and the zone's offset, e.g. 2026-05-02T00:00:00.000+05:00. */
  dataIntervalStart: string;
  dataIntervalEnd: string;
}

/** The most partitions one plan or range may hold: beyond this a range is a typo, not a backfill. */
export const MAX_PARTITIONS = 100_000;

function partitionAt(grain: Grain, start: DateTime): Partition {
  const grid = gridFor(grain);
  return {
    key: grid.key(start),
    dataIntervalStart: formatInstant(start),
    dataIntervalEnd: formatInstant(grid.next(start)),
  };
}

/** The partition a key names; UsageError (with the expected shape and an example) when it fits no partition. */
export function partitionForKey(grain: Grain, timezone: string, key: string): Partition {
  requireZone(timezone);
  const grid = gridFor(grain);
  const start = grid.parse(key, timezone);
  const expected = `expected ${grid.shape}, e.g. ${grid.example}`;
  if (typeof start === 'string') {
    const why = start === 'wrong shape' ? expected : `${start}; ${expected}`;
    throw new UsageError(`'${key}' is not ${article(grain)} partition key: ${why}`);
  }
  const partition = partitionAt(grain, grid.floor(start));
  if (partition.key !== key) {
    const hint = grain === 'hourly' ? ` (in ${timezone} that hour is keyed '${partition.key}')` : '';
    throw new UsageError(`'${key}' is not ${article(grain)} partition key${hint}: ${expected}`);
  }
  return partition;
}

export function partitionContaining(grain: Grain, timezone: string, instant: Date): Partition {
  requireZone(timezone);
  const grid = gridFor(grain);
  return partitionAt(grain, grid.floor(DateTime.fromJSDate(instant, { zone: timezone })));
}

/** The partition right after `partition`. */
export function nextPartition(grain: Grain, timezone: string, partition: Partition): Partition {
  return partitionContaining(grain, timezone, new Date(partition.dataIntervalEnd));
}

/** The partition right before `partition`. */
export function previousPartition(grain: Grain, timezone: string, partition: Partition): Partition {
  return partitionContaining(grain, timezone, new Date(Date.parse(partition.dataIntervalStart) - 1));
}

/** Every partition from `first` to `last` inclusive, oldest first; refuses more than MAX_PARTITIONS. */
export function partitionsBetween(grain: Grain, timezone: string, first: Partition, last: Partition): Partition[] {
  requireZone(timezone);
  const grid = gridFor(grain);
  const lastStart = Date.parse(last.dataIntervalStart);
  const tooMany = () =>
    new UsageError(
      `${first.key}..${last.key} holds more than ${MAX_PARTITIONS.toLocaleString('en-US')} ${grain} partitions; split it into smaller ranges`,
    );
  // Even at the longest partitions this range is too big: refuse before walking it.
  if ((lastStart - Date.parse(first.dataIntervalStart)) / grid.maxSpanMs >= MAX_PARTITIONS) throw tooMany();
  const out: Partition[] = [];
  // Offsets from memory: a ten-year walk otherwise spends most of its time in Intl lookups.
  const zone = dayCachedZone(timezone);
  // Each step from the wall fields where the zone keeps its offset, through luxon where it does not.
  let ms = Date.parse(first.dataIntervalStart);
  let wall = wallTimeAt(ms, zone.offset(ms));
  let startText = formatInstant(wall);
  while (ms <= lastStart) {
    if (out.length === MAX_PARTITIONS) throw tooMany();
    let nextMs = grid.quickNext(wall, ms, zone);
    let key = grid.quickKey(wall, ms, zone);
    if (nextMs === undefined || key === undefined) {
      const start = DateTime.fromMillis(ms, { zone });
      nextMs = grid.next(start).toMillis();
      key = grid.key(start);
    }
    wall = wallTimeAt(nextMs, zone.offset(nextMs));
    const endText = formatInstant(wall);
    out.push({ key, dataIntervalStart: startText, dataIntervalEnd: endText });
    ms = nextMs;
    startText = endText;
  }
  return out;
}

/** Partitions from startKey to endKey inclusive, oldest first. */
export function partitionRange(grain: Grain, timezone: string, startKey: string, endKey: string): Partition[] {
  const first = partitionForKey(grain, timezone, startKey);
  const last = partitionForKey(grain, timezone, endKey);
  if (Date.parse(last.dataIntervalStart) < Date.parse(first.dataIntervalStart))
    throw new UsageError(`range end '${endKey}' is before its start '${startKey}'`);
  return partitionsBetween(grain, timezone, first, last);
}

/** Airflow's ds: the date (YYYY-MM-DD) of the interval's start in the pipeline's zone. */
export function dsOf(partition: Partition, timezone: string): string {
  return DateTime.fromISO(partition.dataIntervalStart, { zone: timezone }).toFormat('yyyy-MM-dd');
}

/** True once the partition's interval has ended. */
export function isDue(partition: Partition, now: Date): boolean {
  return Date.parse(partition.dataIntervalEnd) <= now.getTime();
}

/** "an hourly", "a daily": the article English wants before the grain. */
function article(grain: Grain): string {
  return grain === 'hourly' ? `an ${grain}` : `a ${grain}`;
}
