// The run ledger as objects (`state: bucket`), beside the git branch and the
// local files: one object per run at `_pipewright/runs/<dag_id>/<partition>/<run_id>.json`,
// listed by prefix. Runs write different objects, so concurrent runners never
// race the way pushes to one branch do. A partition is held by a lease at
// `_pipewright/leases/<dag_id>/<partition>.json` (lease.ts), which also tells a
// live `running` record from one whose runner died.

import { LeaseHeldError, PartitionBusyError } from '../errors.js';
import { toJsonText } from '../json.js';
import { mapLimited } from '../map-limited.js';
import { acquireLease, type Lease, readLease } from './lease.js';
import { compareRuns, type LockingLedger, type RunRecord } from './ledger.js';
import type { ObjectStore } from './object-store.js';
import { assertSafeSegment, STATE_DIR } from './paths.js';
import { parseRunRecord } from './record-file.js';

/** Reads at most this many record objects at once. */
const READ_CONCURRENCY = 32;

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

  /** The latest run of every partition that has one. */
  async latestRuns(dagId: string): Promise<Map<string, RunRecord>> {
    const latest = new Map<string, RunRecord>();
    const byPartition = await this.recordKeys(dagId);
    const settled = await mapLimited([...byPartition.keys()], READ_CONCURRENCY, async (partition) => {
      const last = (await this.runs(dagId, partition)).at(-1);
      return [partition, last && (await this.settle(last))] as const;
    });
    for (const [partition, record] of settled) if (record) latest.set(partition, record);
    return latest;
  }

  async latestRun(dagId: string, partition: string): Promise<RunRecord | undefined> {
    const last = (await this.runs(dagId, partition)).at(-1);
    return last && (await this.settle(last));
  }

  /** All runs of one partition, oldest first. */
  async runs(dagId: string, partition: string): Promise<RunRecord[]> {
    const prefix = `${this.partitionPrefix(dagId, partition)}/`;
    const keys: string[] = [];
    for await (const info of this.store.list(prefix))
      if (isRecordKey(info.key.slice(prefix.length))) keys.push(info.key);
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
  private async settle(record: RunRecord): Promise<RunRecord> {
    if (record.state !== 'running') return record;
    const lease = await readLease(this.store, this.leaseKey(record.dagId, record.partition));
    const live = lease?.record.holder === record.runId && Date.parse(lease.record.expiresAt) > Date.now();
    return live ? record : { ...record, state: 'failed', abandoned: true };
  }

  /** Record keys of every partition of a pipeline, grouped by partition, in one listing. */
  private async recordKeys(dagId: string): Promise<Map<string, string[]>> {
    const prefix = `${this.dagPrefix(dagId)}/`;
    const byPartition = new Map<string, string[]>();
    for await (const info of this.store.list(prefix)) {
      const [partition, name, ...rest] = info.key.slice(prefix.length).split('/');
      if (partition === undefined || name === undefined || rest.length > 0 || !isRecordKey(name)) continue;
      const keys = byPartition.get(partition) ?? [];
      keys.push(info.key);
      byPartition.set(partition, keys);
    }
    return byPartition;
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
