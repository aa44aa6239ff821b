// The run ledger as objects (`state: bucket`), beside the git branch and the
// local files: one object per run at `_pipewright/runs/<dag_id>/<partition>/<run_id>.json`,
// listed by prefix. Runs write different objects, so concurrent runners never
// race the way pushes to one branch do. A partition is held by a lease at
// `_pipewright/leases/<dag_id>/<partition>.json` (lease.ts), which also tells a
// live `running` record from one whose runner died. Each write also updates the
// pipeline's index (ledger-index.ts) at `_pipewright/index/<dag_id>.json` with a
// conditional put: `plan` then lists the records once and reads one object, not
// one per partition. Each entry is checked against the listing (the partition's
// run ids and the latest record's ETag), so records written without it are read.

import { LeaseHeldError, PartitionBusyError } from '../errors.js';
import { toJsonText } from '../json.js';
import { mapLimited } from '../map-limited.js';
import { acquireLease, type Lease, readLease } from './lease.js';
import { compareRuns, type LockingLedger, type RunRecord, type RunSummary } from './ledger.js';
import {
  entryAfterWrite,
  entryFor,
  type IndexEntry,
  indexText,
  type LedgerIndex,
  parseIndex,
  sameMembers,
  settledSummaries,
  withEntries,
} from './ledger-index.js';
import { type ObjectInfo, type ObjectStore, PreconditionFailedError } from './object-store.js';
import { assertSafeSegment, STATE_DIR } from './paths.js';
import { parseRunRecord } from './record-file.js';

/** Reads at most this many record objects at once. */
const READ_CONCURRENCY = 32;
/** Listings of one pipeline's records run at once, each over a range of its partitions. */
const LIST_RANGES = 16;
/** Fewer records than this a listing per range does not pay for (a page holds a thousand keys). */
const RANGE_FROM_PARTITIONS = 400;
/** Conditional puts of the index lost in a row before an update gives up (the records stay the truth). */
const MAX_INDEX_ATTEMPTS = 20;

export interface BucketLedgerOptions {
  /** How long a partition's lease lasts unrenewed (default 60 s). */
  leaseTtlMs?: number;
  /** How often a held lease is renewed (default 20 s). */
  leaseRenewEveryMs?: number;
}

/** A partition held by one run; `lost` aborts when the lease was taken over. */
export interface PartitionLease {
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

export class BucketLedger implements LockingLedger {
  readonly store: ObjectStore;
  private readonly options: BucketLedgerOptions;

  constructor(store: ObjectStore, options: BucketLedgerOptions = {}) {
    this.store = store;
    this.options = options;
  }

  /** The latest run of every partition that has one: the record the index names, one read each. */
  async latestRuns(dagId: string): Promise<Map<string, RunRecord>> {
    const entries = await this.entries(dagId);
    const latest = await mapLimited(entries, READ_CONCURRENCY, async (entry) => {
      const key = this.recordKey({ dagId, partition: entry.partition, runId: entry.runId });
      // Removed since the listing (a partition cleaned up): read what the partition holds now.
      const run = (await this.readRecord(key)) ?? (await this.runs(dagId, entry.partition)).at(-1);
      return run && ([entry.partition, await this.settle(run)] as const);
    });
    return new Map(latest.filter((pair) => pair !== undefined));
  }

  /** `latestRuns` without tasks, checks and files: from the index, reading only partitions it does not know. */
  async latestSummaries(dagId: string): Promise<Map<string, RunSummary>> {
    return await settledSummaries(dagId, await this.entries(dagId), (running) => this.settle(running));
  }

