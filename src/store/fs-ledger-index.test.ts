import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecord } from '../../test/support/records.js';
import { tempRoots } from '../../test/support/temp.js';
import { toJsonText } from '../json.js';
import { FsLedger } from './fs-ledger.js';
import { indexDir, readIndex, updateIndex } from './fs-ledger-index.js';
import type { RunRecord } from './ledger.js';
import { type IndexEntry, withEntries } from './ledger-index.js';

const tempRoot = tempRoots('pipewright-index-');

function record(partition: string, n: number, state: RunRecord['state']): RunRecord {
  return runRecord({
    dagId: 'sales',
    partition,
    runId: `backfill__${partition}__${n}`,
    state,
    sequence: n,
    startedAt: `2026-06-0${n}T06:00:00.000Z`,
  });
}

const index = (root: string) => readIndex(indexDir(join(root, '_pipewright'), 'sales'), 'sales');

/** What plan sees: partition → state of its latest run. */
async function states(ledger: FsLedger): Promise<Record<string, string>> {
  const summaries = await ledger.latestSummaries('sales');
  return Object.fromEntries([...summaries].map(([key, s]) => [key, `${s.runId} ${s.state}`]));
}

describe('the filesystem ledger index', () => {
  it('is updated by every write, so plan reads it instead of the records', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    await ledger.write(record('2026-05-01', 1, 'running'));
    expect((await index(root)).index.partitions).toMatchObject([
      { partition: '2026-05-01', runIds: ['backfill__2026-05-01__1'], state: 'running' },
    ]);
    await ledger.write(record('2026-05-01', 1, 'failed'));
    await ledger.write(record('2026-05-01', 2, 'success'));
    await ledger.write(record('2026-05-02', 1, 'failed'));
    const { generation, index: written } = await index(root);
    expect(written.partitions).toMatchObject([
      {
        partition: '2026-05-01',
        runIds: ['backfill__2026-05-01__1', 'backfill__2026-05-01__2'],
        runId: 'backfill__2026-05-01__2',
        state: 'success',
        sequence: 2,
      },
      { partition: '2026-05-02', runIds: ['backfill__2026-05-02__1'], state: 'failed' },
    ]);
    expect(await states(ledger)).toEqual({
      '2026-05-01': 'backfill__2026-05-01__2 success',
      '2026-05-02': 'backfill__2026-05-02__1 failed',
    });
    // Nothing was stale, so reading wrote nothing back, and only one generation is kept on disk beside its predecessor.
    expect((await index(root)).generation).toBe(generation);
    expect(readdirSync(indexDir(join(root, '_pipewright'), 'sales')).length).toBeLessThanOrEqual(2);
    // latestRuns gives the whole latest records, found through the index.
    expect((await ledger.latestRuns('sales')).get('2026-05-01')).toEqual(record('2026-05-01', 2, 'success'));
  });

  it('is rebuilt from the records when it is deleted or unreadable', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    for (const r of [record('2026-05-01', 1, 'success'), record('2026-05-02', 1, 'failed')]) await ledger.write(r);
    const before = await states(ledger);
    rmSync(join(root, '_pipewright', 'index'), { recursive: true });
    expect(await states(ledger)).toEqual(before);
    expect((await index(root)).index.partitions.map((e) => e.partition)).toEqual(['2026-05-01', '2026-05-02']);

    const dir = indexDir(join(root, '_pipewright'), 'sales');
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), '{"schema_version": 1, "format": 1, "dag');
    expect(await states(ledger)).toEqual(before);
    expect((await index(root)).index.partitions).toHaveLength(2);
  });

  it('is never trusted over records written without it (by an older pipewright or by hand)', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    await ledger.write(record('2026-05-01', 1, 'success'));
    await ledger.write(record('2026-05-02', 1, 'success'));
    expect(await states(ledger)).toEqual({
      '2026-05-01': 'backfill__2026-05-01__1 success',
      '2026-05-02': 'backfill__2026-05-02__1 success',
    });

    // An older pipewright reruns 2026-05-01 and it fails; it also runs a partition the index never saw.
    const older = new FsLedger(root, { index: false });
    await older.write(record('2026-05-01', 2, 'failed'));
    await older.write(record('2026-05-03', 1, 'failed'));
    // By hand: the 2026-05-02 record replaced (through a rename, as editors and `sed -i` save) with a failure.
    const path = ledger.recordPath(record('2026-05-02', 1, 'success'));
    writeFileSync(`${path}.edit`, toJsonText(record('2026-05-02', 1, 'failed')));
    renameSync(`${path}.edit`, path);

    const seen = {
      '2026-05-01': 'backfill__2026-05-01__2 failed',
      '2026-05-02': 'backfill__2026-05-02__1 failed',
      '2026-05-03': 'backfill__2026-05-03__1 failed',
    };
    // The site's history, which takes each partition's record names from the index, lists them too.
    expect((await ledger.history('sales')).map((r) => `${r.runId} ${r.state}`)).toEqual([
      'backfill__2026-05-01__1 success',
      ...Object.values(seen),
    ]);
    expect(await states(ledger)).toEqual(seen);
    // The read repaired the index: it now says what the records say.
    expect((await index(root)).index.partitions.map((e) => `${e.runId} ${e.state}`)).toEqual(Object.values(seen));

    // Edited in place (no rename, so its folder does not change): the record's own mtime and size tell.
    writeFileSync(path, toJsonText({ ...record('2026-05-02', 1, 'success'), reason: 'fixed by hand' }));
    expect((await states(ledger))['2026-05-02']).toBe('backfill__2026-05-02__1 success');

    // A partition folder removed by hand leaves the index too.
    rmSync(join(root, '_pipewright', 'runs', 'sales', '2026-05-03'), { recursive: true });
    expect(Object.keys(await states(ledger))).toEqual(['2026-05-01', '2026-05-02']);
    expect((await index(root)).index.partitions).toHaveLength(2);
  });

  it('loses no update of a writer that fell behind while the generation it would take was pruned', async () => {
    const dir = indexDir(join(tempRoot(), '_pipewright'), 'sales');
    const entry = (partition: string): IndexEntry => ({
      partition,
      stamp: partition,
      runIds: [`backfill__${partition}__1`],
      runId: `backfill__${partition}__1`,
      state: 'success',
      sequence: 1,
      startedAt: '2026-06-01T06:00:00.000Z',
    });
    const add = (partition: string) => updateIndex(dir, 'sales', (index) => withEntries(index, [entry(partition)]));
    await add('2026-05-01'); // generation 1
    // A slow writer reads generation 1; meanwhile three others publish 2, 3 and 4, and 1 and 2 are removed behind
    // them, so the name it links (2) is free again.
    let behind = true;
    await updateIndex(dir, 'sales', async (index) => {
      if (behind) for (const p of ['2026-05-02', '2026-05-03', '2026-05-04']) await add(p);
      behind = false;
      return withEntries(index, [entry('2026-05-05')]);
    });
    const { index: latest } = await readIndex(dir, 'sales');
    expect(latest.partitions.map((e) => e.partition)).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
    ]);
  });

  it('loses no update when many writers write at once', async () => {
    const root = tempRoot();
    const partitions = Array.from({ length: 12 }, (_, i) => `2026-05-${String(i + 1).padStart(2, '0')}`);
    // Separate ledgers, as separate runs of a backfill would have: each run writes `running`, then its end.
    await Promise.all(
      partitions.map(async (p) => {
        const ledger = new FsLedger(root);
        await ledger.write(record(p, 1, 'running'));
        await ledger.write(record(p, 1, 'failed'));
        await ledger.write(record(p, 2, 'success'));
      }),
    );
    const { generation, index: written } = await index(root);
    expect(written.partitions.map((e) => `${e.partition} ${e.runIds.length} ${e.state}`)).toEqual(
      partitions.map((p) => `${p} 2 success`),
    );
    // Complete as written: the next read trusts it without writing it again.
    expect(Object.keys(await states(new FsLedger(root)))).toEqual(partitions);
    expect((await index(root)).generation).toBe(generation);
    expect(readdirSync(indexDir(join(root, '_pipewright'), 'sales')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('is not written by a ledger without it, and records read the same either way', async () => {
    const root = tempRoot();
    const older = new FsLedger(root, { index: false });
    await older.write(record('2026-05-01', 1, 'failed'));
    await older.latestSummaries('sales');
    expect(existsSync(join(root, '_pipewright', 'index'))).toBe(false);
    expect(await states(older)).toEqual(await states(new FsLedger(root)));
  });
});
