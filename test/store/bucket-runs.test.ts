// Runs of one partition with the data root in a bucket (versitygw), through the
// real CLI: kill -9 while staging, mid-publish and while holding the lease, then
// run again — no torn partition, one success in the ledger — and 20 runs of one
// partition started at once from separate processes: one holds it, the others
// name the holder and exit 1.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CRASH_ENV } from '../../src/store/commit.js';
import { NODE, pipewright, REPO_ROOT } from '../support/cli.js';
import { type TestRoot, testRoots } from '../support/data-roots.js';
import { tempRoots } from '../support/temp.js';

const testRoot = testRoots('pipewright-bucket-runs-');
const tempRoot = tempRoots('pipewright-bucket-runs-project-');
const DAG = 'turanmart_daily_sales';
const KEY = '2026-05-01';
const RAW_OF = (ds: string) => `raw/orders/dt=${ds}/orders.csv`;
const RAW = RAW_OF(KEY);
const GOLD = `gold/daily_sales/dt=${KEY}/daily_sales.csv`;
const sample = (rel: string) => readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'data', rel));
const expected = (rel: string) => readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'expected', rel), 'utf8');
// Short leases, so a killed holder's partition is free again within seconds (yet
// long enough for a second CLI to start on a busy machine while it is held).
const LEASE_MS = 8_000;
const LEASE = { PIPEWRIGHT_LEASE_TTL: `${LEASE_MS}ms`, PIPEWRIGHT_LEASE_RENEW_EVERY: '1s' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(root: TestRoot, args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT) {
  return pipewright(cwd, [...args, '--data-root', root.dataRoot], { ...root.env, ...LEASE, ...env });
}

/**
 * A project whose sensor waits for the export without a give_up_after (the sample
 * days are long past it), so a run without its export keeps holding the partition.
 */
function waitingProject(): string {
  const dir = tempRoot();
  const source = path.join(REPO_ROOT, 'pipelines', DAG);
  cpSync(path.join(source, 'tasks'), path.join(dir, 'pipelines', DAG, 'tasks'), { recursive: true });
  const contract = readFileSync(path.join(source, 'pipeline.yml'), 'utf8').replace(/^\s+give_up_after: .*\n/m, '');
  writeFileSync(path.join(dir, 'pipelines', DAG, 'pipeline.yml'), contract);
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

interface Record {
  run_id: string;
  state: string;
}

/** The run records of the partition, as the bucket holds them. */
function records(root: TestRoot): Record[] {
  const dir = path.join(root.dir, `_pipewright/runs/${DAG}/${KEY}`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record);
}

function liveRun(root: TestRoot): string {
  return JSON.parse(readFileSync(path.join(root.dir, `_pipewright/manifests/${DAG}/${KEY}.json`), 'utf8')).run_id;
}

/** The CLI started without waiting for it (the sensor keeps it holding the partition). */
function start(
  root: TestRoot,
  cwd: string,
): { child: ChildProcess; exited: Promise<{ code: number | null; stderr: string }> } {
  const tsx = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(
    NODE,
    ['--import', tsx, path.join(REPO_ROOT, 'src/cli/index.ts'), 'run', DAG, '--partition', KEY],
    {
      cwd,
      env: { ...process.env, ...root.env, ...LEASE, PIPEWRIGHT_DATA_ROOT: root.dataRoot },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  return { child, exited };
}

async function leaseHolder(
  root: TestRoot,
  deadline = Date.now() + 60_000,
): Promise<{ holder: string; expires: string }> {
  const file = path.join(root.dir, `_pipewright/leases/${DAG}/${KEY}.json`);
  for (;;) {
    try {
      const lease = JSON.parse(readFileSync(file, 'utf8'));
      return { holder: lease.holder, expires: lease.expires_at };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

describe('a bucket data root under kill -9 and contention', () => {
  it('a run killed after staging leaves nothing live; the next run, once the lease lapsed, publishes once', async () => {
    const root = testRoot('bucket');
    await root.put(RAW, sample(RAW));
    const killed = run(root, ['run', DAG, '--partition', KEY], { [CRASH_ENV]: 'staged-ingest_orders_bronze' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const [ghost] = records(root);
    expect(ghost?.state).toBe('running');

    // Its lease is still live: the partition is not taken from under a runner that may only be slow.
    const early = run(root, ['run', DAG, '--partition', KEY]);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain(`is busy: run ${ghost?.run_id} (pid`);

    await sleep(LEASE_MS + 500);
    const again = run(root, ['run', DAG, '--partition', KEY]);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(path.join(root.dir, GOLD), 'utf8')).toBe(expected(GOLD));
    const successes = records(root).filter((r) => r.state === 'success');
    expect(successes).toHaveLength(1);
    expect(liveRun(root)).toBe(successes[0]?.run_id);
    // The killed run reads as failed now that its lease lapsed.
    const status = run(root, ['status', DAG, '--format', 'json']);
    expect(status.stdout).not.toContain('"state": "running"');
  }, 120_000);

  it('a publish killed midway is finished by repair: every live object matches the partition manifest', async () => {
    const root = testRoot('bucket');
    await root.put(RAW, sample(RAW));
    const killed = run(root, ['run', DAG, '--partition', KEY], { [CRASH_ENV]: 'live-file-1' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    await sleep(LEASE_MS + 500);
    const repair = run(root, ['repair', DAG]);
    expect(repair.status, repair.stderr).toBe(0);
    expect(repair.stdout).toContain('finished the publish');
    const manifest = JSON.parse(readFileSync(path.join(root.dir, `_pipewright/manifests/${DAG}/${KEY}.json`), 'utf8'));
    for (const file of manifest.files as Array<{ path: string; version_path: string }>) {
      expect(readFileSync(path.join(root.dir, file.path))).toEqual(
        readFileSync(path.join(root.dir, file.version_path)),
      );
    }
    expect(readFileSync(path.join(root.dir, GOLD), 'utf8')).toBe(expected(GOLD));
  }, 120_000);

  it('a holder kill -9ed while renewing its lease is taken over only after the lease lapses', async () => {
    const root = testRoot('bucket'); // no export yet: the sensor waits, holding the partition
    const project = waitingProject();
    const holder = start(root, project);
    const first = await leaseHolder(root);
    await sleep(1_500);
    const renewed = await leaseHolder(root);
    expect(renewed.holder).toBe(first.holder);
    expect(Date.parse(renewed.expires)).toBeGreaterThan(Date.parse(first.expires));
    holder.child.kill('SIGKILL');
    await holder.exited;

    const refused = run(root, ['run', DAG, '--partition', KEY], {}, project);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`run ${first.holder} (pid`);
    await root.put(RAW, sample(RAW));
    await sleep(LEASE_MS + 500);
    const taken = run(root, ['run', DAG, '--partition', KEY], {}, project);
    expect(taken.status, taken.stderr).toBe(0);
    expect(readFileSync(path.join(root.dir, GOLD), 'utf8')).toBe(expected(GOLD));
  }, 120_000);

  it('a backfill chunk overlapping a running tick never runs the held partition at once', async () => {
    const root = testRoot('bucket');
    const project = waitingProject();
    // The tick's partition has no export yet: its run waits in the sensor, holding it.
    const tick = start(root, project);
    try {
      const { holder } = await leaseHolder(root);
      for (const ds of ['2026-05-02', '2026-05-03'])
        await root.put(`raw/orders/dt=${ds}/orders.csv`, sample(RAW_OF(ds)));
      const chunk = run(
        root,
        [
          'backfill',
          DAG,
          '--start',
          '2026-05-01',
          '--end',
          '2026-05-03',
          '--reason',
          'chunk',
          '--reprocess',
          'completed',
        ],
        {},
        project,
      );
      // Left to its holder: seen running by the plan, or refused by the lease if it started in between.
      expect(chunk.stdout).toMatch(new RegExp(`^\\s*${KEY}\\s.*(in progress|busy).*${holder}`, 'm'));
      expect(chunk.stdout).toMatch(/^2026-05-02\s+success\s/m);
      expect(records(root).map((r) => r.run_id)).toEqual([holder]);
    } finally {
      tick.child.kill('SIGKILL');
      await tick.exited;
    }
  }, 120_000);

  it('20 runs of one partition at once: one holds it, 19 name the holder and exit 1', async () => {
    const root = testRoot('bucket'); // no export: the winner waits in its sensor
    const project = waitingProject();
    const runs = Array.from({ length: 20 }, () => start(root, project));
    try {
      const ended: Array<{ code: number | null; stderr: string }> = [];
      for (const r of runs) void r.exited.then((e) => ended.push(e));
      const deadline = Date.now() + 150_000;
      while (ended.length < 19 && Date.now() < deadline) await sleep(200);
      expect(ended).toHaveLength(19);
      const { holder } = await leaseHolder(root);
      for (const loser of ended) {
        expect(loser.code, loser.stderr).toBe(1);
        expect(loser.stderr).toContain(`is busy: run ${holder} (pid`);
      }
    } finally {
      for (const r of runs) r.child.kill('SIGKILL');
      await Promise.all(runs.map((r) => r.exited));
    }
  }, 200_000);
});
