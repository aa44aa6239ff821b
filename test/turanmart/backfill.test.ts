// TuranMart through `pipewright backfill` and `run` as processes, with the data
// root on a folder and in a bucket: a date outside its partition fails that day's
// contract check fast while the other days of the backfill publish, and a rerun
// gives byte-identical outputs and manifests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { ROOT_KINDS, type RootKind, type TestRoot, testRoots } from '../support/data-roots.js';

const PIPELINE = path.join(REPO_ROOT, 'pipelines/turanmart_daily_sales');
const testRoot = testRoots('pipewright-turanmart-backfill-');

async function sampleRoot(kind: RootKind): Promise<TestRoot> {
  const root = testRoot(kind);
  await root.putDir(path.join(PIPELINE, 'data/raw'), 'raw');
  return root;
}

/** Every published file under the root except the ledger, keyed by path. */
function published(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const abs = path.join(root, rel);
    if (rel.startsWith('_pipewright') || rel.startsWith('raw') || !statSync(abs).isFile()) continue;
    files.set(rel, readFileSync(abs));
  }
  return files;
}

interface Report {
  status: string;
  run_id: string;
  reason: string;
  tasks: Array<{ id: string; state: string; attempts: number; failure_class: string | null }>;
  checks: Array<{ name: string; status: string; details: string }>;
}

describe.each(ROOT_KINDS)('TuranMart backfill and reruns on a %s', (kind) => {
  it('fails only the day whose export has a row from another day; the others publish', async () => {
    const root = await sampleRoot(kind);
    const raw = 'raw/orders/dt=2026-05-02/orders.csv';
    const sample = readFileSync(path.join(PIPELINE, 'data', raw), 'utf8');
    await root.put(raw, `${sample}9999001,2026-05-03,C1,Almaty,12.50,web,late row\r\n`);

    const result = pipewright(
      REPO_ROOT,
      [
        'backfill',
        'turanmart_daily_sales',
        '--start',
        '2026-05-01',
        '--end',
        '2026-05-03',
        '--reason',
        'discount rule fix',
        '--data-root',
        root.dataRoot,
      ],
      root.env,
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('3 partitions: 2 ok, 1 failed');

    const report = JSON.parse(
      readFileSync(path.join(root.dir, 'quality/dt=2026-05-02/quality_report.json'), 'utf8'),
    ) as Report;
    expect(report.status).toBe('failed');
    expect(report.reason).toBe('discount rule fix');
    const validate = report.tasks.find((t) => t.id === 'validate_bronze_orders');
    expect(validate).toMatchObject({ state: 'failed', attempts: 1, failure_class: 'data' });
    const failedCheck = report.checks.find((c) => c.status === 'failed');
    expect(failedCheck?.name).toBe('date_in_partition(order_date)');
    expect(failedCheck?.details).toContain('2026-05-03');
    expect(existsSync(path.join(root.dir, 'gold/daily_sales/dt=2026-05-02/daily_sales.csv'))).toBe(false);

    for (const ds of ['2026-05-01', '2026-05-03']) {
      const gold = `gold/daily_sales/dt=${ds}/daily_sales.csv`;
      expect(readFileSync(path.join(root.dir, gold), 'utf8')).toBe(
        readFileSync(path.join(PIPELINE, 'expected', gold), 'utf8'),
      );
    }
  });

  it('gives byte-identical outputs and manifests on a rerun, apart from run ids', async () => {
    const root = await sampleRoot(kind);
    const run = () =>
      pipewright(
        REPO_ROOT,
        ['run', 'turanmart_daily_sales', '--date', '2026-05-02', '--data-root', root.dataRoot],
        root.env,
      );
    expect(run().status).toBe(0);
    const first = published(root.dir);
    expect(run().status).toBe(0);
    const second = published(root.dir);

    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const runIds = (files: Map<string, Buffer>) =>
      JSON.parse(files.get('quality/dt=2026-05-02/quality_report.json')!.toString('utf8')).run_id as string;
    const [id1, id2] = [runIds(first), runIds(second)];
    expect(id1).not.toBe(id2);
    for (const [file, bytes] of first) {
      if (file.startsWith('quality/')) continue; // the report is the run's own evidence: it names the run
      const normalize = (b: Buffer, id: string) => b.toString('utf8').split(id).join('<run>');
      expect(normalize(second.get(file)!, id2), file).toBe(normalize(bytes, id1));
    }
    expect(first.has('gold/daily_sales/dt=2026-05-02/_manifest.json')).toBe(true);
    expect(first.has('bronze/orders/dt=2026-05-02/_manifest.json')).toBe(true);
  });
});

describe.each(ROOT_KINDS)('TuranMart on a malformed export on a %s', (kind) => {
  it('fails a file whose rows are longer than its header as a data error, with its report, not a crash', async () => {
    const root = await sampleRoot(kind);
    // The header lost a column but the rows did not: the parser fails on the first record.
    await root.put(
      'raw/orders/dt=2026-05-01/orders.csv',
      'order_id,order_date,customer_id,order_total\n1,2026-05-01,C1,Almaty,10.00\n',
    );
    const result = pipewright(
      REPO_ROOT,
      ['run', 'turanmart_daily_sales', '--date', '2026-05-01', '--data-root', root.dataRoot],
      root.env,
    );
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(
      readFileSync(path.join(root.dir, 'quality/dt=2026-05-01/quality_report.json'), 'utf8'),
    ) as Report;
    expect(report.tasks.find((t) => t.id === 'ingest_orders_bronze')).toMatchObject({
      state: 'failed',
      attempts: 1,
      failure_class: 'data',
    });
  });
});
