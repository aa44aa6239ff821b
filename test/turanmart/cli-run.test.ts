// The example pipeline end to end through the real CLI process, with the data
// root on a folder and in a bucket (versitygw): each sample day publishes the
// expected gold file; a broken export fails as a data error without retries,
// and the report still lists every task.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { ROOT_KINDS, testRoots } from '../support/data-roots.js';

const pipelineDir = join(REPO_ROOT, 'pipelines', 'turanmart_daily_sales');
const testRoot = testRoots('pipewright-turanmart-cli-');

async function sampleRoot(kind: (typeof ROOT_KINDS)[number]) {
  const root = testRoot(kind);
  await root.putDir(join(pipelineDir, 'data', 'raw'), 'raw');
  return root;
}

describe.each(ROOT_KINDS)('TuranMart with the data root on a %s', (kind) => {
  it('publishes the expected gold file for every sample day', async () => {
    const root = await sampleRoot(kind);
    for (const ds of ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04']) {
      const result = pipewright(
        REPO_ROOT,
        ['run', 'turanmart_daily_sales', '--date', ds, '--data-root', root.dataRoot],
        root.env,
      );
      expect(result.status, result.stderr).toBe(0);
      if (kind === 'bucket') expect(result.stdout).toContain(`report: ${root.dataRoot}/quality/dt=${ds}/`);
      const gold = `gold/daily_sales/dt=${ds}/daily_sales.csv`;
      expect(readFileSync(join(root.dir, gold), 'utf8')).toBe(
        readFileSync(join(pipelineDir, 'expected', gold), 'utf8'),
      );
      const report = JSON.parse(readFileSync(join(root.dir, `quality/dt=${ds}/quality_report.json`), 'utf8')) as {
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

  it('fails a raw export without the region column as a data error, once, publishing no gold', async () => {
    const root = await sampleRoot(kind);
    await root.put(
      'raw/orders/dt=2026-05-02/orders.csv',
      'order_id,order_date,customer_id,order_total\n1,2026-05-02,C1,1.00\n',
    );
    const result = pipewright(
      REPO_ROOT,
      ['run', 'turanmart_daily_sales', '--date', '2026-05-02', '--data-root', root.dataRoot],
      root.env,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing required column "region"');
    expect(existsSync(join(root.dir, 'gold/daily_sales/dt=2026-05-02/daily_sales.csv'))).toBe(false);
    const report = JSON.parse(readFileSync(join(root.dir, 'quality/dt=2026-05-02/quality_report.json'), 'utf8')) as {
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

  it('keeps no version and no local copy of a run whose checks fail after its bronze was staged', async () => {
    const root = await sampleRoot(kind);
    await root.put(
      'raw/orders/dt=2026-05-02/orders.csv',
      'order_id,order_date,customer_id,region,order_total\n1,2026-05-02,C1,north,abc\n',
    );
    const tmp = mkdtempSync(join(tmpdir(), 'pw-cli-tmp-'));
    try {
      const result = pipewright(
        REPO_ROOT,
        ['run', 'turanmart_daily_sales', '--date', '2026-05-02', '--data-root', root.dataRoot],
        { ...root.env, TMPDIR: tmp },
      );
      expect(result.status).toBe(1);
      // Kept for inspection and resume: in a bucket a first attempt wrote into the run's version, left unfinished.
      const stagedIn = kind === 'bucket' ? 'versions' : 'staging';
      const staged = readdirSync(join(root.dir, `_pipewright/${stagedIn}/turanmart_daily_sales/2026-05-02`));
      expect(staged).toHaveLength(1);
      const versions = join(root.dir, '_pipewright/versions/turanmart_daily_sales/2026-05-02');
      const versioned = existsSync(versions)
        ? readdirSync(versions, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
        : [];
      const bronze = 'orders.csv';
      expect(versioned.map((entry) => entry.name)).toEqual(kind === 'bucket' ? [bronze] : []);
      expect(readdirSync(tmp).filter((name) => name.startsWith('pipewright-copies-'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('rolls a re-delivered day back to the version it replaced, pinned, and reruns none of it', async () => {
    const root = await sampleRoot(kind);
    const ds = '2026-05-03';
    const raw = `raw/orders/dt=${ds}/orders.csv`;
    const gold = `gold/daily_sales/dt=${ds}/daily_sales.csv`;
    const cli = (...args: string[]) => pipewright(REPO_ROOT, [...args, '--data-root', root.dataRoot], root.env);
    expect(cli('run', 'turanmart_daily_sales', '--date', ds).status).toBe(0);
    const v1 = readFileSync(join(root.dir, gold), 'utf8');
    const lines = readFileSync(join(pipelineDir, 'data', raw), 'utf8')
      .trimEnd()
      .split('\n');
    await root.put(raw, `${lines.slice(0, -1).join('\n')}\n`);
    expect(cli('run', 'turanmart_daily_sales', '--date', ds).status).toBe(0);
    expect(readFileSync(join(root.dir, gold), 'utf8')).not.toBe(v1);

    const back = cli(
      'rollback',
      'turanmart_daily_sales',
      '--partition',
      ds,
      '--reason',
      'the re-delivery lost an order',
    );
    expect(back.status, back.stderr).toBe(0);
    expect(readFileSync(join(root.dir, gold), 'utf8')).toBe(v1);
    const status = JSON.parse(cli('status', 'turanmart_daily_sales', '--format', 'json').stdout);
    expect(status.partitions.find((p: { partition: string }) => p.partition === ds)).toMatchObject({
      trigger: 'rollback',
      pinned: true,
    });
  });
});

it('publishes the same bronze and gold bytes from a bucket as from a folder', async () => {
  const [folder, bucket] = await Promise.all([sampleRoot('folder'), sampleRoot('bucket')]);
  const ds = '2026-05-02'; // the sample with CRLF, padded values and a quoted multi-line note
  for (const root of [folder, bucket]) {
    const run = pipewright(
      REPO_ROOT,
      ['run', 'turanmart_daily_sales', '--date', ds, '--data-root', root.dataRoot],
      root.env,
    );
    expect(run.status, run.stderr).toBe(0);
  }
  for (const rel of [`bronze/orders/dt=${ds}/orders.csv`, `gold/daily_sales/dt=${ds}/daily_sales.csv`]) {
    expect(readFileSync(join(bucket.dir, rel)).equals(readFileSync(join(folder.dir, rel))), rel).toBe(true);
  }
});
