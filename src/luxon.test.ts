import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('luxon as the core uses it', () => {
  it('formats in en-US whatever the machine locale is', () => {
    // A fresh process: ICU reads the locale from the environment at start.
    const script =
      "import { DateTime } from './src/luxon.ts'; process.stdout.write(DateTime.fromISO('2026-03-01', { zone: 'UTC' }).locale ?? '');";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      env: { ...process.env, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('en-US');
  });
});
