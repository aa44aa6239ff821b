// GitHub's `on.schedule` takes 5-field crons only; a contract may also say @hourly, @daily,
// @weekly or @monthly. These are the crons a caller must carry for a contract's schedule.

const MACROS: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
};

/** The 5-field cron GitHub accepts for a contract `schedule` (descriptors translated, spaces collapsed). */
export function githubCron(schedule: string): string {
  const trimmed = schedule.trim().replace(/\s+/g, ' ');
  return MACROS[trimmed] ?? trimmed;
}
