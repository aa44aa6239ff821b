// Write–audit–publish end to end in-process: a failed audit never reaches
// readers, versions are kept and restored, attempts own their writers, a stray
// error fails only its own task, resume reuses what the failed run finished, and
// `changed` reruns only what changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pipeline, Task } from '../../src/contract/model.js';
import { silentLogger } from '../../src/log.js';
import { runPartition } from '../../src/run/partition.js';
import { rollbackPartition } from '../../src/run/rollback.js';
import { runPartitions } from '../../src/run/run-partitions.js';
import { readPartitionManifest } from '../../src/store/commit.js';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { FsObjectStore } from '../../src/store/fs-store.js';
import { tempRoots } from '../support/temp.js';
import { handler, pipeline, readTrace, task } from './support.js';

const tempRoot = tempRoots('pipewright-publish-');
const KEY = '2026-05-02';
const RAW = `raw/dt=${KEY}/orders.csv`;
const GOLD = `gold/dt=${KEY}/sales.csv`;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function salesPipeline(tasks: Task[], extra: Partial<Pipeline> = {}): Pipeline {
  return pipeline(tasks, {
    inputs: { raw_orders: 'raw/dt={{ ds }}/orders.csv' },
    outputs: {
      sales: 'gold/dt={{ ds }}/sales.csv',
      summary: 'gold/dt={{ ds }}/summary.csv',
      quality_report: 'quality/dt={{ ds }}/quality_report.json',
    },
    ...extra,
  });
}

function orders(n: number): string {
  return `order_id,order_total\n${Array.from({ length: n }, (_, i) => `${i + 1},${i + 1}.50`).join('\n')}\n`;
}

function deliver(root: string, text: string): void {
  mkdirSync(path.join(root, path.dirname(RAW)), { recursive: true });
  writeFileSync(path.join(root, RAW), text);
}

/** copy -> audit (row_count <= max) */
function audited(max: number, extra: Partial<Pipeline> = {}): Pipeline {
  return salesPipeline(
    [
      task('copy', handler('copyOrders')),
      task(
        'audit',
        { kind: 'checks', dataset: 'sales', rules: [{ type: 'row_count', max, severity: 'error' }] },
        { upstream: ['copy'] },
      ),
    ],
    extra,
  );
}

function run(p: Pipeline, root: string, extra: { resume?: boolean } = {}) {
  return runPartition({
    pipeline: p,
    partition: KEY,
    dataRoot: root,
    trigger: 'manual',
    reason: 'test',
    ledger: new FsLedger(root),
    logger: silentLogger,
    codeVersion: 'code-1',
    ...extra,
  });
}

const read = (root: string, rel: string) => readFileSync(path.join(root, rel), 'utf8');

