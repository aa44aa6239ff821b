import { describe, expect, it } from 'vitest';
import type { Grain } from '../contract/model.js';
import { DateTime } from '../luxon.js';
import { DayCachedZone } from './day-cached-zone.js';
import { gridFor } from './grains.js';
import { formatInstant } from './instants.js';
import { type Partition, partitionForKey, partitionRange } from './partitions.js';

// Zones whose transitions are awkward: midnight skipped (Santiago), a 30-minute DST (Lord Howe),
// a half-hour offset with DST (St John's), +05:45 (Kathmandu), a permanent change (Almaty, 2024),
// a whole day skipped (Apia, 2011-12-30), and none at all (UTC).
const ZONES = [
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Europe/London',
  'Asia/Almaty',
  'Pacific/Apia',
  'UTC',
];

/** partitionsBetween's walk with luxon's own zone (no cache). */
function walked(grain: Grain, zone: string, first: Partition, last: Partition): Partition[] {
  const grid = gridFor(grain);
  const out: Partition[] = [];
  let start: DateTime = DateTime.fromISO(first.dataIntervalStart, { zone });
  while (start.toMillis() <= Date.parse(last.dataIntervalStart)) {
    const end = grid.next(start);
    out.push({ key: grid.key(start), dataIntervalStart: formatInstant(start), dataIntervalEnd: formatInstant(end) });
    start = end;
  }
  return out;
}

describe('DayCachedZone', () => {
  it('gives luxon’s offset across ten years, on both sides of every transition', () => {
    for (const name of ZONES) {
      const cached = new DayCachedZone(name);
      const plain = DateTime.now().setZone(name).zone;
      // Every 5 h 17 min: each transition day is sampled before and after its change.
      for (let ts = Date.UTC(2016, 0, 1); ts < Date.UTC(2026, 0, 1); ts += 19_020_000) {
        if (cached.offset(ts) !== plain.offset(ts))
          expect([name, ts, cached.offset(ts)]).toEqual([name, ts, plain.offset(ts)]);
      }
    }
  });

  it('walks the same partitions as with luxon’s own zone, for every grain', () => {
    const ranges: Array<[Grain, string, string]> = [
      ['daily', '2010-01-01', '2026-12-31'],
      ['weekly', '2006-W01', '2026-W52'],
      ['monthly', '2006-01', '2026-12'],
      ['hourly', '2026-01-01T00', '2026-12-31T23'],
    ];
    const hourlyZones = new Set(['America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'America/St_Johns']);
    for (const zone of ZONES) {
      for (const [grain, start, end] of ranges) {
        if (grain === 'hourly' && !hourlyZones.has(zone)) continue; // a year of hours is slow to walk without the cache
        const fast = partitionRange(grain, zone, start, end);
        const slow = walked(grain, zone, partitionForKey(grain, zone, start), partitionForKey(grain, zone, end));
        expect(fast.length, `${zone} ${grain}`).toBe(slow.length);
        expect(fast, `${zone} ${grain}`).toEqual(slow);
      }
    }
  });
});
