// What `pipewright site` writes, byte for byte, for one small but varied ledger:
// every page and data file is kept under test/site/expected/, so a change that
// makes the build faster cannot change what users see without the diff showing
// it. The same records on a git state branch give the same site.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { partitionRange } from '../../src/schedule/partitions.js';
import { FsLedger } from '../../src/store/fs-ledger.js';
import type { RunRecord, TaskRecord } from '../../src/store/ledger.js';
import { writeManifest } from '../../src/store/manifest.js';
import { FROM_SOURCE, NODE, REPO_ROOT } from '../support/cli.js';
import { scratchDir } from '../support/temp.js';

const NOW = '2026-05-07T03:00:00.000Z';
const EXPECTED = join(REPO_ROOT, 'test/site/expected');

const DAILY = `dag_id: shop_daily
description: Daily orders per region, with <em>markup</em> in its description.
owner: sales-data
tags: [shop, gold]
schedule: "0 6 * * *"
timezone: Asia/Almaty
partition: daily
start_date: 2026-03-20
catchup: true
freshness:
  deadline: "07:30"
inputs:
  raw_orders: raw/orders/dt={{ ds }}/orders.csv
outputs:
  daily_sales: gold/daily_sales/dt={{ ds }}/daily_sales.csv
tasks:
  - id: wait_for_export
    sensor:
      path: "{{ inputs.raw_orders }}"
      poke_interval: 30s
      timeout: 20m
  - id: load_orders
    upstream: [wait_for_export]
    command: [echo, "{{ ds }}"]
  - id: build_sales
    upstream: [load_orders]
    command: [echo, "{{ ds }}"]
  - id: report
    upstream: [build_sales]
    trigger_rule: all_done
    command: [echo, "{{ ds }}"]
alerts:
  on: [failure]
`;

const HOURLY = `dag_id: shop_hourly
description: Hourly clicks.
owner: web-data
tags: [shop]
schedule: "15 * * * *"
timezone: UTC
partition: hourly
start_date: 2026-05-05T00:00
tasks:
  - id: count_clicks
    command: [echo, "{{ partition }}"]
`;

const QUIET = `dag_id: shop_quiet
description: Never ran.
owner: nobody
tags: [misc]
partition: daily
start_date: 2026-05-01
tasks:
  - id: nothing
    command: ["true"]
`;

const TASK_STATES: TaskRecord['state'][] = ['failed', 'up_for_retry', 'deferred', 'skipped'];
const CLASSES = ['data', 'transient', 'code', undefined] as const;

/** Runs of every shape the site shows: retries, failure classes, checks, metrics, reruns ordered by sequence. */
function dailyRuns(): RunRecord[] {
  const records: RunRecord[] = [];
  for (const [day, p] of partitionRange('daily', 'Asia/Almaty', '2026-03-20', '2026-05-06').entries()) {
    const count = 1 + (day % 3);
    for (let n = 0; n < count; n++) {
      const last = n === count - 1;
      const state: RunRecord['state'] = !last
        ? 'failed'
        : day % 11 === 4
          ? 'deferred'
          : day % 7 === 3
            ? 'failed'
            : 'success';
      const start = Date.parse(p.dataIntervalEnd) + (6 * 60 + n * 50 + (day % 5) * 13) * 60_000;
      let at = start;
      const tasks = ['wait_for_export', 'load_orders', 'build_sales', 'report'].map((id, t): TaskRecord => {
        const ms = 250 + ((day * 37 + t * 11) % 1300);
        const broken = state !== 'success' && t === 1;
        const task: TaskRecord = {
          id,
          state: broken
            ? TASK_STATES[(day + n) % TASK_STATES.length]!
            : state !== 'success' && t === 2
              ? 'upstream_failed'
              : 'success',
          attempts: broken ? 1 + (day % 3) : 1,
          durationMs: ms,
          startedAt: new Date(at).toISOString(),
          endedAt: new Date(at + ms).toISOString(),
        };
        if (broken) {
          const failureClass = CLASSES[(day + n) % CLASSES.length];
          if (failureClass) task.failureClass = failureClass;
          task.error = `raw/orders/dt=${p.key}/orders.csv: column <b>"région"</b> missing & 'quoted' (attempt ${n + 1})`;
        }
        if (day % 9 === 0 && t === 3) delete task.startedAt;
        at += ms;
        return task;
      });
      const orders = 120 + ((day * 17) % 90) * (day === 30 ? 40 : 1);
      const record: RunRecord = {
        dagId: 'shop_daily',
        partition: p.key,
        runId: `${n === 0 ? 'schedule' : 'backfill'}__${p.key.replaceAll('-', '')}__${n}`,
        trigger: n === 0 ? 'schedule' : day % 4 === 0 ? 'manual' : 'backfill',
        reason: n === 0 ? 'scheduled tick' : `rerun after INC-${day} — "export fixed"`,
        state,
        // Started in reverse of their order on a partition whose clock jumped: sequence decides.
        startedAt: new Date(day === 12 ? start - n * 7_200_000 : start).toISOString(),
        dataIntervalStart: p.dataIntervalStart,
        dataIntervalEnd: p.dataIntervalEnd,
        tasks,
        checks:
          state === 'failed'
            ? []
            : [
                { name: 'not_null', dataset: 'orders', status: 'passed', severity: 'error', details: `${orders} rows` },
                {
                  name: 'row_count',
                  dataset: 'orders',
                  status: day % 6 === 0 ? 'warned' : 'passed',
                  severity: 'warning',
                  details: `${orders} rows (min 100)`,
                },
              ],
        metrics:
          state === 'success'
            ? {
                order_count: orders,
                revenue_total: `${orders * 1234}.50`,
                'avg basket (₸)': orders / 7,
                published: 'yes',
              }
            : {},
        inputs: [
          { path: `raw/orders/dt=${p.key}/orders.csv`, rows: orders, bytes: orders * 40, sha256: 'a'.repeat(64) },
        ],
        outputs:
          state === 'success' && day % 5 !== 0
            ? [{ path: `gold/daily_sales/dt=${p.key}/daily_sales.csv`, rows: 4, bytes: 120, sha256: 'b'.repeat(64) }]
            : [],
      };
      if (state !== 'deferred') record.endedAt = new Date(at).toISOString();
      if (day % 2 === 0) record.codeVersion = `c0de${day}`;
      if (day === 12 || day % 3 === 1) record.sequence = n + 1;
      records.push(record);
    }
  }
  return records;
}