describe('write, audit, publish', () => {
  it('a failed check leaves the previous version byte-identical; a passing rerun publishes; rollback restores', async () => {
    const root = tempRoot();
    deliver(root, orders(2));
    const first = await run(audited(3), root);
    expect(first.record.publication).toBe('published');
    expect(read(root, GOLD)).toBe(orders(2));
    const folderManifest = read(root, `gold/dt=${KEY}/_manifest.json`);
    const partitionManifest = await readPartitionManifest(new FsObjectStore(root), {
      dagId: 'test_dag',
      partition: KEY,
    });
    expect(partitionManifest?.runId).toBe(first.record.runId);

    // Re-delivered with 5 rows: the audit fails, readers keep seeing version 1.
    deliver(root, orders(5));
    const failed = await run(audited(3), root);
    expect(failed.record.state).toBe('failed');
    expect(failed.record.outputs).toEqual([]);
    expect(failed.record).toMatchObject({ publication: 'staged', liveVersion: first.record.runId });
    expect(read(root, GOLD)).toBe(orders(2));
    expect(read(root, `gold/dt=${KEY}/_manifest.json`)).toBe(folderManifest);
    expect(await readPartitionManifest(new FsObjectStore(root), { dagId: 'test_dag', partition: KEY })).toEqual(
      partitionManifest,
    );
    // The staged output stays for inspection, where the record and the report say.
    const staged = path.join(root, failed.record.stagingDir as string, `copy.1/${GOLD}`);
    expect(readFileSync(staged, 'utf8')).toBe(orders(5));
    expect(failed.report).toMatchObject({ publication: 'staged', staging_dir: failed.record.stagingDir });
    expect(readFileSync(failed.reportPaths?.markdown as string, 'utf8')).toContain('**Not published:**');

    const second = await run(audited(10), root);
    expect(second.record.publication).toBe('published');
    expect(read(root, GOLD)).toBe(orders(5));
    const live = await readPartitionManifest(new FsObjectStore(root), { dagId: 'test_dag', partition: KEY });
    expect(live).toMatchObject({ runId: second.record.runId, versions: [first.record.runId], pinned: false });
    expect(live?.files.map((f) => [f.path, f.sha256])).toEqual([[GOLD, sha(orders(5))]]);
    // A reader following the manifest reads the version's own immutable file.
    expect(read(root, live?.files[0]?.versionPath as string)).toBe(orders(5));

    const back = await rollbackPartition({
      pipeline: audited(10),
      partition: KEY,
      dataRoot: root,
      ledger: new FsLedger(root),
      reason: 'version 2 double counts',
    });
    expect(back.replaced).toBe(second.record.runId);
    expect(read(root, GOLD)).toBe(orders(2));
    expect(JSON.parse(read(root, `gold/dt=${KEY}/_manifest.json`)).files[0]).toMatchObject({
      sha256: sha(orders(2)),
      produced_by: first.record.runId,
    });
    const pinned = await new FsLedger(root).latestRun('test_dag', KEY);
    expect(pinned).toMatchObject({
      trigger: 'rollback',
      state: 'success',
      pinned: true,
      publication: 'rolled_back',
      liveVersion: first.record.runId,
      reason: 'version 2 double counts',
    });
  });

  it('keeps retain_versions earlier versions and removes the older ones', async () => {
    const root = tempRoot();
    const p = audited(100, { retainVersions: 1 });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      deliver(root, orders(n));
      ids.push((await run(p, root)).record.runId);
    }
    const versions = path.join(root, '_pipewright/versions/test_dag', KEY);
    expect(readdirSync(versions).sort()).toEqual([ids[1], ids[2]].sort());
    await expect(
      rollbackPartition({
        pipeline: p,
        partition: KEY,
        dataRoot: root,
        ledger: new FsLedger(root),
        reason: 'x',
        to: ids[0],
      }),
    ).rejects.toThrow(`has no retained version ${ids[0]}`);
  });

  it('a timed-out attempt that ignores its signal can never write after the retry succeeded', async () => {
    const root = tempRoot();
    const p = salesPipeline([
      task('zombie', handler('zombieWriter'), { policy: { timeoutMs: 200, retries: 1, retryDelayMs: 10 } }),
    ]);
    const { record } = await run(p, root);
    expect(record.state).toBe('success');
    expect(record.tasks[0]?.attempts).toBe(2);
    await new Promise((done) => setTimeout(done, 900));
    // Attempt 1 woke up and tried to write: its writer was closed.
    const events = readTrace(root).map((e) => `${e.attempt}:${e.event}`);
    expect(events).toContain('1:zombie writes');
    expect(events).not.toContain('1:zombie wrote');
    expect(read(root, GOLD)).toBe('attempt 2\n');
    const live = await readPartitionManifest(new FsObjectStore(root), { dagId: 'test_dag', partition: KEY });
    expect(live?.files[0]?.sha256).toBe(sha('attempt 2\n'));
    expect(record.outputs).toEqual([expect.objectContaining({ path: GOLD, sha256: sha('attempt 2\n') })]);
  });
});

describe('tasks cannot fail each other', () => {
  it("an 'error' a handler leaves unhandled fails that task only, in its partition and beside others", async () => {
    const stray = salesPipeline([task('stray', handler('strayEmitter')), task('fine', handler('work'))]);
    const calm = salesPipeline([task('slow', handler('work')), task('fine', handler('work'))]);
    const [a, b] = await Promise.all([run(stray, tempRoot()), run(calm, tempRoot())]);
    const byId = Object.fromEntries(a.record.tasks.map((t) => [t.id, t]));
    expect(byId.stray).toMatchObject({ state: 'failed', failureClass: 'data' });
    expect(byId.stray?.error).toContain('stream broke');
    expect(byId.fine?.state).toBe('success');
    expect(b.record.tasks.map((t) => t.state)).toEqual(['success', 'success']);
  });
});