  /**
   * The index entry of every partition that has runs, each checked against the
   * listing; partitions the index does not know or knows stale are read and saved back.
   */
  private async entries(dagId: string): Promise<IndexEntry[]> {
    const text = await this.store.readText(this.indexKey(dagId));
    const index = parseIndex(text, dagId);
    // The partitions the index knows split the listing into ranges listed at once.
    const listing = await this.recordObjects(dagId, rangeStarts(index.partitions.map((e) => e.partition)));
    const known = new Map(index.partitions.map((e) => [e.partition, e]));
    const fresh: IndexEntry[] = [];
    const stale: ObjectInfo[][] = [];
    for (const [partition, objects] of listing) {
      const entry = known.get(partition);
      if (entry && isCurrent(entry, objects)) fresh.push(entry);
      else stale.push(objects);
    }
    const reread = await mapLimited(stale, READ_CONCURRENCY, (objects) => this.partitionEntry(objects));
    const found = reread.filter((e) => e !== undefined);
    const gone = new Set([...known.keys()].filter((key) => !listing.has(key)));
    if (found.length > 0 || gone.size > 0) {
      await this.updateIndex(dagId, (current) => withEntries(current, found, gone));
    }
    return [...fresh, ...found].sort((a, b) => (a.partition < b.partition ? -1 : 1));
  }

  /** A partition's entry from its record objects (as listed: a record rewritten since leaves it stale, never wrongly current). */
  private async partitionEntry(objects: ObjectInfo[]): Promise<IndexEntry | undefined> {
    const runs = (await Promise.all(objects.map((o) => this.readRecord(o.key))))
      .filter((r): r is RunRecord => r !== undefined)
      .sort(compareRuns);
    const latest = runs.at(-1);
    if (!latest) return undefined;
    return entryFor(latest.partition, etagOf(objects, latest.runId) ?? '-', runs);
  }

  /**
   * Applies `change` to the current index and puts the result only if nobody put
   * another meanwhile (If-Match, or If-None-Match for the first); when someone did,
   * applies it again to theirs. The index is a cache: when it cannot be written
   * (no permission, an endpoint that refuses), reads fall back to the records.
   */
  private async updateIndex(dagId: string, change: (index: LedgerIndex) => Promise<LedgerIndex> | LedgerIndex) {
    const key = this.indexKey(dagId);
    try {
      for (let attempt = 1; attempt <= MAX_INDEX_ATTEMPTS; attempt++) {
        const current = await this.store.head(key);
        const text = current ? await this.store.readText(key) : undefined;
        const next = await change(parseIndex(text, dagId));
        try {
          await this.store.write(key, indexText(next), {
            contentType: 'application/json',
            ...(current ? { ifMatch: current.etag } : { ifNoneMatch: '*' }),
          });
          return;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
        }
      }
    } catch {
      // The next read sees the stale entries and reads those partitions' records.
    }
  }

  async latestRun(dagId: string, partition: string): Promise<RunRecord | undefined> {
    const last = (await this.runs(dagId, partition)).at(-1);
    return last && (await this.settle(last));
  }

  /** All runs of one partition, oldest first. */
  async runs(dagId: string, partition: string): Promise<RunRecord[]> {
    const keys = (await this.partitionObjects(dagId, partition)).map((o) => o.key);
    const records = await mapLimited(keys, READ_CONCURRENCY, (key) => this.readRecord(key));
    return records.filter((r): r is RunRecord => r !== undefined).sort(compareRuns);
  }

  /** Every run of a pipeline, each partition's oldest first and its latest settled. */
  async history(dagId: string): Promise<RunRecord[]> {
    const byPartition = await this.recordKeys(dagId);
    return (await mapLimited([...byPartition.values()], READ_CONCURRENCY, (keys) => this.historyOf(keys))).flat();
  }

