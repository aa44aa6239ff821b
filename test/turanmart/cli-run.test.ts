// The example pipeline end to end through the real CLI process: each sample
// day publishes the expected gold file; a broken export fails as a data error
// without retries, and the report still lists every task.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pipelineDir = join(repo, 'pipelines', 'turanmart_daily_sales');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function sampleRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'pipewright-turanmart-cli-'));
  roots.push(root);
  cpSync(join(pipelineDir, 'data', 'raw'), join(root, 'raw'), { recursive: true });
  return root;
}

function pipewright(args: string[]) {
  return spawnSync(
    join(repo, 'node_modules', '.bin', 'node'),
    ['--import', 'tsx', join(repo, 'src', 'cli', 'index.ts'), ...args],
    {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

it('publishes the expected gold file for every sample day', () => {
  const root = sampleRoot();
  for (const ds of ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04']) {
    const result = pipewright(['run', 'turanmart_daily_sales', '--date', ds, '--data-root', root]);
    expect(result.status, result.stderr).toBe(0);
    const gold = `gold/daily_sales/dt=${ds}/daily_sales.csv`;
    expect(readFileSync(join(root, gold), 'utf8')).toBe(readFileSync(join(pipelineDir, 'expected', gold), 'utf8'));
    const report = JSON.parse(readFileSync(join(root, `quality/dt=${ds}/quality_report.json`), 'utf8')) as {
      status: string;
      tasks: { state: string }[];
      checks: { status: string }[];
      outputs: { path: string }[];
    };
    expect(report.status).toBe('success');
    expect(report.tasks.map((t) => t.state)).toEqual(Array(5).fill('success'));
    expect(report.checks.length).toBeGreaterThan(0);
    expect(report.checks.every((c) => c.status === 'passed')).toBe(true);
    expect(report.outputs.map((o) => o.path)).toContain(gold);
  }
});

it('fails a raw export without the region column as a data error, once, publishing no gold', () => {
  const root = sampleRoot();
  writeFileSync(
    join(root, 'raw/orders/dt=2026-05-02/orders.csv'),
    'order_id,order_date,customer_id,order_total\n1,2026-05-02,C1,1.00\n',
  );
  const result = pipewright(['run', 'turanmart_daily_sales', '--date', '2026-05-02', '--data-root', root]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('missing required column "region"');
  expect(existsSync(join(root, 'gold/daily_sales/dt=2026-05-02/daily_sales.csv'))).toBe(false);
  const report = JSON.parse(readFileSync(join(root, 'quality/dt=2026-05-02/quality_report.json'), 'utf8')) as {
    status: string;
    tasks: { id: string; state: string; attempts: number; failure_class?: string }[];
  };
  expect(report.status).toBe('failed');
  expect(report.tasks.map((t) => [t.id, t.state])).toEqual([
    ['check_source_available', 'success'],
    ['ingest_orders_bronze', 'failed'],
    ['validate_bronze_orders', 'upstream_failed'],
    ['build_daily_sales_gold', 'upstream_failed'],
    ['write_quality_report', 'success'],
  ]);
  expect(report.tasks[1]).toMatchObject({ attempts: 1, failure_class: 'data' });
});
