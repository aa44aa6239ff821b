// The run ledger: one record per partition run. Backends (the filesystem in
// fs-ledger.ts, a git state branch in git-ledger.ts) implement `Ledger`; `plan`
// only needs to read, and only a summary of each partition's latest run.

import type { FailureClass } from '../errors.js';

export type Trigger = 'schedule' | 'backfill' | 'manual' | 'rollback';
export type RunState = 'running' | 'success' | 'failed' | 'deferred';
export type TaskState = 'success' | 'failed' | 'upstream_failed' | 'skipped' | 'up_for_retry' | 'deferred';

/** A file a task's successful attempt committed in the run's staging folder. */
export interface TaskOutputRecord {
  /** The contract output's name. */
  name: string;
  /** The staged file, relative to the data root. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface TaskRecord {
  id: string;
  state: TaskState;
  attempts: number;
  durationMs: number;
  failureClass?: FailureClass;
  error?: string;
  startedAt?: string;
  endedAt?: string;
  /** What the task committed (staged), so a resumed run can reuse it. */
  outputs?: TaskOutputRecord[];
  /** Metrics the task returned, kept per task so a resumed run can reuse them. */
  metrics?: Record<string, number | string>;
  /** Set when a resumed run reused this task's staged outputs instead of running it: the run it came from. */
  reusedFrom?: string;
}

export interface CheckResult {
  name: string;
  dataset: string;
  status: 'passed' | 'failed' | 'warned';
  severity: 'error' | 'warning';
  details: string;
  /** The checks task that ran it. */
  taskId?: string;
}

export interface FileChecksum {
  /** Path relative to the data root. */
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** Inputs only: the modification time, so `changed` can skip hashing an untouched file. */
  mtimeMs?: number;
}

/**
 * What a run did to what readers see: `published` its outputs became live;
 * `staged` it failed or deferred, so its outputs stay in staging and the live
 * version is unchanged; `rolled_back` an earlier version was made live again;
 * `none` nothing was written.
 */
export type Publication = 'published' | 'staged' | 'rolled_back' | 'none';

export interface RunRecord {
  dagId: string;
  partition: string;
  runId: string;
  trigger: Trigger;
  reason: string;
  codeVersion?: string;
  state: RunState;
  startedAt: string;
  endedAt?: string;
  dataIntervalStart: string;
  dataIntervalEnd: string;
  tasks: TaskRecord[];
  checks: CheckResult[];
  metrics: Record<string, number | string>;
  inputs: FileChecksum[];
  /** The outputs this run published (live paths); empty when it published nothing. */
  outputs: FileChecksum[];
  publication?: Publication;
  /** The run whose outputs are live once this run ended (this run, when it published). */
  liveVersion?: string;
  /** Where the run's staged outputs stay for inspection when it did not publish (relative to the data root). */
  stagingDir?: string;
  /** Why the planner (or a person) ran this partition: missing, failed, reprocess, changed, resume, manual. */
  planReason?: string;
  /** For a rerun of a completed partition: what differed from the live version. */
  changes?: string[];
  /** Rollback records: the partition is pinned to its live version until unpinned or reprocessed. */
  pinned?: boolean;
  /**
   * The run's place among the partition's runs (1, 2, ...), taken while it holds
   * the partition: unlike a start time, it cannot go backwards when a clock is wrong.
   */
  sequence?: number;
  /**
   * Set when read, never written: the record still said `running` but its run no
   * longer holds the partition (the process was killed), so it counts as failed.
   */
  abandoned?: boolean;
}

/** What orders a partition's runs. */
export type RunOrder = Pick<RunRecord, 'sequence' | 'startedAt' | 'runId'>;

/**
 * Oldest first: by sequence when both runs have one (a clock that jumped cannot
 * reorder them), else by startedAt (ISO, UTC), then runId.
 */
export function compareRuns(a: RunOrder, b: RunOrder): number {
  if (a.sequence !== undefined && b.sequence !== undefined && a.sequence !== b.sequence) {
    return a.sequence - b.sequence;
  }
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? -1 : 1;
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}

/** The sequence the next run of a partition takes, given its runs so far. */
export function nextSequence(runs: RunRecord[]): number {
  return runs.reduce((max, r) => Math.max(max, r.sequence ?? 0), runs.length) + 1;
}

/**
 * What `plan` decides from: the latest run of a partition without its tasks,
 * checks, metrics and files, so a backend can keep it in an index (see ledger-index.ts).
 */
export type RunSummary = Pick<
  RunRecord,
  'dagId' | 'partition' | 'runId' | 'state' | 'startedAt' | 'endedAt' | 'sequence' | 'pinned' | 'abandoned'
>;

export function summarize(record: RunSummary): RunSummary {
  const { dagId, partition, runId, state, startedAt, endedAt, sequence, pinned, abandoned } = record;
  return { dagId, partition, runId, state, startedAt, endedAt, sequence, pinned, abandoned };
}

/** What `plan` needs: the latest run of each partition. */
export interface LedgerReader {
  latestRuns(dagId: string): Promise<Map<string, RunRecord>>;
  /**
   * The latest run of each partition, summarised; backends with an index answer
   * it from one read. Optional: `latestSummaries()` derives it from `latestRuns`.
   */
  latestSummaries?(dagId: string): Promise<Map<string, RunSummary>>;
}

/** The latest run of each partition, summarised, from the ledger's index when it keeps one. */
export async function latestSummaries(ledger: LedgerReader, dagId: string): Promise<Map<string, RunSummary>> {
  if (ledger.latestSummaries) return await ledger.latestSummaries(dagId);
  return new Map([...(await ledger.latestRuns(dagId))].map(([key, run]) => [key, summarize(run)]));
}

export interface Ledger extends LedgerReader {
  /** All runs of one partition, oldest first. */
  runs(dagId: string, partition: string): Promise<RunRecord[]>;
  /** Writes (or rewrites) one run's record. */
  write(record: RunRecord): Promise<void>;
}

/** A ledger that can also hold a partition for one run (see src/store/lock.ts). */
/** A partition held by one run. */
export interface PartitionHold {
  /** Aborted when the hold was lost (a bucket lease taken over or lapsed): the run must not publish. */
  readonly lost?: AbortSignal;
  release(): Promise<void>;
}

export interface LockingLedger extends Ledger {
  /** The latest run of one partition, as `latestRuns` would give it (a killed run reads as failed). */
  latestRun(dagId: string, partition: string): Promise<RunRecord | undefined>;
  /** Throws PartitionBusyError while another live run holds the partition. */
  acquire(dagId: string, partition: string, runId: string): Promise<PartitionHold>;
  /** Where the record lives, as a key of the data root that holds this ledger. */
  recordKey(record: Pick<RunRecord, 'dagId' | 'partition' | 'runId'>): string;
}
