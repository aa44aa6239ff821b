// Runs of one partition with the data root in a bucket (versitygw), through the
// real CLI: kill -9 while staging, mid-publish and while holding the lease, then
// run again — no torn partition, one success in the ledger.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASH_ENV } from '../../src/store/commit.js';
import { testRoots } from '../support/data-roots.js';
import { tempRoots } from '../support/temp.js';
import {
  DAG,
  expected,
  GOLD,
  KEY,
  LEASE_MS,
  LONG_LEASE,
  LONG_LEASE_MS,
  leaseHolder,
  liveRun,
  RAW,
  records,
  run,
  sample,
  sleep,
  start,
  waitingProject,
} from './bucket-cli.js';

const testRoot = testRoots('pipewright-bucket-runs-');
const tempRoot = tempRoots('pipewright-bucket-runs-project-');

describe('a bucket data root under kill -9', () => {
  it('a run killed after staging leaves nothing live; the next run, once the lease lapsed, publishes once', async () => {
    const root = testRoot('bucket');
    await root.put(RAW, sample(RAW));
    const killed = run(root, ['run', DAG, '--partition', KEY], {
      [CRASH_ENV]: 'staged-ingest_orders_bronze',
      ...LONG_LEASE,
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const [ghost] = records(root);
    expect(ghost?.state).toBe('running');

    // Its lease is still live: the partition is not taken from under a runner that may only be slow.
    const early = run(root, ['run', DAG, '--partition', KEY]);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain(`is busy: run ${ghost?.run_id} (pid`);

    await sleep(LONG_LEASE_MS + 500);
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
    const project = waitingProject(tempRoot());
    const holder = start(root, project, LONG_LEASE);
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
    await sleep(LONG_LEASE_MS + 500);
    const taken = run(root, ['run', DAG, '--partition', KEY], {}, project);
    expect(taken.status, taken.stderr).toBe(0);
    expect(readFileSync(path.join(root.dir, GOLD), 'utf8')).toBe(expected(GOLD));
  }, 120_000);
});
