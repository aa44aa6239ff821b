import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecord } from '../../test/support/records.js';
import { tempRoots } from '../../test/support/temp.js';
import { fromJsonValue } from '../json.js';
import { FsLedger } from './fs-ledger.js';
import type { RunRecord } from './ledger.js';
import { newRunId } from './run-id.js';

const tempRoot = tempRoots('pipewright-ledger-');

function record(partition: string, runId: string, startedAt: string, state: RunRecord['state']): RunRecord {
  return runRecord({
    dagId: 'sales',
    partition,
    runId,
    reason: 'tick',
    state,
    startedAt,
    dataIntervalStart: `${partition}T00:00:00.000+05:00`,
    dataIntervalEnd: `${partition}T23:59:59.999+05:00`,
  });
}

describe('FsLedger', () => {
  it('stores one file per run and reports the latest run of each partition', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    await ledger.write(record('2026-05-01', 'scheduled__b', '2026-05-02T01:00:00.000Z', 'success'));
    await ledger.write(record('2026-05-02', 'scheduled__a', '2026-05-03T01:00:00.000Z', 'failed'));
    await ledger.write(record('2026-05-02', 'manual__z', '2026-05-03T02:00:00.000Z', 'success'));
    // Same start instant: the run id breaks the tie.
    await ledger.write(record('2026-05-01', 'scheduled__a', '2026-05-02T01:00:00.000Z', 'failed'));

    const latest = await ledger.latestRuns('sales');
    expect([...latest.keys()].sort()).toEqual(['2026-05-01', '2026-05-02']);
    expect(latest.get('2026-05-01')).toMatchObject({ runId: 'scheduled__b', state: 'success' });
    expect(latest.get('2026-05-02')).toMatchObject({ runId: 'manual__z', state: 'success' });
    expect((await ledger.runs('sales', '2026-05-02')).map((r) => r.runId)).toEqual(['scheduled__a', 'manual__z']);
    expect(readdirSync(join(root, '_pipewright/runs/sales/2026-05-02')).sort()).toEqual([
      'manual__z.json',
      'scheduled__a.json',
    ]);
  });

  it('rewrites a run in place as it progresses, and knows nothing of other pipelines', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    const running = record('2026-05-02', 'manual__x', '2026-05-03T01:00:00.000Z', 'running');
    await ledger.write(running);
    await ledger.write({ ...running, state: 'success', endedAt: '2026-05-03T01:05:00.000Z' });
    expect(await ledger.runs('sales', '2026-05-02')).toEqual([
      { ...running, state: 'success', endedAt: '2026-05-03T01:05:00.000Z' },
    ]);
    expect((await ledger.latestRuns('other')).size).toBe(0);
  });

  it('keeps every record when many runs write at once', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    const records = Array.from({ length: 50 }, (_, i) =>
      record(
        `2026-05-${String((i % 5) + 1).padStart(2, '0')}`,
        `backfill__${i}`,
        `2026-06-01T00:00:${String(i).padStart(2, '0')}.000Z`,
        'success',
      ),
    );
    await Promise.all(records.map((r) => ledger.write(r)));
    const latest = await ledger.latestRuns('sales');
    expect(latest.size).toBe(5);
    expect(latest.get('2026-05-01')?.runId).toBe('backfill__45');
    for (const r of records) {
      const text = readFileSync(join(root, '_pipewright/runs/sales', r.partition, `${r.runId}.json`), 'utf8');
      // On disk: snake_case with the schema version, read back to the same record.
      expect(JSON.parse(text)).toMatchObject({ schema_version: 1, dag_id: 'sales', run_id: r.runId });
      expect(fromJsonValue(JSON.parse(text))).toEqual(r);
    }
  });

  it('refuses a record whose ids would escape the ledger folder', async () => {
    const ledger = new FsLedger(tempRoot());
    await expect(ledger.write(record('../../x', 'r', '2026-05-03T01:00:00.000Z', 'success'))).rejects.toThrow(
      /partition key/,
    );
    await expect(ledger.write(record('2026-05-02', 'a/b', '2026-05-03T01:00:00.000Z', 'success'))).rejects.toThrow(
      /run id/,
    );
  });
});

describe('newRunId', () => {
  it('is Airflow-shaped, filename-safe and unique per call', () => {
    const now = new Date('2026-05-02T06:00:00.123Z');
    const id = newRunId('manual', now);
    expect(id).toMatch(/^manual__20260502T060000Z__[0-9a-f]{6}$/);
    expect(newRunId('manual', now)).not.toBe(id);
  });
});

describe('FsLedger and killed runs', () => {
  it('counts a running record whose run holds no lock as failed (abandoned), and a live one as running', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    // Killed: its record says running, but nothing holds the partition any more.
    await ledger.write(record('2026-05-01', 'schedule__killed', '2026-05-02T01:00:00Z', 'running'));
    // Live: this process holds the lock for the run its record names.
    const lock = await ledger.acquire('sales', '2026-05-02', 'schedule__live');
    await ledger.write(record('2026-05-02', 'schedule__live', '2026-05-03T01:00:00Z', 'running'));

    const latest = await ledger.latestRuns('sales');
    expect(latest.get('2026-05-01')).toMatchObject({ state: 'failed', abandoned: true });
    expect(latest.get('2026-05-02')?.state).toBe('running');
    expect(latest.get('2026-05-02')?.abandoned).toBeUndefined();

    await lock.release();
    expect((await ledger.latestRuns('sales')).get('2026-05-02')).toMatchObject({ state: 'failed', abandoned: true });
  });

  it('gives the whole history in one pass, each partition oldest first and its killed latest run as failed', async () => {
    const ledger = new FsLedger(tempRoot());
    await ledger.write(record('2026-05-01', 'schedule__first', '2026-05-02T01:00:00Z', 'failed'));
    await ledger.write(record('2026-05-01', 'backfill__killed', '2026-05-04T01:00:00Z', 'running'));
    await ledger.write(record('2026-05-02', 'schedule__ok', '2026-05-03T01:00:00Z', 'success'));
    const history = await ledger.history('sales');
    const byPartition = (p: string) => history.filter((r) => r.partition === p);
    expect(byPartition('2026-05-01').map((r) => [r.runId, r.state, r.abandoned])).toEqual([
      ['schedule__first', 'failed', undefined],
      ['backfill__killed', 'failed', true],
    ]);
    expect(byPartition('2026-05-02').map((r) => r.runId)).toEqual(['schedule__ok']);
    expect(await new FsLedger(tempRoot()).history('sales')).toEqual([]);
  });

  it('hands the history over a partition at a time, newest partition first, its killed latest run as failed', async () => {
    const ledger = new FsLedger(tempRoot());
    await ledger.write(record('2026-05-01', 'schedule__first', '2026-05-02T01:00:00Z', 'failed'));
    await ledger.write(record('2026-05-01', 'backfill__killed', '2026-05-04T01:00:00Z', 'running'));
    await ledger.write(record('2026-05-02', 'schedule__ok', '2026-05-03T01:00:00Z', 'success'));
    const seen: string[][] = [];
    await ledger.eachPartition('sales', (runs) => seen.push(runs.map((r) => `${r.partition} ${r.runId} ${r.state}`)));
    expect(seen).toEqual([
      ['2026-05-02 schedule__ok success'],
      ['2026-05-01 schedule__first failed', '2026-05-01 backfill__killed failed'],
    ]);
  });
});
