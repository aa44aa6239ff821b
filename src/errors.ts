// Every error pipewright raises on purpose lives here. The edges (CLI, actions)
// map them to exit codes, annotations and failure classes; anything else is a bug.

/** How a failed task is treated by the executor and reported in the ledger. */
export type FailureClass = 'transient' | 'data' | 'code' | 'timeout' | 'upstream';

/** Bad flags or action inputs: exit 2, one line, nothing done. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem in a user's pipeline.yml, located at file:line:col. */
export class ContractError extends Error {
  override name = 'ContractError';
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  constructor(message: string, file?: string, line?: number, col?: number) {
    super(message);
    this.file = file;
    this.line = line;
    this.col = col;
  }
}

/**
 * The workspace's stored state cannot be used as it is (a corrupt run record, a file
 * where pipewright keeps a folder, a read-only data root): one line naming the file
 * and the fix, exit 1. Nothing is written until it is fixed.
 */
export class StateError extends Error {
  override name = 'StateError';
  readonly file?: string;
  constructor(message: string, file?: string) {
    super(message);
    this.file = file;
  }
}

/** Thrown by task code for a failure worth retrying (HTTP 503, a timeout upstream, a lock). */
export class TransientError extends Error {
  override name = 'TransientError';
}

/** Thrown by task code when the data breaks its contract: never retried, nothing published. */
export class DataContractError extends Error {
  override name = 'DataContractError';
}

/** The reason an attempt's signal carries when its timeout passed. */
export class AttemptTimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Another run holds the partition; the caller should report it busy, not failed. */
export class PartitionBusyError extends Error {
  override name = 'PartitionBusyError';
  readonly dagId: string;
  readonly partition: string;
  readonly holder: string;
  constructor(dagId: string, partition: string, holder: string) {
    super(`partition ${dagId}/${partition} is busy: run ${holder} holds it`);
    this.dagId = dagId;
    this.partition = partition;
    this.holder = holder;
  }
}

/** Who holds a lease (src/store/lease.ts), for messages. */
export interface LeaseHolder {
  holder: string;
  host: string;
  pid: number;
  expiresAt: string;
}

/** A live lease is held by someone else: the caller should report it busy (exit 1), not failed. */
export class LeaseHeldError extends Error {
  override name = 'LeaseHeldError';
  /** The lease object, as the store names it. */
  readonly where: string;
  readonly current: LeaseHolder;
  constructor(where: string, current: LeaseHolder) {
    super(`${where} is held by run ${describeLeaseHolder(current)}`);
    this.where = where;
    this.current = current;
  }
}

/** `run-1 (pid 42 on runner-3) until 2026-05-02T06:01:00.000Z`: who holds a lease, in one phrase. */
export function describeLeaseHolder(current: LeaseHolder): string {
  return `${current.holder} (pid ${current.pid} on ${current.host}) until ${current.expiresAt}`;
}

/** A lease we held was taken over, or could not be renewed before it expired: the run must stop writing. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

/** Classifies anything a task threw. Errors from other copies of this module are matched by name. */
export function classifyError(error: unknown): FailureClass {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TransientError') return 'transient';
  if (name === 'DataContractError') return 'data';
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  return 'code';
}

/** One message from any thrown value, without a stack for the errors we raise on purpose. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** True for what one line explains (mistakes, busy partitions, an unreachable service); false for bugs (shown with a stack). */
export function isUserError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof ContractError ||
    error instanceof PartitionBusyError ||
    error instanceof LeaseHeldError ||
    error instanceof StateError ||
    // Outside a task (a bucket unreachable at start): the network, not a bug; its message says what to check.
    error instanceof TransientError
  );
}

/** The CLI's exit code for a user error: 1 for state to repair (the input was fine), 2 for bad input. */
export function userErrorExitCode(error: unknown): 1 | 2 {
  return error instanceof StateError || error instanceof LeaseHeldError || error instanceof TransientError ? 1 : 2;
}

/** A thrown value as plain data, to cross from a worker thread (a structured clone keeps neither class nor fields). */
export type ThrownData =
  | { error: true; name: string; message: string; stack?: string; fields: Record<string, unknown> }
  | { error: false; value: string };

const THROWN_CLASSES: Record<string, { prototype: Error }> = {
  UsageError,
  ContractError,
  StateError,
  TransientError,
  DataContractError,
  TimeoutError: AttemptTimeoutError,
  PartitionBusyError,
  LeaseHeldError,
  LeaseLostError,
};

export function thrownData(thrown: unknown): ThrownData {
  if (!(thrown instanceof Error)) return { error: false, value: String(thrown) };
  // Own data fields (a path, an errno code, a holder): what the edges read besides the message.
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(thrown)) {
    if (typeof value !== 'function' && typeof value !== 'symbol') fields[key] = value;
  }
  return { error: true, name: thrown.name, message: thrown.message, stack: thrown.stack, fields };
}

/** The error `thrownData` described, of its class again (so the edges tell a user's mistake from a bug). */
export function thrownFrom(data: ThrownData): unknown {
  if (!data.error) return data.value;
  const error = Object.create((THROWN_CLASSES[data.name] ?? Error).prototype) as Error;
  return Object.assign(error, data.fields, { name: data.name, message: data.message, stack: data.stack });
}
