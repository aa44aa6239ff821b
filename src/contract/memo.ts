// Verdicts the contract rules ask for again and again: a repository of a
// thousand contracts names a handful of zones, schedules and programs, and luxon
// builds an Intl.DateTimeFormat on every zone check (about 0.2 ms each) while a
// program is looked for in every PATH folder (a quarter of validate's time).
// Command arguments repeat too (`--ds={{ ds }}` in every task): reading their
// templates was a quarter of the rest.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { DateTime, IANAZone } from '../luxon.js';
import { type TemplateRef, templateRefs, unclosedTemplates } from './templates.js';

const zones = new Map<string, boolean>();
const dates = new Map<string, DateTime>();
const shifts = new Map<string, { year: number; shift: number } | undefined>();
const crons = new Map<string, Error | undefined>();

let canonicalZones: Set<string> | undefined;

/**
 * IANAZone.isValidZone, remembered per name. A name in the engine's own list of zones is valid
 * without asking: isValidZone builds an Intl.DateTimeFormat, and the first of a process loads
 * ICU's date-formatting data (10 ms). Others (aliases such as US/Eastern, mistakes) are asked.
 */
export function isValidZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) {
    canonicalZones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
    valid = canonicalZones.has(zone) || IANAZone.isValidZone(zone);
    zones.set(zone, valid);
  }
  return valid;
}

/** DateTime.fromISO(value, { zone }), remembered per zone and value (contracts share a few start dates). */
export function dateIn(value: string, zone: string): DateTime {
  const key = `${zone} ${value}`;
  let date = dates.get(key);
  if (date === undefined) {
    date = DateTime.fromISO(value, { zone });
    if (dates.size >= 10_000) dates.clear();
    dates.set(key, date);
  }
  return date;
}

/**
 * The first year from `first` to 30 years on in which `zone` moves its clocks by
 * other than whole hours (winter against summer offset), remembered per zone and year.
 */
export function partHourShift(zone: string, first: number): { year: number; shift: number } | undefined {
  const key = `${zone} ${first}`;
  if (!shifts.has(key)) {
    let found: { year: number; shift: number } | undefined;
    for (let year = first; year <= first + 30 && !found; year++) {
      const winter = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).offset;
      const summer = DateTime.fromObject({ year, month: 7, day: 1 }, { zone }).offset;
      const shift = Math.abs(winter - summer);
      if (shift % 60 !== 0) found = { year, shift };
    }
    shifts.set(key, found);
  }
  return shifts.get(key);
}

/** Throws what cron-parser throws for `schedule` (5 fields, not strict), remembered per expression. */
export function checkCron(schedule: string): void {
  if (!crons.has(schedule)) {
    try {
      CronExpressionParser.parse(schedule, { strict: false });
      crons.set(schedule, undefined);
    } catch (error) {
      crons.set(schedule, error instanceof Error ? error : new Error(String(error)));
    }
  }
  const error = crons.get(schedule);
  if (error) throw error;
}

/** Programs found (or not) on `programsPath`, the PATH they were looked for on. */
const programs = new Map<string, boolean>();
let programsPath: string | undefined;

/** Whether `file` can be executed. */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `program` (a bare name) is an executable in a folder of `path` (a PATH), remembered per PATH and name. */
export function isOnPath(program: string, path: string): boolean {
  if (path !== programsPath) {
    programs.clear();
    programsPath = path;
  }
  let found = programs.get(program);
  if (found === undefined) {
    found = path
      .split(delimiter)
      .filter(Boolean)
      .some((dir) => isExecutable(join(dir, program)));
    programs.set(program, found);
  }
  return found;
}

export interface TemplateScan {
  refs: readonly TemplateRef[];
  unclosed: readonly string[];
}

const NO_TEMPLATES: TemplateScan = { refs: [], unclosed: [] };
const scans = new Map<string, TemplateScan>();

/** templateRefs and unclosedTemplates of `text`, remembered per string. */
export function templateScan(text: string): TemplateScan {
  if (!text.includes('{{')) return NO_TEMPLATES;
  let scan = scans.get(text);
  if (scan === undefined) {
    scan = { refs: templateRefs(text), unclosed: unclosedTemplates(text) };
    if (scans.size >= 10_000) scans.clear();
    scans.set(text, scan);
  }
  return scan;
}
