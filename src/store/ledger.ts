// The run ledger: one record per partition run. Backends (filesystem in
// src/store, git branch in #5) implement `Ledger`; `plan` only needs to read.

import type { FailureClass } from '../errors.js';

export type Trigger = 'schedule' | 'backfill' | 'manual';
export type RunState = 'running' | 'success' | 'failed' | 'deferred';
export type TaskState = 'success' | 'failed' | 'upstream_failed' | 'skipped' | 'up_for_retry' | 'deferred';

export interface TaskRecord {
  id: string;
  state: TaskState;
  attempts: number;
  durationMs: number;
  failureClass?: FailureClass;
  error?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface CheckResult {
  name: string;
  dataset: string;
  status: 'passed' | 'failed' | 'warned';
  severity: 'error' | 'warning';
  details: string;
}

export interface FileChecksum {
  /** Path relative to the data root. */
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

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
  outputs: FileChecksum[];
  /**
   * Set when read, never written: the record still said `running` but its run no
   * longer holds the partition (the process was killed), so it counts as failed.
   */
  abandoned?: boolean;
}

/** What `plan` needs: the latest run of each partition. */
export interface LedgerReader {
  latestRuns(dagId: string): Promise<Map<string, RunRecord>>;
}

export interface Ledger extends LedgerReader {
  /** All runs of one partition, oldest first. */
  runs(dagId: string, partition: string): Promise<RunRecord[]>;
  /** Writes (or rewrites) one run's record. */
  write(record: RunRecord): Promise<void>;
}

/** The ledger of a project that has never run anything. */
export const emptyLedger: LedgerReader = {
  async latestRuns() {
    return new Map();
  },
};

/** A ledger that can also hold a partition for one run (see src/store/lock.ts). */
export interface LockingLedger extends Ledger {
  /** Throws PartitionBusyError while another live run holds the partition. */
  acquire(dagId: string, partition: string, runId: string): Promise<{ release(): Promise<void> }>;
}
