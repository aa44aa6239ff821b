// TuranMart through the real CLI, with the data root on a folder and in a
// bucket: a partition failing in build_daily_sales_gold resumes without
// rerunning the sensor, ingest and checks; `--reprocess changed` reruns only the
// day whose export was re-delivered.
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { ROOT_KINDS, type RootKind, type TestRoot, testRoots } from '../support/data-roots.js';
import { tempRoots } from '../support/temp.js';

const tempRoot = tempRoots('pipewright-turanmart-resume-');
const testRoot = testRoots('pipewright-turanmart-resume-data-');
const DAG = 'turanmart_daily_sales';
const source = join(REPO_ROOT, 'pipelines', DAG);

/** A project folder with its own copy of the pipeline (so its code can be broken), and a data root with the sample exports. */
async function project(kind: RootKind): Promise<{ dir: string; root: TestRoot }> {
  const dir = tempRoot();
  cpSync(join(source, 'pipeline.yml'), join(dir, 'pipelines', DAG, 'pipeline.yml'));
  cpSync(join(source, 'tasks'), join(dir, 'pipelines', DAG, 'tasks'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  const root = testRoot(kind);
  await root.putDir(join(source, 'data', 'raw'), 'raw');
  return { dir, root };
}

const gold = (ds: string) => `gold/daily_sales/dt=${ds}/daily_sales.csv`;

describe.each(ROOT_KINDS)('TuranMart resume and changed on a %s', (kind) => {
  it('resumes a partition that failed in build_daily_sales_gold from that task', async () => {
    const { dir, root } = await project(kind);
    const goldTask = join(dir, 'pipelines', DAG, 'tasks', 'build_daily_sales.ts');
    const fixed = readFileSync(goldTask, 'utf8');
    writeFileSync(
      goldTask,
      "export async function buildDailySalesGold() {\n  throw new Error('bug in the gold step');\n}\n",
    );
    const run = (...extra: string[]) =>
      pipewright(dir, ['run', DAG, '--partition', '2026-05-01', '--data-root', root.dataRoot, ...extra], root.env);
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /build_daily_sales_gold failed \(code\): \S*build_daily_sales\.ts:2:\d+: bug in the gold step/,
    );
    // In a bucket first attempts write into the run's unfinished version (no copy at the publish).
    const stagedIn = kind === 'bucket' ? 'versions' : 'staging';
    expect(failed.stdout).toMatch(
      new RegExp(
        `not published: nothing is live; staged outputs in _pipewright/${stagedIn}/${DAG}/2026-05-01/manual__`,
      ),
    );

    writeFileSync(goldTask, fixed);
    const resumed = run('--resume');
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(
      /resumed: reused check_source_available, ingest_orders_bronze, validate_bronze_orders from run manual__\S+/,
    );
    expect(readFileSync(join(root.dir, gold('2026-05-01')), 'utf8')).toBe(
      readFileSync(join(source, 'expected', gold('2026-05-01')), 'utf8'),
    );
    const report = JSON.parse(readFileSync(join(root.dir, 'quality/dt=2026-05-01/quality_report.json'), 'utf8'));
    expect(
      report.tasks.filter((t: { reused_from?: string }) => t.reused_from).map((t: { id: string }) => t.id),
    ).toEqual(['check_source_available', 'ingest_orders_bronze', 'validate_bronze_orders']);
    // The reused checks still show in the report of the run that published.
    expect(report.checks.length).toBeGreaterThan(0);
    expect(report.plan_reason).toBe('resume');
  });

  it('reprocess changed reruns only the day whose export was re-delivered', async () => {
    const { dir, root } = await project(kind);
    const backfill = (...extra: string[]) =>
      pipewright(
        dir,
        ['backfill', DAG, '--start', '2026-05-01', '--end', '2026-05-03', '--data-root', root.dataRoot, ...extra],
        root.env,
      );
    expect(backfill('--reason', 'initial load').status).toBe(0);
    const raw = 'raw/orders/dt=2026-05-02/orders.csv';
    const lines = readFileSync(join(source, 'data', raw), 'utf8')
      .trimEnd()
      .split('\n');
    await root.put(raw, `${lines.slice(0, -1).join('\n')}\n`);

    const again = backfill('--reprocess', 'changed', '--reason', 'vendor re-delivered 05-02');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^2026-05-01\s+unchanged\s/m);
    expect(again.stdout).toMatch(
      /^2026-05-02\s+success\s+backfill__\S+\s+changed: input raw\/orders\/dt=2026-05-02\/orders\.csv changed \(sha256 /m,
    );
    expect(again.stdout).toMatch(/^2026-05-03\s+unchanged\s/m);
    expect(readFileSync(join(root.dir, gold('2026-05-02')), 'utf8')).not.toBe(
      readFileSync(join(source, 'expected', gold('2026-05-02')), 'utf8'),
    );
  });
});
