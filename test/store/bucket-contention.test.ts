// Runs of one partition with the data root in a bucket (versitygw) started at
// once from separate processes: a backfill chunk overlapping a running tick, and
// 20 runs of one partition — one holds it, the others name the holder and exit 1.
import { describe, expect, it } from 'vitest';
import { testRoots } from '../support/data-roots.js';
import { tempRoots } from '../support/temp.js';
import { DAG, KEY, leaseHolder, RAW_OF, records, run, sample, sleep, start, waitingProject } from './bucket-cli.js';

const testRoot = testRoots('pipewright-bucket-contention-');
const tempRoot = tempRoots('pipewright-bucket-contention-project-');

describe('a bucket data root under contention', () => {
  it('a backfill chunk overlapping a running tick never runs the held partition at once', async () => {
    const root = testRoot('bucket');
    const project = waitingProject(tempRoot());
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
    const project = waitingProject(tempRoot());
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
