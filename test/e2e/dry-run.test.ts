// Scenario 4: `dry-run: true` plans and summarises, and runs nothing: no
// partition job, no artifact, no record on the state branch.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActRun } from '../support/act.js';
import { artifactNames, createShopRepo, logOf, runCaller, type ShopRepo, stateRecords } from './harness.js';

describe('a dry-run backfill in act', () => {
  let shop: ShopRepo;
  let run: ActRun;

  beforeAll(async () => {
    shop = createShopRepo();
    ({ run } = await runCaller(shop, {
      event: 'workflow_dispatch',
      inputs: { start: '2026-05-01', end: '2026-05-03', 'dry-run': 'true', reason: 'how long would May take?' },
    }));
  }, 200_000);

  it('summarises the plan: three partitions, marked as a dry run', () => {
    expect(run.exitCode, logOf(run)).toBe(0);
    const plan = run.outputs('plan', 'plan');
    expect(plan['has-work']).toBe('false');
    expect(plan.count).toBe('3');
    const summary = run.summary('plan', 'plan');
    expect(summary).toContain('**dry run**, nothing will run');
    expect(summary).toContain('3 partitions in 3 matrix jobs');
    for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) expect(summary).toContain(`| ${day} |`);
    expect(summary).toContain('Reason: how long would May take?');
  });

  it('runs no partition job, uploads nothing and records nothing', () => {
    expect(run.jobRuns('run')).toEqual([]);
    expect(run.output).not.toContain('check_source_available');
    expect(artifactNames(run)).toEqual([]);
    expect(stateRecords(shop).size).toBe(0);
  });

  it('lets the report job finish without judging partitions that were never meant to run', () => {
    expect(run.jobResult('report')).toBe('success');
    expect(run.outputs('report', 'report').status).toBe('no-work');
  });
});
