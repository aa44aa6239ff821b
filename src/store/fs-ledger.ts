// The run ledger on the local filesystem, inside the data root:
// `_pipewright/runs/<dag_id>/<partition>/<run_id>.json`, one small file per run
// written atomically. Concurrent runs write different files, so they cannot
// corrupt each other; a run's own rewrites replace its file in one rename.

import { readdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { toJsonText } from '../json.js';
import { mapLimited } from '../map-limited.js';
import { createAtomicWriter, isTempName } from './atomic.js';
import { compareRuns, type LockingLedger, type RunRecord } from './ledger.js';
import { acquirePartitionLock, type PartitionLock, readLockHolder } from './lock.js';
import { assertSafeSegment, relativeToRoot } from './paths.js';
import { isProcessAlive } from './pid.js';
import { parseRunRecord } from './record-file.js';

/** Reads at most this many record files at once, so a long history does not exhaust file handles. */
const READ_CONCURRENCY = 32;

export class FsLedger implements LockingLedger {
  readonly dataRoot: string;

  constructor(dataRoot: string) {
    this.dataRoot = resolve(dataRoot);
  }

  /** The latest run of every partition that has one (by startedAt, then runId). */
  async latestRuns(dagId: string): Promise<Map<string, RunRecord>> {
    const latest = new Map<string, RunRecord>();
    for (const partition of await listDirs(this.dagDir(dagId))) {
      const runs = await this.runs(dagId, partition);
      const last = runs.at(-1);
      if (last) latest.set(partition, await this.settle(last));
    }
    return latest;
  }

  async latestRun(dagId: string, partition: string): Promise<RunRecord | undefined> {
    const last = (await this.runs(dagId, partition)).at(-1);
    return last && (await this.settle(last));
  }

  /**
   * A `running` record whose run no longer holds the partition lock was killed
   * before it could record its end: it counts as failed, so the next tick or a
   * `reprocess failed` backfill runs the partition again instead of waiting forever.
   */
  private async settle(record: RunRecord): Promise<RunRecord> {
    if (record.state !== 'running') return record;
    const holder = await readLockHolder(this.dataRoot, record.dagId, record.partition);
    const stillRunning = holder?.runId === record.runId && (holder.host !== hostname() || isProcessAlive(holder.pid));
    return stillRunning ? record : { ...record, state: 'failed', abandoned: true };
  }

  /** All runs of one partition, oldest first. */
  async runs(dagId: string, partition: string): Promise<RunRecord[]> {
    assertSafeSegment(partition, 'partition key');
    const dir = join(this.dagDir(dagId), partition);
    const names = (await listFiles(dir)).filter((n) => n.endsWith('.json') && !isTempName(n));
    const records = await mapLimited(names, READ_CONCURRENCY, (name) => readRecord(join(dir, name)));
    return records.sort(compareRuns);
  }

  /** Every run of a pipeline in one pass, each partition's oldest first and its latest settled (the status site). */
  async history(dagId: string): Promise<RunRecord[]> {
    const partitions = await listDirs(this.dagDir(dagId));
    const all = await mapLimited(partitions, READ_CONCURRENCY, async (partition) => {
      const runs = await this.runs(dagId, partition);
      const last = runs.pop();
      return last ? [...runs, await this.settle(last)] : [];
    });
    return all.flat();
  }

  /** The file that holds one run's record. */
  recordKey(record: Pick<RunRecord, 'dagId' | 'partition' | 'runId'>): string {
    return relativeToRoot(this.dataRoot, this.recordPath(record));
  }

  recordPath(record: Pick<RunRecord, 'dagId' | 'partition' | 'runId'>): string {
    assertSafeSegment(record.runId, 'run id');
    assertSafeSegment(record.partition, 'partition key');
    return join(this.dagDir(record.dagId), record.partition, `${record.runId}.json`);
  }

  async write(record: RunRecord): Promise<void> {
    const path = this.recordPath(record);
    await createAtomicWriter(this.dataRoot).writeFile(path, toJsonText(record));
  }

  /** One run at a time per partition; throws PartitionBusyError while another live run holds it. */
  acquire(dagId: string, partition: string, runId: string): Promise<PartitionLock> {
    return acquirePartitionLock(this.dataRoot, dagId, partition, runId);
  }

  private dagDir(dagId: string): string {
    assertSafeSegment(dagId, 'dag id');
    return join(this.dataRoot, '_pipewright', 'runs', dagId);
  }
}

async function readRecord(path: string): Promise<RunRecord> {
  return parseRunRecord(await readFile(path, 'utf8'), path);
}

async function listDirs(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((e) => e.isDirectory()).map((e) => e.name);
}

async function listFiles(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((e) => e.isFile()).map((e) => e.name);
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
