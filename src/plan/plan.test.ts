import { describe, expect, it } from 'vitest';
import { runRecord } from '../../test/support/records.js';
import { DEFAULT_POLICY, type Pipeline } from '../contract/model.js';
import type { LedgerReader, RunRecord, RunState } from '../store/ledger.js';
import { planBackfill, planSchedule } from './plan.js';
import { planToJson, renderPlanTable } from './render.js';

function pipeline(overrides: Partial<Pipeline> = {}): Pipeline {
  return {
    dagId: 'sales',
    description: '',
    owner: 'data',
    tags: [],
    schedule: '0 6 * * *',
    timezone: 'Asia/Almaty',
    partition: 'daily',
    startDate: '2026-05-01',
    catchup: true,
    maxActiveRuns: 1,
    maxActiveTasks: 4,
    retainVersions: 3,
    reprocessOnTick: 'failed',
    defaults: DEFAULT_POLICY,
    inputs: {},
    outputs: {},
    tasks: [],
    alerts: { on: [], labels: [], assignees: [] },
    dir: '/nowhere',
    file: '/nowhere/pipeline.yml',
    ...overrides,
  };
}

let seq = 0;
function run(
  partition: string,
  state: RunState,
  startedAt = `2026-06-01T00:00:${String(seq++ % 60).padStart(2, '0')}Z`,
) {
  return runRecord({ dagId: 'sales', partition, runId: `r${seq}`, reason: 'test', state, startedAt });
}

/** The LedgerReader contract over records held in memory: the latest run per partition by start time. */
function ledgerOf(records: RunRecord[]): LedgerReader {
  return {
    async latestRuns(dagId) {
      const latest = new Map<string, RunRecord>();
      for (const r of records) {
        if (r.dagId !== dagId) continue;
        const current = latest.get(r.partition);
        if (!current || r.startedAt > current.startedAt) latest.set(r.partition, r);
      }
      return latest;
    },
  };
}

const keysOf = (plan: { partitions: Array<{ key: string }> }) => plan.partitions.map((p) => p.key);
const reasons = (plan: { partitions: Array<{ key: string; reason: string }> }) =>
  Object.fromEntries(plan.partitions.map((p) => [p.key, p.reason]));

// 2026-05-05 06:00 in Almaty: partitions up to 2026-05-04 are due, 2026-05-05 is still open.
const TICK = new Date('2026-05-05T06:00:00+05:00');

