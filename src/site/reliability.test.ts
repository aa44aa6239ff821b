import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../contract/model.js';
import type { RunRecord, TaskRecord } from '../store/ledger.js';
import type { PartitionHistory } from './history.js';
import { reliability } from './reliability.js';
import { trends } from './trends.js';

// A daily pipeline in UTC due by 07:30: partition D is due at 07:30 on D+1.
const pipeline = {
  partition: 'daily' as const,
  timezone: 'UTC',
  startDate: '2026-01-01',
  freshness: { deadline: '07:30' },
  tasks: ['sense', 'load'].map((id) => ({
    id,
    upstream: [],
    triggerRule: 'all_success' as const,
    resume: 'auto' as const,
    policy: DEFAULT_POLICY,
    spec: { kind: 'sensor' as const, path: 'x', pokeIntervalMs: 1, timeoutMs: 1, onTimeout: 'fail' as const },
  })),
};

function run(partition: string, state: RunRecord['state'], endedAt: string, tasks: TaskRecord[] = []): RunRecord {
  const next = new Date(Date.parse(`${partition}T00:00:00Z`) + 86_400_000).toISOString();
  return {
    dagId: 'd',
    partition,
    runId: `r-${partition}-${endedAt}`,
    trigger: 'schedule',
    reason: 'tick',
    state,
    startedAt: endedAt,
    endedAt,
    dataIntervalStart: `${partition}T00:00:00.000Z`,
    dataIntervalEnd: next,
    tasks,
    checks: [],
    metrics: {},
    inputs: [],
    outputs: [],
  };
}

function history(runs: RunRecord[]): PartitionHistory[] {
  const keys = [...new Set(runs.map((r) => r.partition))].sort().reverse();
  return keys.map((key) => {
    const own = runs.filter((r) => r.partition === key);
    return { key, runs: own, latest: own.at(-1)! };
  });
}

describe('reliability', () => {
  const now = new Date('2026-03-11T12:00:00Z');
  const failedSensor: TaskRecord = {
    id: 'sense',
    state: 'failed',
    attempts: 1,
    durationMs: 5,
    failureClass: 'timeout',
  };

  it('counts a partition as on time only when a success ended by 07:30 the next day', () => {
    const runs = [
      run('2026-03-09', 'success', '2026-03-10T07:00:00Z'), // on time
      run('2026-03-08', 'success', '2026-03-09T09:00:00Z'), // late
      run('2026-03-07', 'failed', '2026-03-08T07:00:00Z'), // failed, then fixed late
      run('2026-03-07', 'success', '2026-03-08T11:00:00Z'),
      // 2026-03-06 never ran: missed
      run('2026-03-05', 'success', '2026-03-06T07:29:00Z'), // on time
    ];
    const result = reliability(pipeline, history(runs), now);
    const week = result.slo?.find((s) => s.days === 7);
    // Deadlines in the last 7 days: partitions 2026-03-04 .. 2026-03-10 (due at 07:30 on 03-11, before now).
    expect(week).toEqual({ days: 7, due: 7, met: 2 });
    // Ninety days reach back past start_date: every partition since 2026-01-01.
    expect(result.slo?.find((s) => s.days === 90)).toEqual({ days: 90, due: 69, met: 2 });
  });

  it('has no SLO without a freshness deadline', () => {
    const { freshness: _, ...noDeadline } = pipeline;
    expect(reliability(noDeadline, [], now).slo).toBeUndefined();
  });

  it('counts failures per task and class, and by the weekday and hour the run started', () => {
    const runs = [
      run('2026-03-01', 'failed', '2026-03-02T06:10:00Z', [failedSensor]), // a Monday, 06h
      run('2026-03-08', 'failed', '2026-03-09T06:20:00Z', [failedSensor]), // a Monday, 06h
      run('2026-03-08', 'success', '2026-03-09T08:00:00Z', [
        { id: 'sense', state: 'success', attempts: 1, durationMs: 1 },
      ]),
    ];
    const result = reliability(pipeline, history(runs), now);
    expect(result.runs).toBe(3);
    expect(result.failedRuns).toBe(2);
    expect(result.byTask).toEqual([
      { task: 'sense', failures: 2, classes: { timeout: 2 } },
      { task: 'load', failures: 0, classes: {} },
    ]);
    expect(result.byClass).toEqual({ timeout: 2 });
    expect(result.byWeekday).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(result.byHour[6]).toBe(2);
  });
});

describe('trends', () => {
  it("plots each partition's last successful run and calls out a day 10× off the median", () => {
    const runs = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map((p, i) => ({
      ...run(p, 'success', `${p}T08:00:00Z`),
      metrics: { order_count: i === 3 ? 9 : 100 + i, revenue_total: '12.50' },
    }));
    const failedLater = { ...run('2026-03-05', 'failed', '2026-03-06T08:00:00Z'), metrics: { order_count: 0 } };
    const [orders, revenue] = trends(history([...runs, failedLater]));
    expect(orders?.metric).toBe('order_count');
    expect(orders?.points.map((p) => p.value)).toEqual([100, 101, 102, 9, 104]);
    expect(orders?.outliers).toEqual([{ partition: '2026-03-04', value: 9 }]);
    expect(revenue).toMatchObject({ metric: 'revenue_total', median: 12.5, outliers: [] });
  });
});
