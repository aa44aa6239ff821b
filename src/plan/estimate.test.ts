import { describe, expect, it } from 'vitest';
import { runRecord } from '../../test/support/records.js';
import type { RunRecord } from '../store/ledger.js';
import { estimateRunnerMinutes } from './estimate.js';
import { toMatrix } from './matrix.js';

function run(partition: string, seconds: number, state: RunRecord['state'] = 'success'): RunRecord {
  const start = Date.parse(`${partition}T01:00:00Z`);
  return runRecord({
    dagId: 'd',
    partition,
    runId: `r-${partition}`,
    reason: 'tick',
    state,
    startedAt: new Date(start).toISOString(),
    endedAt: state === 'running' ? undefined : new Date(start + seconds * 1000).toISOString(),
  });
}

describe('estimateRunnerMinutes', () => {
  it('bills each job by the started minute: 3 one-partition jobs of 70 s are 6 minutes', () => {
    const history = [run('2026-05-01', 50), run('2026-05-02', 70), run('2026-05-03', 400, 'failed')];
    const estimate = estimateRunnerMinutes(history, toMatrix(['2026-05-04', '2026-05-05', '2026-05-06']));
    expect(estimate).toEqual({ samples: 3, medianMs: 70_000, jobs: 3, runnerMinutes: 6 });
  });

  it('runs a chunk of partitions in one job: 6 partitions in 2 jobs of 3 × 30 s are 4 minutes', () => {
    const keys = Array.from({ length: 6 }, (_, i) => `2026-05-0${i + 1}`);
    const estimate = estimateRunnerMinutes([run('2026-04-01', 30)], toMatrix(keys, 2));
    expect(estimate).toEqual({ samples: 1, medianMs: 30_000, jobs: 2, runnerMinutes: 4 });
  });

  it('has no estimate without finished runs', () => {
    expect(estimateRunnerMinutes([], toMatrix(['2026-05-01']))).toBeUndefined();
    expect(estimateRunnerMinutes([run('2026-05-01', 0, 'running')], toMatrix(['2026-05-01']))).toBeUndefined();
  });
});