  /**
   * `history` one partition at a time, newest partition first (the status site):
   * a long history never has to be held whole.
   */
  async eachPartition(dagId: string, visit: (runs: RunRecord[]) => void): Promise<void> {
    const byPartition = await this.recordKeys(dagId);
    const newestFirst = [...byPartition.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    // Read a batch of partitions at once, handed over in order.
    for (let i = 0; i < newestFirst.length; i += READ_CONCURRENCY) {
      const batch = newestFirst.slice(i, i + READ_CONCURRENCY).map((partition) => byPartition.get(partition)!);
      for (const runs of await mapLimited(batch, READ_CONCURRENCY, (keys) => this.historyOf(keys))) {
        if (runs.length > 0) visit(runs);
      }
    }
  }

  /** One partition's runs (its record keys), oldest first, the latest settled. */
  private async historyOf(keys: string[]): Promise<RunRecord[]> {
    const runs = (await Promise.all(keys.map((key) => this.readRecord(key))))
      .filter((r): r is RunRecord => r !== undefined)
      .sort(compareRuns);
    const last = runs.pop();
    return last ? [...runs, await this.settle(last)] : [];
  }

  /** The key of the object that holds one run's record. */
  recordKey(record: Pick<RunRecord, 'dagId' | 'partition' | 'runId'>): string {
    assertSafeSegment(record.runId, 'run id');
    return `${this.partitionPrefix(record.dagId, record.partition)}/${record.runId}.json`;
  }

  /** The key of a partition's lease. */
  leaseKey(dagId: string, partition: string): string {
    assertSafeSegment(dagId, 'dag id');
    assertSafeSegment(partition, 'partition key');
    return `${STATE_DIR}/leases/${dagId}/${partition}.json`;
  }

  async write(record: RunRecord): Promise<void> {
    await this.store.write(this.recordKey(record), toJsonText(record), { contentType: 'application/json' });
    await this.updateIndex(record.dagId, async (index) => {
      const before = index.partitions.find((e) => e.partition === record.partition);
      const objects = await this.partitionObjects(record.dagId, record.partition);
      const seen = {
        existed: before?.runIds.includes(record.runId) ?? false,
        runIds: objects.map((o) => runIdOf(o.key)),
        stamp: etagOf(objects, record.runId) ?? '-',
      };
      // Only a partition changed behind the index's back needs its records read.
      const entry = entryAfterWrite(before, record, seen) ?? (await this.partitionEntry(objects));
      return entry ? withEntries(index, [entry]) : index;
    });
  }

  /** One run at a time per partition; throws PartitionBusyError while another run's lease is live. */
  async acquire(dagId: string, partition: string, runId: string): Promise<PartitionLease> {
    assertSafeSegment(runId, 'run id');
    const key = this.leaseKey(dagId, partition);
    let lease: Lease;
    try {
      lease = await acquireLease(this.store, key, {
        holder: runId,
        ttlMs: this.options.leaseTtlMs,
        renewEveryMs: this.options.leaseRenewEveryMs,
      });
    } catch (error) {
      if (error instanceof LeaseHeldError) {
        const { current } = error;
        throw new PartitionBusyError(
          dagId,
          partition,
          `${current.holder} (pid ${current.pid} on ${current.host}, lease until ${current.expiresAt})`,
        );
      }
      throw error;
    }
    return { lost: lease.lost, release: () => lease.release() };
  }

  /**
   * A `running` record whose run no longer holds a live lease on the partition was
   * killed before it could record its end: it counts as failed, so the next tick
   * runs the partition again instead of waiting forever.
   */
  private async settle<T extends RunSummary>(record: T): Promise<T> {
    if (record.state !== 'running') return record;
    const lease = await readLease(this.store, this.leaseKey(record.dagId, record.partition));
    const live = lease?.record.holder === record.runId && Date.parse(lease.record.expiresAt) > Date.now();
    return live ? record : { ...record, state: 'failed', abandoned: true };
  }

  /** Record keys of every partition of a pipeline, grouped by partition, in one listing. */
  private async recordKeys(dagId: string): Promise<Map<string, string[]>> {
    const byPartition = new Map<string, string[]>();
    for (const [partition, objects] of await this.recordObjects(dagId))
      byPartition.set(
        partition,
        objects.map((o) => o.key),
      );
    return byPartition;
  }

  /** The record objects of one partition, in one listing. */
  private async partitionObjects(dagId: string, partition: string): Promise<ObjectInfo[]> {
    const prefix = `${this.partitionPrefix(dagId, partition)}/`;
    const objects: ObjectInfo[] = [];
    for await (const info of this.store.list(prefix))
      if (isRecordKey(info.key.slice(prefix.length))) objects.push(info);
    return objects;
  }

  /**
   * Record objects of every partition of a pipeline, grouped by partition: one listing,
   * or, given partition keys that start ranges, one listing per range, all at once (a page
   * of a listing is a round trip: 20,000 records are 20 of them one after another).
   */
  private async recordObjects(dagId: string, starts: string[] = []): Promise<Map<string, ObjectInfo[]>> {
    const prefix = `${this.dagPrefix(dagId)}/`;
    const bounds = starts.map((partition) => `${prefix}${partition}`);
    const ranges = await Promise.all(
      [undefined, ...bounds].map(async (from, i) => {
        const to = bounds[i];
        const found: ObjectInfo[] = [];
        // A range starts just before its first partition's keys (`<prefix><partition>/…`) and ends before the next's.
        for await (const info of this.store.list(prefix, from === undefined ? {} : { startAfter: from })) {
          if (to !== undefined && info.key >= to) break;
          found.push(info);
        }
        return found;
      }),
    );
    const byPartition = new Map<string, ObjectInfo[]>();
    for (const info of ranges.flat()) {
      const [partition, name, ...rest] = info.key.slice(prefix.length).split('/');
      if (partition === undefined || name === undefined || rest.length > 0 || !isRecordKey(name)) continue;
      const objects = byPartition.get(partition) ?? [];
      objects.push(info);
      byPartition.set(partition, objects);
    }
    return byPartition;
  }

  private indexKey(dagId: string): string {
    assertSafeSegment(dagId, 'dag id');
    return `${STATE_DIR}/index/${dagId}.json`;
  }

  /** The record, or undefined when it was removed between the listing and the read. */
  private async readRecord(key: string): Promise<RunRecord | undefined> {
    const text = await this.store.readText(key);
    return text === undefined ? undefined : parseRunRecord(text, this.store.describe(key));
  }

  private dagPrefix(dagId: string): string {
    assertSafeSegment(dagId, 'dag id');
    return `${STATE_DIR}/runs/${dagId}`;
  }

  private partitionPrefix(dagId: string, partition: string): string {
    assertSafeSegment(partition, 'partition key');
    return `${this.dagPrefix(dagId)}/${partition}`;
  }
}

function isRecordKey(name: string): boolean {
  return name.endsWith('.json') && !name.includes('/');
}

function runIdOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1, -'.json'.length);
}

/** The ETag of run `runId`'s record among a partition's listed objects. */
function etagOf(objects: readonly ObjectInfo[], runId: string): string | undefined {
  return objects.find((o) => runIdOf(o.key) === runId)?.etag;
}

/** The entry still says what the partition holds: the same runs, and its latest record unchanged. */
function isCurrent(entry: IndexEntry, objects: readonly ObjectInfo[]): boolean {
  return (
    etagOf(objects, entry.runId) === entry.stamp &&
    sameMembers(
      entry.runIds,
      objects.map((o) => runIdOf(o.key)),
    )
  );
}

/**
 * Partition keys that start the ranges of a split listing: every n-th of `known` in key
 * order, so each range holds about as many partitions (none: list them in one go).
 */
function rangeStarts(known: string[]): string[] {
  if (known.length < RANGE_FROM_PARTITIONS) return [];
  const sorted = [...known].sort();
  const step = Math.ceil(sorted.length / LIST_RANGES);
  const starts: string[] = [];
  for (let i = step; i < sorted.length; i += step) starts.push(sorted[i] as string);
  return starts;
}
