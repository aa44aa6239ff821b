// The run ledger on the local filesystem, inside the data root:
// `_pipewright/runs/<dag_id>/<partition>/<run_id>.json`, one small file per run
// written atomically. Concurrent runs write different files, so they cannot
// corrupt each other; a run's own rewrites replace its file in one rename.
// Each write also updates the pipeline's index (fs-ledger-index.ts), checked on
// every read against each partition's stamp (its folder's mtime, its latest
// record's mtime and size): the index answers `plan` in one read and names the
// records `history` reads; the records stay the truth.

import { readFileSync, type Stats, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { toJsonText } from '../json.js';
import { mapLimited } from '../map-limited.js';
import { createAtomicWriter, isTempName } from './atomic.js';
import { isCode } from './errno.js';
import { indexDir, readIndex, updateIndex } from './fs-ledger-index.js';
import { compareRuns, type LockingLedger, type RunRecord, type RunSummary } from './ledger.js';
import {
  emptyIndex,
  entryAfterWrite,
  entryFor,
  type IndexEntry,
  settledSummaries,
  withEntries,
} from './ledger-index.js';
import { acquirePartitionLock, type PartitionLock, readLockHolder } from './lock.js';
import { assertSafeSegment, relativeToRoot } from './paths.js';
import { isProcessAlive } from './pid.js';
import { parseRunRecord } from './record-file.js';

/** Reads at most this many record files at once, so a long history does not exhaust file handles. */
const READ_CONCURRENCY = 32;

export interface FsLedgerOptions {
  /** False: records only, no index, as pipewright wrote them before it had one (benchmarks and tests). */
  index?: boolean;
}

export class FsLedger implements LockingLedger {
  readonly dataRoot: string;
  /** Whether it keeps the index (FsLedgerOptions.index). */
  readonly indexed: boolean;

  constructor(dataRoot: string, options: FsLedgerOptions = {}) {
    this.dataRoot = resolve(dataRoot);
    this.indexed = options.index ?? true;
  }

  /** The latest run of every partition that has one (by sequence, startedAt, then runId). */
  async latestRuns(dagId: string): Promise<Map<string, RunRecord>> {
    const entries = await this.entries(dagId);
    const dir = this.dagDir(dagId);
    const latest = await mapLimited(entries, READ_CONCURRENCY, async (entry) => {
      const run = await readRecord(join(dir, entry.partition, `${entry.runId}.json`)).catch(async (error) => {
        // Replaced since the index was checked (a run just started): read the partition again.
        if (!isCode(error, 'ENOENT')) throw error;
        return (await this.runs(dagId, entry.partition)).at(-1);
      });
      return run && ([entry.partition, await this.settle(run)] as const);
    });
    return new Map(latest.filter((pair) => pair !== undefined));
  }

  /** `latestRuns` without tasks, checks and files: from the index, reading only partitions it does not know. */
  async latestSummaries(dagId: string): Promise<Map<string, RunSummary>> {
    return await settledSummaries(dagId, await this.entries(dagId), (running) => this.settle(running));
  }

  /**
   * The index entry of every partition that has runs, each checked against its
   * stamp (partition folder and latest record, see `stamp`); partitions the index
   * does not know or knows stale are read and saved back. `folderOnly`: for a
   * caller that reads every record anyway and needs only their names.
   */
  private async entries(dagId: string, folderOnly = false): Promise<IndexEntry[]> {
    const dir = this.dagDir(dagId);
    // Unreadable (a file where its folder should be, no permission): as good as missing, the records say it all.
    const [partitions, index] = await Promise.all([
      listDirs(dir),
      this.indexed
        ? readIndex(this.indexDir(dagId), dagId).then(
            (read) => read.index,
            () => emptyIndex(dagId),
          )
        : undefined,
    ]);
    const known = new Map(index?.partitions.map((e) => [e.partition, e]));
    const fresh: IndexEntry[] = [];
    const stale: string[] = [];
    for (const partition of partitions) {
      const entry = known.get(partition);
      // Concatenated, not joined: `dir` is already normal, and a plan checks thousands of these.
      const path = `${dir}/${partition}`;
      const current = entry && (folderOnly ? folderStamp(path) : currentStamp(path, entry.runId));
      if (entry && current !== undefined && (folderOnly ? entry.stamp.startsWith(current) : entry.stamp === current)) {
        fresh.push(entry);
      } else stale.push(partition);
    }
    const reread = await mapLimited(stale, READ_CONCURRENCY, (partition) => this.readPartition(dagId, partition));
    const found = reread.filter((e) => e !== undefined);
    const listed = new Set(partitions);
    const gone = new Set([...known.keys()].filter((key) => !listed.has(key)));
    if (index && (found.length > 0 || gone.size > 0)) {
      await this.saveIndex(dagId, (current) => withEntries(current, found, gone));
    }
    return [...fresh, ...found].sort((a, b) => (a.partition < b.partition ? -1 : 1));
  }

  /** A partition's index entry from its records; undefined when it has none. */
  private async readPartition(dagId: string, partition: string): Promise<IndexEntry | undefined> {
    const dir = join(this.dagDir(dagId), partition);
    // Stats before reads: a record changed during the read leaves the entry stale, never wrongly fresh.
    const folder = statOf(dir);
    if (!folder) return undefined;
    const names = await recordNames(dir);
    const files = new Map(names.map((runId) => [runId, statOf(join(dir, `${runId}.json`))]));
    const runs = await this.runs(dagId, partition);
    const latest = runs.at(-1);
    return latest && entryFor(partition, stamp(folder, files.get(latest.runId)), runs);
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
  private async settle<T extends RunSummary>(record: T): Promise<T> {
    if (record.state !== 'running') return record;
    const holder = await readLockHolder(this.dataRoot, record.dagId, record.partition);
    const stillRunning = holder?.runId === record.runId && (holder.host !== hostname() || isProcessAlive(holder.pid));
    return stillRunning ? record : { ...record, state: 'failed', abandoned: true };
  }

  /** All runs of one partition, oldest first. */
  async runs(dagId: string, partition: string): Promise<RunRecord[]> {
    assertSafeSegment(partition, 'partition key');
    const dir = join(this.dagDir(dagId), partition);
    const names = await recordNames(dir);
    const records = await mapLimited(names, READ_CONCURRENCY, (runId) => readRecord(join(dir, `${runId}.json`)));
    return records.sort(compareRuns);
  }

  /**
   * Every run of a pipeline in one pass, each partition's oldest first and its
   * latest settled. The index names each partition's records, so no folder is
   * listed; they are read synchronously: a ten-year history is tens of thousands
   * of small files, and each promise round trip through the thread pool costs
   * more than the read itself (3× the CPU, measured).
   */
  async history(dagId: string): Promise<RunRecord[]> {
    const all: RunRecord[] = [];
    for (const entry of await this.entries(dagId, true)) all.push(...(await this.historyOf(dagId, entry)));
    return all;
  }

  /**
   * `history` one partition at a time, newest partition first (the status site):
   * a long history never has to be held whole.
   */
  async eachPartition(dagId: string, visit: (runs: RunRecord[]) => void): Promise<void> {
    for (const entry of (await this.entries(dagId, true)).reverse()) {
      const runs = await this.historyOf(dagId, entry);
      if (runs.length > 0) visit(runs);
    }
  }

  /** The runs of one partition the index names, oldest first, the latest settled. */
  private async historyOf(dagId: string, entry: IndexEntry): Promise<RunRecord[]> {
    const dir = this.dagDir(dagId);
    let runs: RunRecord[];
    try {
      runs = entry.runIds.map((runId) => {
        // Concatenated, not joined: `dir` is already normal, and a history reads thousands of these.
        const path = `${dir}/${entry.partition}/${runId}.json`;
        return parseRunRecord(readFileSync(path, 'utf8'), path);
      });
    } catch (error) {
      // Removed since the index was checked: list the folder instead.
      if (!isCode(error, 'ENOENT')) throw error;
      runs = await this.runs(dagId, entry.partition);
    }
    runs.sort(compareRuns);
    const last = runs.pop();
    if (last) runs.push(await this.settle(last));
    return runs;
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
    const existed = this.indexed && statOf(path) !== undefined;
    await createAtomicWriter(this.dataRoot).writeFile(path, toJsonText(record));
    if (!this.indexed) return;
    const dir = dirname(path);
    const folder = statOf(dir);
    if (!folder) return;
    const seen = { existed, stamp: stamp(folder, statOf(path)), runIds: await recordNames(dir) };
    await this.saveIndex(record.dagId, async (index) => {
      const before = index.partitions.find((e) => e.partition === record.partition);
      // Only a partition changed behind the index's back needs its records read.
      const entry = entryAfterWrite(before, record, seen) ?? (await this.readPartition(record.dagId, record.partition));
      return entry ? withEntries(index, [entry]) : index;
    });
  }

  /**
   * The index is a cache: when it cannot be written (a read-only data root, a full
   * disk, a race lost fifty times) the records still say everything, so readers
   * carry on and the next read that can write repairs it.
   */
  private async saveIndex(dagId: string, change: Parameters<typeof updateIndex>[2]): Promise<void> {
    await updateIndex(this.indexDir(dagId), dagId, change).catch(() => {});
  }

  /** One run at a time per partition; throws PartitionBusyError while another live run holds it. */
  acquire(dagId: string, partition: string, runId: string): Promise<PartitionLock> {
    return acquirePartitionLock(this.dataRoot, dagId, partition, runId);
  }

  private dagDir(dagId: string): string {
    assertSafeSegment(dagId, 'dag id');
    return join(this.dataRoot, '_pipewright', 'runs', dagId);
  }

  private indexDir(dagId: string): string {
    assertSafeSegment(dagId, 'dag id');
    return indexDir(join(this.dataRoot, '_pipewright'), dagId);
  }
}

/** The run ids whose records a partition folder holds. */
async function recordNames(dir: string): Promise<string[]> {
  return runIdsOf(await listFiles(dir));
}

function runIdsOf(names: string[]): string[] {
  return names.filter((n) => n.endsWith('.json') && !isTempName(n)).map((n) => n.slice(0, -5));
}

/**
 * What an index entry is checked against: the partition folder's mtime, which
 * changes when a record is added, replaced (renamed over) or removed, and the
 * latest record's mtime and size, which change when it is edited in place. Stats
 * after a write are fine-grained on Linux (6.13+ multigrain timestamps), so a
 * change right after pipewright's own write still moves them.
 */
function stamp(folder: Stats, latest: Stats | undefined): string {
  return `${folder.mtimeMs} ${latest ? `${latest.mtimeMs} ${latest.size}` : '-'}`;
}

/** The folder's part of a stamp, with its separator. */
function folderStamp(dir: string): string | undefined {
  const folder = statOf(dir);
  return folder && `${folder.mtimeMs} `;
}

function currentStamp(dir: string, latestRunId: string): string | undefined {
  const folder = statOf(dir);
  return folder && stamp(folder, statOf(`${dir}/${latestRunId}.json`));
}

/** Synchronous: thousands of stats in a row cost a fraction of their promise round trips. */
function statOf(path: string): Stats | undefined {
  return statSync(path, { throwIfNoEntry: false });
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
