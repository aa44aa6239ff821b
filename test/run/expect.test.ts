import { cpSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { scratchDir } from '../support/temp.js';

/** A project holding a copy of the TuranMart pipeline: contract, tasks, sample inputs, expected/. */
function turanmartProject(): string {
  const cwd = scratchDir('pipewright-expect-');
  const from = path.join(REPO_ROOT, 'pipelines/turanmart_daily_sales');
  const to = path.join(cwd, 'pipelines/turanmart_daily_sales');
  for (const part of ['pipeline.yml', 'tasks', 'expected', 'data/raw']) {
    cpSync(path.join(from, part), path.join(to, part), { recursive: true });
  }
  // Task code imports csv-parse, as a user's repository would have it installed.
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(cwd, 'node_modules'));
  return cwd;
}

describe('pipewright expect', () => {
  it('runs every sample partition in a scratch root and finds the bronze and gold equal to expected/', () => {
    const cwd = turanmartProject();
    const result = pipewright(cwd, ['expect']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'ok       pipelines/turanmart_daily_sales/expected/gold/daily_sales/dt=2026-05-02/daily_sales.csv',
    );
    expect(result.stdout).toContain(
      'ok       pipelines/turanmart_daily_sales/expected/bronze/orders/dt=2026-05-02/orders.csv',
    );
    expect(result.stdout).toMatch(/^8 expected files, 8 match, 0 differ$/m);
  });

  it('names the file and the first line that differs, and exits 1', () => {
    const cwd = turanmartProject();
    const expected = path.join(
      cwd,
      'pipelines/turanmart_daily_sales/expected/gold/daily_sales/dt=2026-05-03/daily_sales.csv',
    );
    writeFileSync(expected, 'order_date,region,order_count,revenue\n2026-05-03,Almaty,1,0.01\n');
    const result = pipewright(cwd, ['expect', 'turanmart_daily_sales']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^differs +pipelines\/.*dt=2026-05-03\/daily_sales\.csv: line 2: expected "2026-05-03,Almaty,1,0\.01", got "2026-05-03,/m,
    );
    expect(result.stdout).toMatch(/^8 expected files, 7 match, 1 differ$/m);
  });

  it('reports a run that failed instead of comparing stale files', () => {
    const cwd = turanmartProject();
    // A raw export that lost its region column breaks the contract check.
    const raw = path.join(cwd, 'pipelines/turanmart_daily_sales/data/raw/orders/dt=2026-05-01/orders.csv');
    writeFileSync(raw, 'order_id,order_date,customer_id,order_total\n1,2026-05-01,c1,10.00\n');
    const result = pipewright(cwd, ['expect', 'turanmart_daily_sales']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^run_failed .*dt=2026-05-01\/daily_sales\.csv: ingest_orders_bronze failed: .*region/m,
    );
  });
});
