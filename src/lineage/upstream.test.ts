import { describe, expect, it } from 'vitest';
import { runRecord } from '../../test/support/records.js';
import { DEFAULT_POLICY, type Pipeline, type UpstreamInput } from '../contract/model.js';
import { planBackfill, planSchedule } from '../plan/plan.js';
import { planToJson, renderPlanTable } from '../plan/render.js';
import { partitionForKey } from '../schedule/partitions.js';
import type { LedgerReader, RunRecord } from '../store/ledger.js';
import { type Publication, type PublicationReader, upstreamPartitions, withUpstreamRoots } from './upstream.js';

const keys = (partitions: Array<{ key: string }>) => partitions.map((p) => p.key);

describe('upstreamPartitions: each upstream partition whose interval overlaps', () => {
  it('gives a weekly partition its seven daily partitions', () => {
    const week = partitionForKey('weekly', 'Asia/Almaty', '2026-W18');
    expect(
      keys(upstreamPartitions(week, { partition: 'daily', timezone: 'Asia/Almaty', path: 'x', dir: '/' })),
    ).toEqual(['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
  });

  it('gives a daily partition its 24 hours, 23 and 25 on the days the clock changes', () => {
    const hourly = { partition: 'hourly' as const, timezone: 'Europe/Berlin', path: 'x', dir: '/' };
    const day = (key: string) => upstreamPartitions(partitionForKey('daily', 'Europe/Berlin', key), hourly);
    expect(day('2026-05-02')).toHaveLength(24);
    expect(day('2026-03-29')).toHaveLength(23);
    const autumn = day('2026-10-25');
    expect(autumn).toHaveLength(25);
    expect(autumn[0]!.key).toBe('2026-10-25T00');
    expect(autumn.at(-1)!.key).toBe('2026-10-25T23');
  });

  it('gives an hourly partition the day that holds it, and a daily one the same day', () => {
    const daily = { partition: 'daily' as const, timezone: 'UTC', path: 'x', dir: '/' };
    expect(keys(upstreamPartitions(partitionForKey('hourly', 'UTC', '2026-05-02T13'), daily))).toEqual(['2026-05-02']);
    expect(keys(upstreamPartitions(partitionForKey('daily', 'UTC', '2026-05-02'), daily))).toEqual(['2026-05-02']);
  });

  it('gives a day in another time zone both days it overlaps', () => {
    const almaty = { partition: 'daily' as const, timezone: 'Asia/Almaty', path: 'x', dir: '/' };
    expect(keys(upstreamPartitions(partitionForKey('daily', 'UTC', '2026-05-02'), almaty))).toEqual([
      '2026-05-02',
      '2026-05-03',
    ]);
  });
});

const SALES: UpstreamInput = {
  dagId: 'sales',
  output: 'daily_sales',
  upstream: { partition: 'daily', timezone: 'Asia/Almaty', path: 'gold/dt={{ ds }}/s.csv', dir: '/p/sales' },
};

function downstream(overrides: Partial<Pipeline> = {}): Pipeline {
  return {
    dagId: 'risk',
    description: '',
    owner: 'data',
    tags: [],
    schedule: '0 8 * * *',
    timezone: 'Asia/Almaty',
    partition: 'daily',
    startDate: '2026-05-01',
    catchup: true,
    maxActiveRuns: 1,
    maxActiveTasks: 4,
    retainVersions: 3,
    reprocessOnTick: 'failed',
    defaults: DEFAULT_POLICY,
    inputs: { sales: 'gold/dt={{ ds }}/s.csv' },
    from: { sales: SALES },
    outputs: {},
    tasks: [],
    alerts: { on: [], labels: [], assignees: [] },
    dir: '/p/risk',
    file: '/p/risk/pipeline.yml',
    ...overrides,
  };
}

/** Upstream publications held in memory, as partition manifests would say them. */
function published(entries: Record<string, string>): PublicationReader {
  return async (ref, partition): Promise<Publication | undefined> => {
    const at = entries[`${ref.dagId} ${partition}`];
    return at === undefined ? undefined : { publishedAt: at, runId: `run-${partition}` };
  };
}

function ledgerOf(records: RunRecord[]): LedgerReader {
  return { latestRuns: async () => new Map(records.map((r) => [r.partition, r])) };
}

const success = (partition: string, startedAt: string) =>
  runRecord({ dagId: 'risk', partition, runId: `r-${partition}`, reason: 'test', state: 'success', startedAt });

const TICK = new Date('2026-05-04T08:00:00+05:00');

describe('planning a pipeline with from: inputs', () => {
  it('plans only partitions whose upstream is published and names the ones it waits for', async () => {
    const reader = published({
      'sales 2026-05-01': '2026-05-02T01:00:00Z',
      'sales 2026-05-02': '2026-05-03T01:00:00Z',
    });
    const plan = await planSchedule(downstream(), TICK, ledgerOf([]), reader);
    expect(keys(plan.partitions)).toEqual(['2026-05-01', '2026-05-02']);
    expect(plan.waiting.map((w) => [w.key, w.upstream])).toEqual([
      ['2026-05-03', [{ dagId: 'sales', partition: '2026-05-03' }]],
    ]);
    expect(renderPlanTable(plan)).toContain('2026-05-03 waits for sales 2026-05-03');
    expect(planToJson(plan).waiting).toEqual([
      { key: '2026-05-03', upstream: [{ dag_id: 'sales', partition: '2026-05-03' }] },
    ]);
  });

  it('plans nothing for a backfill whose upstream is unpublished, listing every partition as waiting', async () => {
    const plan = await planBackfill(
      downstream(),
      { start: '2026-05-01', end: '2026-05-03', reprocess: 'failed', reverse: false, now: TICK },
      ledgerOf([]),
      published({}),
    );
    expect(plan.count).toBe(0);
    expect(keys(plan.waiting)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    expect(renderPlanTable(plan)).toMatch(/nothing to run\nwaiting for upstream partitions/);
  });

  it('replans a succeeded partition as upstream_changed once its upstream is published again', async () => {
    const reader = published({
      'sales 2026-05-01': '2026-05-02T01:00:00Z', // before the downstream run: still fresh
      'sales 2026-05-02': '2026-05-10T09:00:00Z', // republished by a backfill after the downstream run
      'sales 2026-05-03': '2026-05-04T01:00:00Z',
    });
    const ledger = ledgerOf([
      success('2026-05-01', '2026-05-02T03:00:00Z'),
      success('2026-05-02', '2026-05-03T03:00:00Z'),
      success('2026-05-03', '2026-05-04T03:00:00Z'),
    ]);
    const plan = await planSchedule(downstream(), TICK, ledger, reader);
    expect(plan.partitions.map((p) => [p.key, p.reason])).toEqual([['2026-05-02', 'upstream_changed']]);
    const none = await planBackfill(
      downstream(),
      { start: '2026-05-01', end: '2026-05-03', reprocess: 'none', reverse: false, now: TICK },
      ledger,
      reader,
    );
    expect(none.count).toBe(0);
  });

  it('waits for all seven days of a weekly partition', async () => {
    const weekly = downstream({ partition: 'weekly', schedule: '0 8 * * 1', startDate: '2026-04-27', inputs: {} });
    const days = ['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-02'];
    const reader = published(Object.fromEntries(days.map((d) => [`sales ${d}`, '2026-05-03T01:00:00Z'])));
    const now = new Date('2026-05-04T08:00:00+05:00');
    const waiting = await planSchedule(weekly, now, ledgerOf([]), reader);
    expect(waiting.count).toBe(0);
    expect(waiting.waiting[0]!.upstream).toEqual([{ dagId: 'sales', partition: '2026-05-03' }]);
    const all = published(
      Object.fromEntries([...days, '2026-05-03'].map((d) => [`sales ${d}`, '2026-05-04T01:00:00Z'])),
    );
    expect(keys((await planSchedule(weekly, now, ledgerOf([]), all)).partitions)).toEqual(['2026-W18']);
  });
});

describe('withUpstreamRoots', () => {
  it("reads the upstream's own data/ folder under default roots and the shared root otherwise", () => {
    const own = withUpstreamRoots(downstream(), '/p/risk/data');
    expect(own.from?.sales?.dataRoot).toBe('/p/sales/data');
    const shared = withUpstreamRoots(downstream(), '/mnt/lake');
    expect(shared.from?.sales?.dataRoot).toBe('/mnt/lake');
  });
});
