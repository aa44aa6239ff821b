// Scenario 1: a `schedule` event at a fixed clock (vars.PIPEWRIGHT_NOW) after a
// dropped tick. The state branch on origin records 2026-05-01 as done; at
// 2026-05-04 06:00 in Asia/Almaty the due partitions are 2026-05-02 and
// 2026-05-03, so those two run — and nothing else — and their records land on
// the state branch.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActRun } from '../support/act.js';
import {
  artifactNames,
  createShopRepo,
  DAG,
  logOf,
  pastRun,
  runCaller,
  type ShopRepo,
  seedState,
  stateRecords,
} from './harness.js';

describe('a scheduled tick in act catches up after a dropped tick', () => {
  let shop: ShopRepo;
  let run: ActRun;
  const seeded = `runs/${DAG}/2026-05-01/schedule__20260502T010001Z__a1b2c3.json`;

  beforeAll(async () => {
    shop = createShopRepo();
    await seedState(shop, [pastRun('2026-05-01', 'success', 'schedule__20260502T010001Z__a1b2c3')]);
    ({ run } = await runCaller(shop, { event: 'schedule', now: '2026-05-04T06:00:00+05:00' }));
  }, 200_000);

  it('plans exactly the two partitions the dropped tick and this tick owe', () => {
    expect(run.exitCode, logOf(run)).toBe(0);
    const plan = run.outputs('plan', 'plan');
    expect(JSON.parse(plan.partitions ?? '')).toEqual(['2026-05-02', '2026-05-03']);
    expect(plan['has-work']).toBe('true');
    expect(run.summary('plan')).toContain('scheduled tick at 2026-05-04T06:00:00.000+05:00 (Asia/Almaty)');
  });

  it('runs one matrix job per due partition and uploads their reports', () => {
    const jobs = run.jobRuns('run');
    expect(jobs.map((j) => [j.matrix.partitions, j.result]).sort()).toEqual([
      ['2026-05-02', 'success'],
      ['2026-05-03', 'success'],
    ]);
    expect(artifactNames(run)).toEqual([`pipewright-${DAG}-2026-05-02`, `pipewright-${DAG}-2026-05-03`]);
    expect(run.jobResult('report')).toBe('success');
    expect(run.outputs('report', 'report').status).toBe('success');
  });

  it('leaves the new runs on the state branch beside the old one, 2026-05-01 untouched', () => {
    const records = [...stateRecords(shop).entries()].map(([file, r]) => ({
      file,
      partition: r.partition,
      state: r.state,
      trigger: r.trigger,
    }));
    expect(records.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: seeded, partition: '2026-05-01', state: 'success', trigger: 'schedule' },
      {
        file: expect.stringMatching(new RegExp(`^runs/${DAG}/2026-05-02/[^/]+\\.json$`)),
        partition: '2026-05-02',
        state: 'success',
        trigger: 'schedule',
      },
      {
        file: expect.stringMatching(new RegExp(`^runs/${DAG}/2026-05-03/[^/]+\\.json$`)),
        partition: '2026-05-03',
        state: 'success',
        trigger: 'schedule',
      },
    ]);
  });
});