describe('scheduled tick with catchup', () => {
  it('plans every due partition since start_date on an empty ledger, oldest first', async () => {
    const plan = await planSchedule(pipeline(), TICK, ledgerOf([]));
    expect(plan.mode).toBe('schedule');
    expect(keysOf(plan)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04']);
    expect(plan.count).toBe(4);
    expect(plan.partitions[0]).toEqual({
      key: '2026-05-01',
      dataIntervalStart: '2026-05-01T00:00:00.000+05:00',
      dataIntervalEnd: '2026-05-02T00:00:00.000+05:00',
      reason: 'missing',
    });
    expect(plan.matrix.include.map((e) => e.label)).toEqual(keysOf(plan));
  });

  it('with catchup_window, plans only what ended inside it and names the rest with the backfill that fills it', async () => {
    // Two days back from the tick: 2026-05-03 (ended 05-04 00:00) and 2026-05-04 (ended 05-05 00:00).
    const plan = await planSchedule(pipeline({ catchupWindowMs: 2 * 24 * 3_600_000 }), TICK, ledgerOf([]));
    expect(keysOf(plan)).toEqual(['2026-05-03', '2026-05-04']);
    expect(plan.outsideWindow).toEqual({ count: 2, first: '2026-05-01', last: '2026-05-02' });
    expect(renderPlanTable(plan)).toContain(
      '2 due partitions (2026-05-01..2026-05-02) ended outside the catch-up window — backfill them: ' +
        'pipewright backfill sales --start 2026-05-01 --end 2026-05-02 --reason "catch up"',
    );
    expect(planToJson(plan).outside_window?.backfill).toBe(
      'pipewright backfill sales --start 2026-05-01 --end 2026-05-02 --reason "catch up"',
    );
  });

  it('heals a dropped tick from the ledger even though later partitions succeeded', async () => {
    const ledger = ledgerOf([run('2026-05-01', 'success'), run('2026-05-02', 'success'), run('2026-05-04', 'success')]);
    const plan = await planSchedule(pipeline(), TICK, ledger);
    expect(reasons(plan)).toEqual({ '2026-05-03': 'missing' });
  });

  it('replans failed and deferred partitions, and trusts only the latest run', async () => {
    const ledger = ledgerOf([
      run('2026-05-01', 'failed', '2026-05-02T01:00:00Z'),
      run('2026-05-01', 'success', '2026-05-02T02:00:00Z'),
      run('2026-05-02', 'success', '2026-05-03T01:00:00Z'),
      run('2026-05-02', 'failed', '2026-05-03T02:00:00Z'),
      run('2026-05-03', 'deferred'),
      run('2026-05-04', 'success'),
    ]);
    expect(reasons(await planSchedule(pipeline(), TICK, ledger))).toEqual({
      '2026-05-02': 'failed',
      '2026-05-03': 'failed',
    });
  });

  it('never replans a partition whose latest run is still running', async () => {
    const ledger = ledgerOf([
      run('2026-05-01', 'failed', '2026-05-02T01:00:00Z'),
      run('2026-05-01', 'running', '2026-05-02T02:00:00Z'),
    ]);
    expect(keysOf(await planSchedule(pipeline(), TICK, ledger))).toEqual(['2026-05-02', '2026-05-03', '2026-05-04']);
  });

  it('counts a partition due exactly when its interval ends', async () => {
    const atMidnight = new Date('2026-05-03T00:00:00+05:00');
    expect(keysOf(await planSchedule(pipeline(), atMidnight, ledgerOf([])))).toEqual(['2026-05-01', '2026-05-02']);
    const justBefore = new Date(atMidnight.getTime() - 1);
    expect(keysOf(await planSchedule(pipeline(), justBefore, ledgerOf([])))).toEqual(['2026-05-01']);
  });

  it('plans nothing before the first partition is due', async () => {
    const plan = await planSchedule(pipeline(), new Date('2026-05-01T23:00:00+05:00'), ledgerOf([]));
    expect(plan).toEqual({
      dagId: 'sales',
      mode: 'schedule',
      partitions: [],
      count: 0,
      matrix: { include: [] },
      skipped: [],
      waiting: [],
    });
  });

  it('stops at the partition containing end_date', async () => {
    const plan = await planSchedule(pipeline({ endDate: '2026-05-02T12:00:00' }), TICK, ledgerOf([]));
    expect(keysOf(plan)).toEqual(['2026-05-01', '2026-05-02']);
  });

  it('starts at the partition containing a mid-interval start_date', async () => {
    const hourly = pipeline({ partition: 'hourly', startDate: '2026-05-04T22:30:00' });
    expect(keysOf(await planSchedule(hourly, new Date('2026-05-05T01:10:00+05:00'), ledgerOf([])))).toEqual([
      '2026-05-04T22',
      '2026-05-04T23',
      '2026-05-05T00',
    ]);
  });

  it('walks hourly partitions through the New York fall-back hour', async () => {
    const ny = pipeline({ partition: 'hourly', timezone: 'America/New_York', startDate: '2026-11-01T00:00' });
    const plan = await planSchedule(
      ny,
      new Date('2026-11-01T03:00:00-05:00'),
      ledgerOf([run('2026-11-01T01', 'success')]),
    );
    expect(keysOf(plan)).toEqual(['2026-11-01T00', '2026-11-01T01-0500', '2026-11-01T02']);
  });

  it('plans weekly and monthly grains once their intervals end', async () => {
    const now = new Date('2026-06-02T00:00:00Z');
    const weekly = pipeline({ partition: 'weekly', timezone: 'UTC', startDate: '2026-05-01' });
    expect(keysOf(await planSchedule(weekly, now, ledgerOf([])))).toEqual([
      '2026-W18',
      '2026-W19',
      '2026-W20',
      '2026-W21',
      '2026-W22',
    ]);
    const monthly = pipeline({ partition: 'monthly', timezone: 'UTC', startDate: '2026-03-15' });
    expect(keysOf(await planSchedule(monthly, now, ledgerOf([])))).toEqual(['2026-03', '2026-04', '2026-05']);
  });
});

describe('a tick over a very long history', () => {
  const old = pipeline({ partition: 'hourly', timezone: 'UTC', startDate: '2010-01-01' });
  const now = new Date('2026-05-05T00:30:00Z');

  it('is refused with catchup, since it would plan over 100,000 partitions', async () => {
    await expect(planSchedule(old, now, ledgerOf([]))).rejects.toThrow(
      'catch-up from 2010-01-01T00 to 2026-05-04T23 would plan more than 100,000 hourly partitions; move start_date later or set catchup: false',
    );
  });

  it('plans just the latest hour without catchup', async () => {
    expect(keysOf(await planSchedule({ ...old, catchup: false }, now, ledgerOf([])))).toEqual(['2026-05-04T23']);
  });
});

describe('scheduled tick without catchup', () => {
  it('plans only the latest due partition, leaving older gaps alone', async () => {
    const noCatchup = pipeline({ catchup: false });
    expect(reasons(await planSchedule(noCatchup, TICK, ledgerOf([])))).toEqual({ '2026-05-04': 'missing' });
    const latestFailed = ledgerOf([run('2026-05-04', 'failed')]);
    expect(reasons(await planSchedule(noCatchup, TICK, latestFailed))).toEqual({ '2026-05-04': 'failed' });
  });

  it('plans nothing when the latest due partition succeeded or is running', async () => {
    const noCatchup = pipeline({ catchup: false });
    expect((await planSchedule(noCatchup, TICK, ledgerOf([run('2026-05-04', 'success')]))).count).toBe(0);
    expect((await planSchedule(noCatchup, TICK, ledgerOf([run('2026-05-04', 'running')]))).count).toBe(0);
  });
});

describe('backfill', () => {
  const records = [
    run('2026-05-01', 'success'),
    run('2026-05-02', 'failed'),
    run('2026-05-03', 'running'),
    run('2026-05-05', 'deferred'),
  ];
  const ledger = ledgerOf(records);
  const range = { start: '2026-05-01', end: '2026-05-06', reverse: false, now: new Date('2026-06-01T00:00:00Z') };

  it('reprocess failed (the default) plans missing and failed partitions', async () => {
    const plan = await planBackfill(pipeline(), { ...range, reprocess: 'failed' }, ledger);
    expect(plan.mode).toBe('backfill');
    expect(reasons(plan)).toEqual({
      '2026-05-02': 'failed',
      '2026-05-04': 'missing',
      '2026-05-05': 'failed',
      '2026-05-06': 'missing',
    });
    expect(keysOf(plan)).toEqual(['2026-05-02', '2026-05-04', '2026-05-05', '2026-05-06']);
  });

  it('reprocess completed plans everything but the running partition', async () => {
    const plan = await planBackfill(pipeline(), { ...range, reprocess: 'completed' }, ledger);
    expect(reasons(plan)).toEqual({
      '2026-05-01': 'reprocess',
      '2026-05-02': 'failed',
      '2026-05-04': 'missing',
      '2026-05-05': 'failed',
      '2026-05-06': 'missing',
    });
  });

  it('reprocess none plans only partitions that never ran', async () => {
    const plan = await planBackfill(pipeline(), { ...range, reprocess: 'none' }, ledger);
    expect(reasons(plan)).toEqual({ '2026-05-04': 'missing', '2026-05-06': 'missing' });
  });

  it('reprocess changed also plans completed partitions, except a rolled-back (pinned) one', async () => {
    const pinned = {
      ...run('2026-05-03', 'success', '2026-06-01T01:00:00Z'),
      trigger: 'rollback' as const,
      pinned: true,
    };
    const plan = await planBackfill(pipeline(), { ...range, reprocess: 'changed' }, ledgerOf([...records, pinned]));
    expect(reasons(plan)).toEqual({
      '2026-05-01': 'changed',
      '2026-05-02': 'failed',
      '2026-05-04': 'missing',
      '2026-05-05': 'failed',
      '2026-05-06': 'missing',
    });
    // Only `completed` moves a pinned partition.
    const completed = await planBackfill(
      pipeline(),
      { ...range, reprocess: 'completed' },
      ledgerOf([...records, pinned]),
    );
    expect(reasons(completed)['2026-05-03']).toBe('reprocess');
  });

  it('a tick with reprocess_on_tick: changed replans completed partitions but never undoes a rollback', async () => {
    const done = (key: string) => run(key, 'success');
    const rolledBack = { ...done('2026-05-02'), trigger: 'rollback' as const, pinned: true };
    const ledger = ledgerOf([done('2026-05-01'), rolledBack, done('2026-05-03')]);
    const now = new Date('2026-05-04T06:00:00+05:00');
    expect(keysOf(await planSchedule(pipeline(), now, ledger))).toEqual([]);
    const plan = await planSchedule(pipeline({ reprocessOnTick: 'changed' }), now, ledger);
    expect(reasons(plan)).toEqual({ '2026-05-01': 'changed', '2026-05-03': 'changed' });
  });

  it('lists each skipped partition with its reason, its run and the flag that includes it', async () => {
    const plan = await planBackfill(pipeline(), { ...range, reprocess: 'none' }, ledger);
    expect(plan.skipped.map(({ key, reason, include }) => ({ key, reason, include }))).toEqual([
      { key: '2026-05-01', reason: 'succeeded', include: '--reprocess completed' },
      { key: '2026-05-02', reason: 'failed', include: '--reprocess failed' },
      { key: '2026-05-03', reason: 'running', include: undefined },
      { key: '2026-05-05', reason: 'failed', include: '--reprocess failed' },
    ]);
    expect(plan.count + plan.skipped.length).toBe(6);
    const completed = await planBackfill(pipeline(), { ...range, reprocess: 'completed' }, ledger);
    expect(completed.skipped.map((s) => [s.key, s.reason])).toEqual([['2026-05-03', 'running']]);
  });

  it('reverse plans newest first, and the matrix follows that order', async () => {
    const plan = await planBackfill(pipeline(), { ...range, reprocess: 'completed', reverse: true }, ledger);
    expect(keysOf(plan)).toEqual(['2026-05-06', '2026-05-05', '2026-05-04', '2026-05-02', '2026-05-01']);
    expect(plan.matrix.include[0]).toEqual({ label: '2026-05-06', partitions: '2026-05-06' });
  });

  it('chunks a long backfill into at most 256 matrix entries', async () => {
    const plan = await planBackfill(
      pipeline({ startDate: '2020-01-01' }),
      { start: '2020-01-01', end: '2022-09-26', reprocess: 'failed', reverse: false, now: range.now },
      ledgerOf([]),
    );
    expect(plan.count).toBe(1000);
    expect(plan.matrix.include).toHaveLength(256);
    expect(plan.matrix.include.flatMap((e) => e.partitions.split(' '))).toEqual(keysOf(plan));
  });

  it('accepts weekly and hourly keys that fit the grain', async () => {
    const weekly = pipeline({ partition: 'weekly', timezone: 'UTC' });
    const w = await planBackfill(
      weekly,
      { ...range, start: '2026-W18', end: '2026-W20', reprocess: 'failed' },
      ledgerOf([]),
    );
    expect(keysOf(w)).toEqual(['2026-W18', '2026-W19', '2026-W20']);
  });

  it('refuses keys that do not fit the grain, with an example', async () => {
    const weekly = pipeline({ partition: 'weekly' });
    await expect(planBackfill(weekly, { ...range, reprocess: 'failed' }, ledgerOf([]))).rejects.toThrow(
      "'2026-05-01' is not a weekly partition key: expected YYYY-Www (ISO week, Monday start), e.g. 2026-W18",
    );
  });

  it('refuses an end before the start', async () => {
    await expect(
      planBackfill(pipeline(), { ...range, start: '2026-05-03', end: '2026-05-02', reprocess: 'failed' }, ledger),
    ).rejects.toThrow("backfill end '2026-05-02' is before its start '2026-05-03'");
  });

  it('refuses partitions before start_date or after end_date', async () => {
    await expect(
      planBackfill(pipeline(), { ...range, start: '2026-04-30', reprocess: 'failed' }, ledger),
    ).rejects.toThrow("backfill start '2026-04-30' is before the pipeline's first partition '2026-05-01'");
    await expect(
      planBackfill(pipeline({ endDate: '2026-05-04' }), { ...range, reprocess: 'failed' }, ledger),
    ).rejects.toThrow("backfill end '2026-05-06' is after the pipeline's last partition '2026-05-04'");
  });

  it('refuses partitions whose interval has not ended', async () => {
    await expect(
      planBackfill(pipeline(), { ...range, now: new Date('2026-05-06T12:00:00+05:00'), reprocess: 'failed' }, ledger),
    ).rejects.toThrow(
      "backfill end '2026-05-06' is not due yet: its data interval ends 2026-05-07T00:00:00.000+05:00; the latest due partition is '2026-05-05'",
    );
  });

  it('refuses a range over 100,000 partitions', async () => {
    const hourly = pipeline({ partition: 'hourly', startDate: '2000-01-01' });
    await expect(
      planBackfill(hourly, { ...range, start: '2000-01-01T00', end: '2026-01-01T00', reprocess: 'failed' }, ledger),
    ).rejects.toThrow(/holds more than 100,000 hourly partitions/);
  });
});
