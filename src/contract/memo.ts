// Verdicts the contract rules ask for again and again: a repository of a
// thousand contracts names a handful of zones, schedules and programs, and luxon
// builds an Intl.DateTimeFormat on every zone check (about 0.2 ms each) while a
// program is looked for in every PATH folder (a quarter of validate's time).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';

const zones = new Map<string, boolean>();
const crons = new Map<string, Error | undefined>();

/** IANAZone.isValidZone, remembered per name. */
export function isValidZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    zones.set(zone, valid);
  }
  return valid;
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

const programs = new Map<string, boolean>();

/** Whether `file` can be executed. */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `program` (a bare name) is an executable in a folder of PATH, remembered per PATH and name. */
export function isOnPath(program: string): boolean {
  const path = process.env.PATH ?? '';
  const key = `${path}\0${program}`;
  let found = programs.get(key);
  if (found === undefined) {
    found = path
      .split(delimiter)
      .filter(Boolean)
      .some((dir) => isExecutable(join(dir, program)));
    programs.set(key, found);
  }
  return found;
}
