// The run ledger in a bucket (`state: bucket`) on a real S3 server (versitygw):
// one object per run, read back through the Ledger interface, partitions held by
// leases, killed runs settled as failed, broken records refused with one line.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PartitionBusyError, StateError } from '../../../src/errors.js';
import { toJsonText } from '../../../src/json.js';
import { BucketLedger } from '../../../src/store/bucket-ledger.js';
import { type LedgerIndex, parseIndex } from '../../../src/store/ledger-index.js';
import { openS3Store, type S3ObjectStore } from '../../../src/store/s3/bucket-store.js';
import { runRecord } from '../../support/records.js';
import { stubS3Env } from '../../support/s3-env.js';
import { startVersitygw, type Versitygw } from '../../support/versitygw.js';

let server: Versitygw;
let store: S3ObjectStore;

beforeAll(async () => {
  server = await startVersitygw({ buckets: ['lake'] });
  stubS3Env(server);
  store = openS3Store('s3://lake/turanmart');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readIndex(ledger: BucketLedger): Promise<LedgerIndex> {
  return parseIndex(
    await ledger.store.readText('_pipewright/index/turanmart_daily_sales.json'),
    'turanmart_daily_sales',
  );
}

async function writeIndex(ledger: BucketLedger, index: LedgerIndex): Promise<void> {
  await ledger.store.write('_pipewright/index/turanmart_daily_sales.json', toJsonText(index));
}

/** What plan sees of each partition: its latest run and state. */
async function states(ledger: BucketLedger): Promise<Record<string, string>> {
  const summaries = await ledger.latestSummaries('turanmart_daily_sales');
  return Object.fromEntries([...summaries].map(([partition, s]) => [partition, `${s.runId} ${s.state}`]));
}

describe('BucketLedger on versitygw', () => {
  it('keeps one object per run and reads runs oldest first and the latest per partition', async () => {
    const ledger = new BucketLedger(openS3Store('s3://lake/history'));
    const first = runRecord({ partition: '2026-05-02', state: 'failed', runId: 'r1', sequence: 1 });
    const second = runRecord({ partition: '2026-05-02', state: 'running', runId: 'r2', sequence: 2 });
    const other = runRecord({ partition: '2026-05-03', state: 'success', runId: 'r3', sequence: 1 });
    await Promise.all([ledger.write(second), ledger.write(first), ledger.write(other)]);
    await ledger.write({ ...second, state: 'success', endedAt: '2026-05-20T06:05:00.000Z' });

    expect((await ledger.runs('turanmart_daily_sales', '2026-05-02')).map((r) => [r.runId, r.state])).toEqual([
      ['r1', 'failed'],
      ['r2', 'success'],
    ]);
    const latest = await ledger.latestRuns('turanmart_daily_sales');
    expect([...latest].map(([p, r]) => [p, r.runId])).toEqual([
      ['2026-05-02', 'r2'],
      ['2026-05-03', 'r3'],
    ]);
    expect((await ledger.history('turanmart_daily_sales')).map((r) => r.runId)).toEqual(['r1', 'r2', 'r3']);
    // The status site's pass: a partition at a time, newest first.
    const partitions: string[][] = [];
    await ledger.eachPartition('turanmart_daily_sales', (runs) => partitions.push(runs.map((r) => r.runId)));
    expect(partitions).toEqual([['r3'], ['r1', 'r2']]);
    expect(await ledger.runs('turanmart_daily_sales', '2026-05-09')).toEqual([]);
    expect((await ledger.latestRuns('no_such_dag')).size).toBe(0);

    const key = ledger.recordKey(second);
    expect(key).toBe('_pipewright/runs/turanmart_daily_sales/2026-05-02/r2.json');
    const text = await ledger.store.readText(key);
    expect(text).toMatch(/^\{\n {2}"schema_version": 1,\n {2}"dag_id": "turanmart_daily_sales",/);
  });

  it('lists a long history in ranges at once and still sees every partition, also those added behind the index', async () => {
    const bucket = openS3Store('s3://lake/ranges');
    const ledger = new BucketLedger(bucket);
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const put = (record: ReturnType<typeof runRecord>) =>
      ledger.store.write(ledger.recordKey(record), toJsonText(record), { contentType: 'application/json' });
    // 450 partitions written without the index, then read once: the index now knows them all.
    const days = Array.from({ length: 450 }, (_, i) => day(i + 1));
    for (let i = 0; i < days.length; i += 50)
      await Promise.all(
        days.slice(i, i + 50).map((d) => put(runRecord({ partition: d, runId: `a-${d}`, state: 'failed' }))),
      );
    expect((await ledger.latestSummaries('turanmart_daily_sales')).size).toBe(450);
    expect((await readIndex(ledger)).partitions).toHaveLength(450);

    // Behind its back: a newer run in the first, a middle and the last range, and partitions before and after all.
    const added = [day(1), day(225), day(450), day(0), day(451)];
    for (const d of added) await put(runRecord({ partition: d, runId: `b-${d}`, state: 'success', sequence: 2 }));
    const lists: string[] = [];
    const name = 'count-lists';
    bucket.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'ListObjectsV2Command')
          lists.push(String((args.input as { StartAfter?: string }).StartAfter));
        return next(args);
      },
      { step: 'initialize', name },
    );
    let seen: Record<string, string>;
    try {
      seen = await states(ledger);
    } finally {
      bucket.client.middlewareStack.remove(name);
    }
    expect(Object.keys(seen)).toHaveLength(452);
    for (const d of added) expect(seen[d]).toBe(`b-${d} success`);
    expect(seen[day(100)]).toBe(`a-${day(100)} failed`);
    // One listing per range, started just before a partition's records.
    expect(lists.length).toBeGreaterThanOrEqual(16);
    const starts = lists.filter((after) =>
      /^ranges\/_pipewright\/runs\/turanmart_daily_sales\/\d{4}-\d{2}-\d{2}$/.test(after),
    );
    expect(starts).toHaveLength(lists.length - 1);
  });

  it('lets twenty runs write their records at once without losing one', async () => {
    const ledger = new BucketLedger(openS3Store('s3://lake/many'));
    const records = Array.from({ length: 20 }, (_, i) =>
      runRecord({
        partition: '2026-05-02',
        state: 'success',
        runId: `r${String(i).padStart(2, '0')}`,
        sequence: i + 1,
      }),
    );
    await Promise.all(records.map((record) => ledger.write(record)));
    expect((await ledger.runs('turanmart_daily_sales', '2026-05-02')).map((r) => r.runId)).toEqual(
      records.map((r) => r.runId),
    );
  });

  it('keeps an index that plan reads instead of every record, put conditionally by concurrent writers', async () => {
    const ledger = new BucketLedger(openS3Store('s3://lake/indexed'));
    const records = ['2026-05-01', '2026-05-02', '2026-05-03'].flatMap((partition) => [
      runRecord({ partition, state: 'failed', runId: `${partition}-r1`, sequence: 1 }),
      runRecord({ partition, state: 'success', runId: `${partition}-r2`, sequence: 2 }),
    ]);
    for (const record of records.filter((r) => r.sequence === 1)) await ledger.write(record);
    await Promise.all(records.filter((r) => r.sequence === 2).map((record) => ledger.write(record)));

    const index = await readIndex(ledger);
    expect(index.partitions.map((e) => [e.partition, e.runId, e.state, e.runIds.length])).toEqual([
      ['2026-05-01', '2026-05-01-r2', 'success', 2],
      ['2026-05-02', '2026-05-02-r2', 'success', 2],
      ['2026-05-03', '2026-05-03-r2', 'success', 2],
    ]);
    expect(await states(ledger)).toEqual({
      '2026-05-01': '2026-05-01-r2 success',
      '2026-05-02': '2026-05-02-r2 success',
      '2026-05-03': '2026-05-03-r2 success',
    });
    // Answered from the index: an entry changed there (its stamp and runs still current) is what plan sees.
    await writeIndex(ledger, {
      ...index,
      partitions: index.partitions.map((e) =>
        e.partition === '2026-05-02' ? { ...e, state: 'deferred' as const } : e,
      ),
    });
    expect((await states(ledger))['2026-05-02']).toBe('2026-05-02-r2 deferred');
    // latestRuns reads the record the index names.
    expect((await ledger.latestRuns('turanmart_daily_sales')).get('2026-05-02')?.state).toBe('success');
  });

  it('is never trusted over records written without it, and is repaired by the read', async () => {
    const ledger = new BucketLedger(openS3Store('s3://lake/by-hand'));
    await ledger.write(runRecord({ partition: '2026-05-01', state: 'success', runId: 'a1', sequence: 1 }));
    await ledger.write(runRecord({ partition: '2026-05-02', state: 'success', runId: 'b1', sequence: 1 }));
    await ledger.write(runRecord({ partition: '2026-05-03', state: 'success', runId: 'c1', sequence: 1 }));
    const byHand = (record: ReturnType<typeof runRecord>) =>
      ledger.store.write(ledger.recordKey(record), toJsonText(record));
    // An older pipewright reruns 2026-05-01 and it fails; one edits 2026-05-02 in place; 2026-05-03 is removed.
    await byHand(runRecord({ partition: '2026-05-01', state: 'failed', runId: 'a2', sequence: 2 }));
    await byHand(runRecord({ partition: '2026-05-02', state: 'failed', runId: 'b1', sequence: 1 }));
    await ledger.store.delete(
      ledger.recordKey({ dagId: 'turanmart_daily_sales', partition: '2026-05-03', runId: 'c1' }),
    );
    // A partition the index never saw.
    await byHand(runRecord({ partition: '2026-05-04', state: 'failed', runId: 'd1', sequence: 1 }));

    const seen = { '2026-05-01': 'a2 failed', '2026-05-02': 'b1 failed', '2026-05-04': 'd1 failed' };
    expect(await states(ledger)).toEqual(seen);
    expect((await readIndex(ledger)).partitions.map((e) => `${e.runId} ${e.state}`)).toEqual(Object.values(seen));

    // A deleted or mangled index is rebuilt from the records.
    await ledger.store.delete('_pipewright/index/turanmart_daily_sales.json');
    expect(await states(ledger)).toEqual(seen);
    await ledger.store.write('_pipewright/index/turanmart_daily_sales.json', '{"schema_version": 1, "form');
    expect(await states(ledger)).toEqual(seen);
    expect((await readIndex(ledger)).partitions).toHaveLength(3);
  });

  it('holds a partition for one run; another is told who holds it; a released partition can be taken', async () => {
    const ledger = new BucketLedger(store, { leaseTtlMs: 5_000, leaseRenewEveryMs: 1_000 });
    const held = await ledger.acquire('turanmart_daily_sales', '2026-05-04', 'run-a');
    const busy = ledger.acquire('turanmart_daily_sales', '2026-05-04', 'run-b');
    await expect(busy).rejects.toThrow(PartitionBusyError);
    await expect(busy).rejects.toThrow(
      /^partition turanmart_daily_sales\/2026-05-04 is busy: run run-a \(pid \d+ on .+, lease until .+\) holds it$/,
    );
    expect(held.lost.aborted).toBe(false);
    await held.release();
    const next = await ledger.acquire('turanmart_daily_sales', '2026-05-04', 'run-b');
    await next.release();
  });

  it('reads a running record as running while its lease is live, and as failed once the lease lapsed', async () => {
    const ledger = new BucketLedger(store, { leaseTtlMs: 600, leaseRenewEveryMs: 60_000 });
    const record = runRecord({ partition: '2026-05-05', state: 'running', runId: 'run-live' });
    const held = await ledger.acquire('turanmart_daily_sales', '2026-05-05', 'run-live');
    await ledger.write(record);
    expect((await ledger.latestRun('turanmart_daily_sales', '2026-05-05'))?.state).toBe('running');
    await sleep(800); // no renewal before the ttl: as if the runner had been killed
    expect(await ledger.latestRun('turanmart_daily_sales', '2026-05-05')).toMatchObject({
      state: 'failed',
      abandoned: true,
    });
    expect((await ledger.latestRuns('turanmart_daily_sales')).get('2026-05-05')?.abandoned).toBe(true);
    await held.release();
  });

  it('refuses a broken record with one line naming its object', async () => {
    const ledger = new BucketLedger(store);
    await store.write('_pipewright/runs/turanmart_daily_sales/2026-05-06/broken.json', '{"dag_id": "turan');
    const error = await ledger.runs('turanmart_daily_sales', '2026-05-06').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toMatch(
      /^run record s3:\/\/lake\/turanmart\/_pipewright\/runs\/turanmart_daily_sales\/2026-05-06\/broken\.json is not valid JSON/,
    );
  });

  it('refuses partition keys and run ids that would leave the ledger', async () => {
    const ledger = new BucketLedger(store);
    await expect(ledger.runs('turanmart_daily_sales', '../x')).rejects.toThrow("refusing partition key '../x'");
    await expect(ledger.write(runRecord({ partition: '2026-05-07', state: 'success', runId: 'a/b' }))).rejects.toThrow(
      "refusing run id 'a/b'",
    );
  });
});
