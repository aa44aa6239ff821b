// What the bucket run tests share: the TuranMart CLI against a data root in
// versitygw, with short leases, a project whose sensor keeps waiting, and reads
// of the records, manifest and lease the bucket holds.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NODE, REPO_ROOT } from '../support/cli.js';
import type { TestRoot } from '../support/data-roots.js';

export const DAG = 'turanmart_daily_sales';
export const KEY = '2026-05-01';
export const RAW_OF = (ds: string) => `raw/orders/dt=${ds}/orders.csv`;
export const RAW = RAW_OF(KEY);
export const GOLD = `gold/daily_sales/dt=${KEY}/daily_sales.csv`;
export const sample = (rel: string) => readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'data', rel));
export const expected = (rel: string) => readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'expected', rel), 'utf8');
// Short leases, so a killed holder's partition is free again within seconds (yet
// long enough for a second CLI to start on a busy machine while it is held).
export const LEASE_MS = 3_000;
/** For a holder whose partition another run must find still held after it died: room for that run to start. */
export const LONG_LEASE_MS = 10_000;
export const LONG_LEASE = { PIPEWRIGHT_LEASE_TTL: `${LONG_LEASE_MS}ms`, PIPEWRIGHT_LEASE_RENEW_EVERY: '1s' };
export const LEASE = { PIPEWRIGHT_LEASE_TTL: `${LEASE_MS}ms`, PIPEWRIGHT_LEASE_RENEW_EVERY: '1s' };
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The built CLI (bin/pipewright.js over dist/), as an installed pipewright runs: it starts in a fraction
 * of the sources' time, which matters when a test must act while a short lease is still live.
 */
export function run(root: TestRoot, args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT) {
  return spawnSync(NODE, [path.join(REPO_ROOT, 'bin/pipewright.js'), ...args, '--data-root', root.dataRoot], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '', PIPEWRIGHT_DEBUG: '', ...root.env, ...LEASE, ...env },
  });
}

/**
 * A project whose sensor waits for the export without a give_up_after (the sample
 * days are long past it), so a run without its export keeps holding the partition.
 */
export function waitingProject(dir: string): string {
  const source = path.join(REPO_ROOT, 'pipelines', DAG);
  cpSync(path.join(source, 'tasks'), path.join(dir, 'pipelines', DAG, 'tasks'), { recursive: true });
  const contract = readFileSync(path.join(source, 'pipeline.yml'), 'utf8').replace(/^\s+give_up_after: .*\n/m, '');
  writeFileSync(path.join(dir, 'pipelines', DAG, 'pipeline.yml'), contract);
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

export interface RunRecordJson {
  run_id: string;
  state: string;
}

/** The run records of the partition, as the bucket holds them. */
export function records(root: TestRoot): RunRecordJson[] {
  const dir = path.join(root.dir, `_pipewright/runs/${DAG}/${KEY}`);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as RunRecordJson);
}

export function liveRun(root: TestRoot): string {
  return JSON.parse(readFileSync(path.join(root.dir, `_pipewright/manifests/${DAG}/${KEY}.json`), 'utf8')).run_id;
}

/** The CLI started without waiting for it (the sensor keeps it holding the partition). */
export function start(
  root: TestRoot,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; exited: Promise<{ code: number | null; stderr: string }> } {
  // The built CLI (bin/pipewright.js over dist/), as an installed pipewright starts: twenty of them at
  // once would spend most of the test transpiling the sources.
  const child = spawn(NODE, [path.join(REPO_ROOT, 'bin/pipewright.js'), 'run', DAG, '--partition', KEY], {
    cwd,
    env: { ...process.env, ...root.env, ...LEASE, ...env, PIPEWRIGHT_DATA_ROOT: root.dataRoot },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // 'close', not 'exit': only then has all of stderr been read.
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stderr })),
  );
  return { child, exited };
}

export async function leaseHolder(
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
