// Checks the schema cannot express: identity, schedule, time zone and dates.
// Each rule reads the raw data defensively (the schema may have failed too)
// and pushes located diagnostics.
import { basename, dirname } from 'node:path';
import { DateTime } from '../luxon.js';
import { checkCron, dateIn, isValidZone, partHourShift } from './memo.js';
import type { Diagnostic } from './model.js';
import type { ContractSource } from './source.js';
import { didYouMean } from './suggest.js';

export type Raw = Record<string, unknown>;
export type Rule = (data: Raw, source: ContractSource, out: Diagnostic[]) => void;

export const CRON_MACROS = ['@hourly', '@daily', '@weekly', '@monthly'];
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const dagIdMatchesFolder: Rule = (data, source, out) => {
  const folder = basename(dirname(source.file));
  if (typeof data.dag_id === 'string' && data.dag_id !== folder)
    out.push(source.diagnostic(['dag_id'], `dag_id '${data.dag_id}' must equal its folder name '${folder}'`));
};

const validSchedule: Rule = (data, source, out) => {
  const schedule = data.schedule;
  if (typeof schedule !== 'string') return;
  if (schedule.startsWith('@')) {
    if (!CRON_MACROS.includes(schedule))
      out.push(
        source.diagnostic(
          ['schedule'],
          `unknown schedule '${schedule}': use ${CRON_MACROS.join(', ')} or a 5-field cron`,
        ),
      );
    return;
  }
  const fields = schedule.trim().split(/\s+/).length;
  if (fields !== 5) {
    out.push(
      source.diagnostic(
        ['schedule'],
        `invalid cron '${schedule}': expected 5 fields (minute hour day-of-month month day-of-week), got ${fields}`,
      ),
    );
    return;
  }
  try {
    checkCron(schedule);
  } catch (error) {
    out.push(source.diagnostic(['schedule'], `invalid cron '${schedule}': ${(error as Error).message}`));
  }
};

let zones: string[] | undefined;

const knownTimezone: Rule = (data, source, out) => {
  const zone = data.timezone;
  if (typeof zone !== 'string' || isValidZone(zone)) return;
  zones ??= Intl.supportedValuesOf('timeZone');
  out.push(source.diagnostic(['timezone'], `unknown time zone '${zone}'${didYouMean(zone, zones)}`));
};

/**
 * Hourly partitions need whole-hour clock changes: where DST moves the clock by 30
 * minutes (Australia/Lord_Howe) local hours overlap or vanish, and keys planned on
 * one side of a change would not parse back on the other.
 */
const hourlyNeedsWholeHourShifts: Rule = (data, source, out) => {
  const zone = data.timezone;
  if (data.partition !== 'hourly' || typeof zone !== 'string' || !isValidZone(zone)) return;
  const from = typeof data.start_date === 'string' ? Number.parseInt(data.start_date.slice(0, 4), 10) : Number.NaN;
  const first = Number.isFinite(from) ? from : DateTime.utc().year;
  const odd = partHourShift(zone, first);
  if (odd)
    out.push(
      source.diagnostic(
        ['timezone'],
        `time zone '${zone}' moves its clocks by ${odd.shift} minutes in ${odd.year}: hourly partitions need whole-hour changes; use partition: daily or a zone such as UTC`,
      ),
    );
};

function readDate(data: Raw, key: string, source: ContractSource, out: Diagnostic[]): DateTime | undefined {
  const value = data[key];
  if (typeof value !== 'string') return undefined;
  const zone = typeof data.timezone === 'string' && isValidZone(data.timezone) ? data.timezone : 'UTC';
  const parsed = dateIn(value, zone);
  if (!DATE.test(value) || !parsed.isValid) {
    const why = parsed.invalidExplanation ? `: ${parsed.invalidExplanation}` : '';
    out.push(source.diagnostic([key], `${key} '${value}' is not a valid date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)${why}`));
    return undefined;
  }
  return parsed;
}

const validDates: Rule = (data, source, out) => {
  const start = readDate(data, 'start_date', source, out);
  const end = readDate(data, 'end_date', source, out);
  if (start && end && end < start)
    out.push(
      source.diagnostic(
        ['end_date'],
        `end_date ${String(data.end_date)} is before start_date ${String(data.start_date)}`,
      ),
    );
};

export const pipelineRules: Rule[] = [
  dagIdMatchesFolder,
  validSchedule,
  knownTimezone,
  hourlyNeedsWholeHourShifts,
  validDates,
];
