// The example pipeline through the CLI: a copy of its raw exports in a temp data
// root, one partition run, the gold output compared byte for byte with the expected.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './support.js';

const PIPELINE = path.join(REPO, 'pipelines/turanmart_daily_sales');

describe('pipewright run turanmart_daily_sales', () => {
  it('builds the expected gold for 2026-05-01 and a passing quality report', () => {
    const dataRoot = tempDir('turanmart');
    cpSync(path.join(PIPELINE, 'data/raw/orders/dt=2026-05-01'), path.join(dataRoot, 'raw/orders/dt=2026-05-01'), {
      recursive: true,
    });
    const r = spawnSync(
      path.join(REPO, 'node_modules/.bin/node'),
      [
        '--import',
        'tsx',
        'src/cli/index.ts',
        'run',
        'turanmart_daily_sales',
        '--date',
        '2026-05-01',
        '--data-root',
        dataRoot,
      ],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '' }, timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('turanmart_daily_sales 2026-05-01: success');
    const gold = 'gold/daily_sales/dt=2026-05-01/daily_sales.csv';
    expect(readFileSync(path.join(dataRoot, gold), 'utf8')).toBe(
      readFileSync(path.join(PIPELINE, 'expected', gold), 'utf8'),
    );
    const report = JSON.parse(readFileSync(path.join(dataRoot, 'quality/dt=2026-05-01/quality_report.json'), 'utf8'));
    expect(report.status).toBe('success');
    expect(report.tasks.map((t: { id: string; state: string }) => t.state)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'success',
    ]);
    expect(report.checks.every((c: { status: string }) => c.status === 'passed')).toBe(true);
    expect(report.outputs.map((o: { path: string }) => o.path)).toContain(gold);
  });
});
