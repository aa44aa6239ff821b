import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { reportArtifactName, useResultsServiceOverride, validateArtifactName } from './artifacts.js';

describe('artifact names', () => {
  it('names a partition report pipewright-<dag_id>-<partition>', () => {
    expect(reportArtifactName('turanmart_daily_sales', '2026-05-02')).toBe(
      'pipewright-turanmart_daily_sales-2026-05-02',
    );
  });

  it('teaches which character is banned, why, and what would work', () => {
    let caught: unknown;
    try {
      reportArtifactName('turanmart_hourly', '2026-05-02T06:00');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const message = (caught as Error).message;
    expect(message).toContain('"pipewright-turanmart_hourly-2026-05-02T06:00" contains colon :');
    expect(message).toContain('position 42');
    expect(message).toContain('NTFS');
    expect(message).toContain('"pipewright-turanmart_hourly-2026-05-02T06-00"');
  });

  it('lists every banned character found and rejects empty names', () => {
    expect(() => validateArtifactName('a/b|c')).toThrow(/contains forward slash \/, vertical bar \| at position 2/);
    expect(() => validateArtifactName('line\nbreak')).toThrow(/line feed \\n/);
    expect(() => validateArtifactName('  ')).toThrow(/artifact name is empty/);
    expect(() => validateArtifactName('pipewright-x-2026-05')).not.toThrow();
  });
});

describe('results service override', () => {
  it('routes artifact calls to PIPEWRIGHT_ACTIONS_RESULTS_URL when set, and leaves the runner URL alone otherwise', () => {
    const relayed: NodeJS.ProcessEnv = {
      ACTIONS_RESULTS_URL: 'http://runner/',
      PIPEWRIGHT_ACTIONS_RESULTS_URL: 'http://127.0.0.1:4000/',
    };
    useResultsServiceOverride(relayed);
    expect(relayed.ACTIONS_RESULTS_URL).toBe('http://127.0.0.1:4000/');
    const plain: NodeJS.ProcessEnv = { ACTIONS_RESULTS_URL: 'http://runner/' };
    useResultsServiceOverride(plain);
    expect(plain.ACTIONS_RESULTS_URL).toBe('http://runner/');
  });
});
