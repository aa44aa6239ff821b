// Verdicts the contract rules ask for again and again: a repository of a
// thousand contracts names a handful of zones and schedules, and luxon builds
// an Intl.DateTimeFormat on every zone check (about 0.2 ms each).
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
