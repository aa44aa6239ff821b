// Scenario 3: the raw export for 2026-05-02 arrives without its `region`
// column. The backfill fails for that day only (its report is still uploaded
// and the report job names it); once the export is fixed, a dispatch with
// `reprocess: failed` reruns 2026-05-02 alone, decided from the state branch.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActRun, REPO_ROOT } from '../support/act.js';
import type { GitHubApiServer } from '../support/github-api-server.js';
import {
  artifactNames,
  createShopRepo,
  DAG,
  extractArtifact,
  logOf,
  partitionSteps,
  runCaller,
  type ShopRepo,
  stateRecords,
} from './harness.js';

const EXPORT = path.join('pipelines', DAG, 'data', 'raw', 'orders', 'dt=2026-05-02', 'orders.csv');
const GOOD = fs.readFileSync(path.join(REPO_ROOT, EXPORT), 'utf8');
// The vendor's export for that day lacks the `region` column (header and rows alike).
const BROKEN = stringify(
  parse(GOOD, { bom: true }).map((row: string[]) => row.filter((_, i) => i !== 3)),
  { record_delimiter: 'unix' },
);
const FORM = { start: '2026-05-01', end: '2026-05-03' };

describe('a partition that fails, then is reprocessed alone', () => {
  let shop: ShopRepo;
  let first: ActRun;
  let firstApi: GitHubApiServer;
  let second: ActRun;

  beforeAll(async () => {
    expect(BROKEN.split('\n')[0]).toBe('order_id,order_date,customer_id,order_total,channel,note');
    shop = createShopRepo({ [EXPORT]: BROKEN });
    ({ run: first, api: firstApi } = await runCaller(shop, {
      event: 'workflow_dispatch',
      inputs: { ...FORM, reason: 'first load of May' },
    }));
    shop.commit('vendor re-sent the 2026-05-02 export', { [EXPORT]: GOOD });
    ({ run: second } = await runCaller(shop, {
      event: 'workflow_dispatch',
      inputs: { ...FORM, reprocess: 'failed', reason: 'rerun after the export was fixed' },
    }));
  }, 240_000);

  it('fails the run for 2026-05-02 only', () => {
    expect(first.exitCode).not.toBe(0);
    expect(
      first
        .jobRuns('run')
        .map((j) => j.matrix.label)
        .sort(),
    ).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    expect(partitionSteps(first)).toEqual({
      '2026-05-01': 'success',
      '2026-05-02': 'failure',
      '2026-05-03': 'success',
    });
    expect(first.annotations('run').map((a) => a.message)).toContain(
      'pipewright run-partition: 2026-05-02 failed (reports uploaded)',
    );
  });

  it('still uploads the failed partition report, and the report job lists it', () => {
    const names = artifactNames(first);
    expect(names).toEqual(['2026-05-01', '2026-05-02', '2026-05-03'].map((d) => `pipewright-${DAG}-${d}`));
    const dir = extractArtifact(first, `pipewright-${DAG}-2026-05-02`);
    const report = JSON.parse(
      fs.readFileSync(path.join(dir, 'quality', 'dt=2026-05-02', 'quality_report.json'), 'utf8'),
    );
    expect(report.status).toBe('failed');
    const failedTask = report.tasks.find((t: { state: string }) => t.state === 'failed');
    expect(failedTask.failure_class).toBe('data');
    expect(failedTask.error).toContain('region');

    expect(first.jobResult('report')).toBe('failure');
    expect(first.outputs('report', 'report')['failed-partitions']).toBe('["2026-05-02"]');
    expect(first.summary('report')).toContain('2026-05-02');
    // The contract alerts on failure: one issue opened through the REST API for that partition.
    const created = firstApi.requests.filter((r) => r.method === 'POST' && r.path === '/repos/turanmart/shop/issues');
    expect(created.map((r) => (r.body as { title: string }).title)).toEqual([expect.stringContaining('2026-05-02')]);
  });

  it('reruns only 2026-05-02 with reprocess: failed, and it succeeds', () => {
    expect(second.exitCode, logOf(second)).toBe(0);
    expect(JSON.parse(second.outputs('plan', 'plan').partitions ?? '')).toEqual(['2026-05-02']);
    expect(second.jobRuns('run').map((j) => [j.matrix.label, j.result])).toEqual([['2026-05-02', 'success']]);
    expect(artifactNames(second)).toEqual([`pipewright-${DAG}-2026-05-02`]);
    const dir = extractArtifact(second, `pipewright-${DAG}-2026-05-02`);
    const gold = path.join('gold', 'daily_sales', 'dt=2026-05-02', 'daily_sales.csv');
    expect(fs.readFileSync(path.join(dir, gold), 'utf8')).toBe(
      fs.readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'expected', gold), 'utf8'),
    );
  });

  it('keeps both runs of 2026-05-02 on the state branch, the latest a success', () => {
    const byPartition = new Map<string, string[]>();
    for (const record of [...stateRecords(shop).values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt)))
      byPartition.set(record.partition, [...(byPartition.get(record.partition) ?? []), record.state]);
    expect(Object.fromEntries(byPartition)).toEqual({
      '2026-05-01': ['success'],
      '2026-05-02': ['failed', 'success'],
      '2026-05-03': ['success'],
    });
  });
});
