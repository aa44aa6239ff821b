// One calendar grid per partition grain: how an instant floors to the start of
// its partition, where the next partition starts, and how a start is keyed.
// All arithmetic is in the pipeline's zone, so days are 23, 24 or 25 hours long
// across DST changes and weeks/months follow the local calendar.

import type { Grain } from '../contract/model.js';
import { DateTime, type Zone } from '../luxon.js';
import { localDate, pad, type WallTime } from './instants.js';

export interface Grid {
  /** Start of the partition containing the instant. */
  floor(instant: DateTime): DateTime;
  /** Start of the following partition (= end of this one). */
  next(start: DateTime): DateTime;
  key(start: DateTime): string;
  /** The start a key names, or why it names none. Callers confirm by re-keying the start. */
  parse(key: string, timezone: string): DateTime | string;
  shape: string;
  example: string;
  /** The longest a partition can last (a DST day is 25 hours), to bound a range's size without walking it. */
  maxSpanMs: number;
  /**
   * For long walks, without building a DateTime: the next start after the start
   * `wall` (at `ms`, on the zone's offset there), when the zone keeps that offset
   * across the step; undefined sends the caller to `next`.
   */
  quickNext(wall: WallTime, ms: number, zone: Zone): number | undefined;
  /** `key` from the wall fields when they alone decide it; undefined sends the caller to `key`. */
  quickKey(wall: WallTime, ms: number, zone: Zone): string | undefined;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const atLocalMidnight = (wall: WallTime) => wall.hour === 0 && wall.minute === 0;

/** `ms + span` when the zone's offset there is the offset at `ms`: the same wall time `span` later. */
function sameOffset(wall: WallTime, ms: number, span: number, zone: Zone): number | undefined {
  const next = ms + span;
  return atLocalMidnight(wall) && zone.offset(next) === wall.offset ? next : undefined;
}
const HOUR_LABEL = "yyyy-MM-dd'T'HH";

// Hourly partitions are absolute hours that start on a local :00. In a fall-back
// hour the local label repeats, so the second occurrence carries its UTC offset:
// 2026-11-01T01 (EDT) then 2026-11-01T01-0500 (EST). Keys still sort in time order.
const hourly: Grid = {
  floor(instant) {
    const ms = instant.toMillis() - (instant.minute * 60_000 + instant.second * 1000 + instant.millisecond);
    return DateTime.fromMillis(ms, { zone: instant.zone });
  },
  next: (start) => DateTime.fromMillis(start.toMillis() + HOUR_MS, { zone: start.zone }),
  key(start) {
    const quick = hourly.quickKey(start, start.toMillis(), start.zone);
    if (quick !== undefined) return quick;
    const label = start.toFormat(HOUR_LABEL);
    const before = DateTime.fromMillis(start.toMillis() - HOUR_MS, { zone: start.zone });
    return before.toFormat(HOUR_LABEL) === label ? label + start.toFormat('ZZZ') : label;
  },
  parse(key, timezone) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?:([+-])(\d{2})(\d{2}))?$/.exec(key);
    if (!m) return 'wrong shape';
    const [year, month, day, hour] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const local = DateTime.fromObject({ year, month, day, hour }, { zone: timezone });
    if (!local.isValid) return 'no such date or hour';
    if (m[5] !== undefined) {
      const offsetMin = (m[5] === '-' ? -1 : 1) * (Number(m[6]) * 60 + Number(m[7]));
      return DateTime.fromMillis(Date.UTC(year, month - 1, day, hour) - offsetMin * 60_000, { zone: timezone });
    }
    if (local.hour !== hour) return `that hour does not exist in ${timezone} (the clocks skip it)`;
    // luxon resolves a repeated wall time to its later offset; the plain key names the first.
    const earlier = DateTime.fromMillis(local.toMillis() - HOUR_MS, { zone: timezone });
    return earlier.toFormat(HOUR_LABEL) === local.toFormat(HOUR_LABEL) ? earlier : local;
  },
  shape: 'YYYY-MM-DDTHH (a repeated fall-back hour adds its offset, e.g. 2026-11-01T01-0500)',
  example: '2026-05-02T13',
  maxSpanMs: HOUR_MS,
  quickNext: (_, ms) => ms + HOUR_MS,
  // The same offset an hour before: that hour has another label (every hour but the repeated one).
  quickKey: (wall, ms, zone) =>
    zone.offset(ms - HOUR_MS) === wall.offset ? `${localDate(wall)}T${pad(wall.hour)}` : undefined,
};

// plus() keeps the wall time, so a step from local midnight lands on the next
// midnight; startOf('day') (several zone-offset look-ups) only when it did not.
const atMidnight = (dt: DateTime) => (dt.hour === 0 && dt.minute === 0 ? dt : dt.startOf('day'));

// Where the zone keeps its offset (every day but a DST change) a calendar step
// is a fixed span, exactly what plus() gives, without its unit normalising.
const daily: Grid = {
  floor: (instant) => instant.startOf('day'),
  next: (start) => atMidnight(start.plus({ days: 1 })),
  key: localDate,
  parse(key, timezone) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
    if (!m) return 'wrong shape';
    const dt = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: timezone });
    return dt.isValid ? dt.startOf('day') : 'no such date';
  },
  shape: 'YYYY-MM-DD',
  example: '2026-05-02',
  maxSpanMs: 25 * HOUR_MS,
  quickNext: (wall, ms, zone) => sameOffset(wall, ms, DAY_MS, zone),
  quickKey: localDate,
};

// ISO weeks: Monday start, numbered within the ISO week-year (2027-01-01 is in 2026-W53).
const weekly: Grid = {
  floor: (instant) => instant.startOf('week'),
  next: (start) => atMidnight(start.plus({ weeks: 1 })),
  key: (start) => start.toFormat("kkkk-'W'WW"),
  parse(key, timezone) {
    const m = /^(\d{4})-W(\d{2})$/.exec(key);
    if (!m) return 'wrong shape';
    const dt = DateTime.fromObject(
      { weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 },
      { zone: timezone },
    );
    return dt.isValid ? dt.startOf('day') : 'no such ISO week';
  },
  shape: 'YYYY-Www (ISO week, Monday start)',
  example: '2026-W18',
  maxSpanMs: (7 * 24 + 1) * HOUR_MS,
  quickNext: (wall, ms, zone) => sameOffset(wall, ms, 7 * DAY_MS, zone),
  quickKey: () => undefined, // ISO week numbering: luxon's
};

const monthly: Grid = {
  floor: (instant) => instant.startOf('month'),
  next: (start) => atMidnight(start.plus({ months: 1 })),
  key: (start) => monthly.quickKey(start, start.toMillis(), start.zone)!,
  parse(key, timezone) {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (!m) return 'wrong shape';
    const dt = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]) }, { zone: timezone });
    return dt.isValid ? dt.startOf('month') : 'no such month';
  },
  shape: 'YYYY-MM',
  example: '2026-05',
  maxSpanMs: (31 * 24 + 1) * HOUR_MS,
  quickNext: (wall, ms, zone) =>
    sameOffset(wall, ms, Date.UTC(wall.year, wall.month, 1) - Date.UTC(wall.year, wall.month - 1, 1), zone),
  quickKey: (wall) => `${pad(wall.year, 4)}-${pad(wall.month)}`,
};

const grids: Record<Grain, Grid> = { hourly, daily, weekly, monthly };

export function gridFor(grain: Grain): Grid {
  return grids[grain];
}