function hourlyRuns(): RunRecord[] {
  return partitionRange('hourly', 'UTC', '2026-05-05T00', '2026-05-06T23').map(
    (p, hour): RunRecord => ({
      dagId: 'shop_hourly',
      partition: p.key,
      runId: `schedule__${p.key}`,
      trigger: 'schedule',
      reason: 'scheduled tick',
      state: hour === 30 ? 'failed' : 'success',
      startedAt: p.dataIntervalEnd.replace(':00:00.000', ':15:00.000').replace('+00:00', 'Z'),
      endedAt: p.dataIntervalEnd.replace(':00:00.000', ':15:02.500').replace('+00:00', 'Z'),
      dataIntervalStart: p.dataIntervalStart,
      dataIntervalEnd: p.dataIntervalEnd,
      tasks: [{ id: 'count_clicks', state: hour === 30 ? 'failed' : 'success', attempts: 1, durationMs: 2500 }],
      checks: [],
      metrics: hour === 30 ? {} : { clicks: 1000 + ((hour * 97) % 400) },
      inputs: [],
      outputs: [],
    }),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function build(pipelines: string, dataRoot: string, out: string, more: string[] = []): void {
  const args = ['--pipelines', pipelines, '--data-root', dataRoot, '--out', out, '--now', NOW, ...more];
  const result = spawnSync(NODE, [...FROM_SOURCE, join(REPO_ROOT, 'test/support/build-site.ts'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
}

function expectSameSite(site: string, reference: string): void {
  const files = filesUnder(reference);
  expect(filesUnder(site)).toEqual(files);
  for (const file of files) {
    expect(readFileSync(join(site, file), 'utf8'), file).toBe(readFileSync(join(reference, file), 'utf8'));
  }
}

const root = scratchDir('pw-site-output-');
const pipelines = join(root, 'pipelines');
const dataRoot = join(root, 'data');
const onDisk = join(root, 'site-fs');

beforeAll(async () => {
  for (const [dag, contract] of [
    ['shop_daily', DAILY],
    ['shop_hourly', HOURLY],
    ['shop_quiet', QUIET],
  ] as const) {
    mkdirSync(join(pipelines, dag), { recursive: true });
    writeFileSync(join(pipelines, dag, 'pipeline.yml'), contract);
  }
  writeFileSync(
    join(pipelines, 'shop_daily', 'README.md'),
    '# Runbook\n\nRerun with `pipewright backfill`. <script>x</script>\n',
  );
  const ledger = new FsLedger(dataRoot);
  for (const record of [...dailyRuns(), ...hourlyRuns()]) await ledger.write(record);
  const gold = join(dataRoot, 'gold/daily_sales/dt=2026-05-05/daily_sales.csv');
  mkdirSync(join(gold, '..'), { recursive: true });
  writeFileSync(gold, 'region,orders\nnorth,3\nsouth,4\n');
  await writeManifest(gold, 'backfill__20260505__1', dataRoot);
  // Two threads: the pipelines are built on workers (threads.ts).
  build(pipelines, dataRoot, onDisk, ['--threads', '2']);
});

describe('the site built from a ledger', () => {
  it('is what it was: every page and data file byte for byte', async () => {
    const files = filesUnder(onDisk).filter((f) => !f.startsWith('assets/'));
    expect(files).toEqual(filesUnder(EXPECTED));
    for (const file of files) {
      await expect(readFileSync(join(onDisk, file), 'utf8')).toMatchFileSnapshot(join(EXPECTED, file));
    }
  });

  it('is the same from the same records on a git state branch', () => {
    const git = (args: string[], env: Record<string, string> = {}) =>
      execFileSync('git', args, { encoding: 'utf8', env: { ...process.env, ...env } }).trim();
    const origin = join(root, 'origin.git');
    const checkout = join(root, 'checkout');
    git(['init', '--quiet', '--bare', origin]);
    // The ledger's own files, committed with plumbing (as an older pipewright left them: no index).
    const env = { GIT_DIR: origin, GIT_WORK_TREE: join(dataRoot, '_pipewright'), GIT_INDEX_FILE: join(root, 'index') };
    git(['add', 'runs'], env);
    const tree = git(['write-tree'], env);
    const commit = git(['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit-tree', tree, '-m', 'ledger'], {
      GIT_DIR: origin,
    });
    git(['update-ref', 'refs/heads/pipewright-state', commit], { GIT_DIR: origin });
    git(['clone', '--quiet', '--no-checkout', origin, checkout]);
    const fromBranch = join(root, 'site-git');
    build(pipelines, dataRoot, fromBranch, ['--state-repo', checkout, '--threads', '2']);
    expectSameSite(fromBranch, onDisk);
  });

  it('is the same built on this thread alone', () => {
    const alone = join(root, 'site-one-thread');
    build(pipelines, dataRoot, alone, ['--threads', '1']);
    expectSameSite(alone, onDisk);
  });
});
