// Instants as pipewright reads and prints them. Every data interval bound is
// printed in one format, ISO 8601 with milliseconds and the zone's offset
// (2026-05-02T00:00:00.000+05:00, never `Z`), so strings compare and diff cleanly.

import { UsageError } from '../errors.js';
import { DateTime } from '../luxon.js';

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant's fields in its zone: what a DateTime has, and what a long walk computes without one. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** The wall time at `ms` on `offset`, from a Date's UTC fields: a fraction of a DateTime's cost. */
export function wallTimeAt(ms: number, offset: number): WallTime {
  const d = new Date(ms + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    offset,
  };
}

/** yyyy-MM-dd in the instant's zone, from its fields (toFormat is most of a long walk's time). */
export function localDate(dt: WallTime): string {
  return `${pad(dt.year, 4)}-${pad(dt.month)}-${pad(dt.day)}`;
}

/** yyyy-MM-dd'T'HH:mm:ss.SSSZZ, built from the fields: luxon's toFormat dominated planning time. */
export function formatInstant(dt: WallTime): string {
  const offset = Math.abs(dt.offset);
  const zone = `${dt.offset < 0 ? '-' : '+'}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
  return `${localDate(dt)}T${pad(dt.hour)}:${pad(dt.minute)}:${pad(dt.second)}.${pad(dt.millisecond, 3)}${zone}`;
}

/** Refuses a zone luxon does not know, naming it. */
export function requireZone(timezone: string): void {
  if (!DateTime.now().setZone(timezone).isValid)
    throw new UsageError(`unknown timezone '${timezone}' (use an IANA name such as Asia/Almaty or UTC)`);
}

/**
 * Reads a date (`2026-05-01`, midnight in the zone) or a date-time with or
 * without an offset (no offset: wall time in the zone). `what` names the value
 * in the error, e.g. "--now" or "start_date".
 */
export function parseInstant(value: string, timezone: string, what: string): DateTime {
  requireZone(timezone);
  const dt = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?$/.test(value)
    ? DateTime.fromISO(value, { zone: timezone })
    : undefined;
  if (!dt?.isValid)
    throw new UsageError(
      `${what} '${value}' is not an ISO 8601 date or date-time (e.g. 2026-05-02 or 2026-05-02T06:00:00+05:00)`,
    );
  return dt.setZone(timezone);
}