describe('resume', () => {
  const twoStep = (resumeCopy: Task['resume'] = 'auto') =>
    salesPipeline([
      task('copy', handler('copyOrders'), { resume: resumeCopy }),
      task('summarize', handler('summarize'), { upstream: ['copy'] }),
    ]);
  const starts = (root: string, id: string) =>
    readTrace(root).filter((e) => e.task === id && e.event === 'start').length;

  it('restarts from the failed task, reusing the staged outputs of the tasks before it', async () => {
    const root = tempRoot();
    deliver(root, orders(3));
    writeFileSync(path.join(root, 'fail-summary'), '');
    const failed = await run(twoStep(), root);
    expect(failed.record.state).toBe('failed');
    expect(existsSync(path.join(root, GOLD))).toBe(false);

    rmSync(path.join(root, 'fail-summary'));
    const resumed = await run(twoStep(), root, { resume: true });
    expect(resumed.record.state).toBe('success');
    expect(starts(root, 'copy')).toBe(1);
    expect(starts(root, 'summarize')).toBe(2);
    expect(resumed.record.tasks[0]).toMatchObject({ id: 'copy', reusedFrom: failed.record.runId });
    expect(resumed.report.tasks[0]?.reused_from).toBe(failed.record.runId);
    expect(resumed.record.metrics).toMatchObject({ copied_bytes: orders(3).length, lines: 4 });
    expect(read(root, GOLD)).toBe(orders(3));
    expect(read(root, `gold/dt=${KEY}/summary.csv`)).toBe('lines,4\n');
  });

  it('reuses nothing when the inputs changed, or for a task marked resume: never', async () => {
    const root = tempRoot();
    deliver(root, orders(3));
    writeFileSync(path.join(root, 'fail-summary'), '');
    await run(twoStep(), root);
    await run(twoStep('never'), root, { resume: true });
    expect(starts(root, 'copy')).toBe(2);
    deliver(root, orders(4));
    rmSync(path.join(root, 'fail-summary'));
    const rerun = await run(twoStep(), root, { resume: true });
    expect(starts(root, 'copy')).toBe(3);
    expect(rerun.record.tasks.every((t) => t.reusedFrom === undefined)).toBe(true);
    expect(read(root, `gold/dt=${KEY}/summary.csv`)).toBe('lines,5\n');
  });
});

describe('reprocess changed', () => {
  it('reruns a completed partition only when an input changed, and says what changed', async () => {
    const root = tempRoot();
    const p = audited(100);
    deliver(root, orders(2));
    const first = await run(p, root);
    const changed = () =>
      runPartitions({
        pipeline: p,
        partitions: [{ key: KEY, reason: 'changed' }],
        reprocess: 'changed',
        maxActiveRuns: 1,
        dataRoot: root,
        trigger: 'backfill',
        reason: 'pick up re-delivered exports',
        ledger: new FsLedger(root),
        loggerFor: () => silentLogger,
        codeVersion: 'code-1',
      });
    expect(await changed()).toEqual([{ key: KEY, outcome: 'unchanged', liveVersion: first.record.runId }]);
    // Touched but identical: the size and time differ from the record, so it is hashed, and found equal.
    utimesSync(path.join(root, RAW), new Date(), new Date(Date.now() + 5000));
    expect((await changed())[0]?.outcome).toBe('unchanged');

    deliver(root, orders(3));
    const [again] = await changed();
    expect(again?.outcome).toBe('ran');
    const record = again?.outcome === 'ran' ? again.result.record : undefined;
    expect(record).toMatchObject({ planReason: 'changed', publication: 'published' });
    expect(record?.changes).toEqual([expect.stringMatching(new RegExp(`^input ${RAW} changed \\(sha256 `))]);
    expect(read(root, GOLD)).toBe(orders(3));
  });

  it('leaves a rolled-back (pinned) partition alone', async () => {
    const root = tempRoot();
    const p = audited(100);
    for (const n of [1, 2]) {
      deliver(root, orders(n));
      await run(p, root);
    }
    await rollbackPartition({ pipeline: p, partition: KEY, dataRoot: root, ledger: new FsLedger(root), reason: 'bad' });
    deliver(root, orders(7));
    const outcomes = await runPartitions({
      pipeline: p,
      partitions: [{ key: KEY, reason: 'changed' }],
      reprocess: 'changed',
      maxActiveRuns: 1,
      dataRoot: root,
      trigger: 'schedule',
      reason: 'tick',
      ledger: new FsLedger(root),
      loggerFor: () => silentLogger,
    });
    expect(outcomes[0]?.outcome).toBe('skipped');
    expect(read(root, GOLD)).toBe(orders(1));
  });
});

describe('run order', () => {
  it('a record whose start time is in the future (clock skew) does not hide a later success', async () => {
    const root = tempRoot();
    deliver(root, orders(2));
    const ledger = new FsLedger(root);
    const skewed = await run(audited(1), root); // fails its audit
    await ledger.write({ ...skewed.record, startedAt: '2099-01-01T00:00:00.000Z' });
    const fixed = await run(audited(10), root);
    expect(fixed.record.sequence).toBe(2);
    expect((await ledger.latestRun('test_dag', KEY))?.runId).toBe(fixed.record.runId);
    expect((await ledger.latestRuns('test_dag')).get(KEY)?.state).toBe('success');
  });
});
