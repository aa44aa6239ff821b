/** How a failed task is treated by the executor and reported in the ledger. */
export type FailureClass = 'transient' | 'data' | 'code' | 'timeout' | 'upstream';
/** Bad flags or action inputs: exit 2, one line, nothing done. */
export declare class UsageError extends Error {
    name: string;
}
/** A problem in a user's pipeline.yml, located at file:line:col. */
export declare class ContractError extends Error {
    name: string;
    readonly file?: string;
    readonly line?: number;
    readonly col?: number;
    constructor(message: string, file?: string, line?: number, col?: number);
}
/**
 * The workspace's stored state cannot be used as it is (a corrupt run record, a file
 * where pipewright keeps a folder, a read-only data root): one line naming the file
 * and the fix, exit 1. Nothing is written until it is fixed.
 */
export declare class StateError extends Error {
    name: string;
    readonly file?: string;
    constructor(message: string, file?: string);
}
/** Thrown by task code for a failure worth retrying (HTTP 503, a timeout upstream, a lock). */
export declare class TransientError extends Error {
    name: string;
}
/** Thrown by task code when the data breaks its contract: never retried, nothing published. */
export declare class DataContractError extends Error {
    name: string;
}
/** The reason an attempt's signal carries when its timeout passed. */
export declare class AttemptTimeoutError extends Error {
    name: string;
}
/** Another run holds the partition; the caller should report it busy, not failed. */
export declare class PartitionBusyError extends Error {
    name: string;
    readonly dagId: string;
    readonly partition: string;
    readonly holder: string;
    constructor(dagId: string, partition: string, holder: string);
}
/** Who holds a lease (src/store/lease.ts), for messages. */
export interface LeaseHolder {
    holder: string;
    host: string;
    pid: number;
    expiresAt: string;
}
/** A live lease is held by someone else: the caller should report it busy (exit 1), not failed. */
export declare class LeaseHeldError extends Error {
    name: string;
    /** The lease object, as the store names it. */
    readonly where: string;
    readonly current: LeaseHolder;
    constructor(where: string, current: LeaseHolder);
}
/** `run-1 (pid 42 on runner-3) until 2026-05-02T06:01:00.000Z`: who holds a lease, in one phrase. */
export declare function describeLeaseHolder(current: LeaseHolder): string;
/** A lease we held was taken over, or could not be renewed before it expired: the run must stop writing. */
export declare class LeaseLostError extends Error {
    name: string;
}
/** Classifies anything a task threw. Errors from other copies of this module are matched by name. */
export declare function classifyError(error: unknown): FailureClass;
/** One message from any thrown value, without a stack for the errors we raise on purpose. */
export declare function errorMessage(error: unknown): string;
/** True for what one line explains (mistakes, busy partitions, an unreachable service); false for bugs (shown with a stack). */
export declare function isUserError(error: unknown): boolean;
/** The CLI's exit code for a user error: 1 for state to repair (the input was fine), 2 for bad input. */
export declare function userErrorExitCode(error: unknown): 1 | 2;
/** A thrown value as plain data, to cross from a worker thread (a structured clone keeps neither class nor fields). */
export type ThrownData = {
    error: true;
    name: string;
    message: string;
    stack?: string;
    fields: Record<string, unknown>;
} | {
    error: false;
    value: string;
};
export declare function thrownData(thrown: unknown): ThrownData;
/** The error `thrownData` described, of its class again (so the edges tell a user's mistake from a bug). */
export declare function thrownFrom(data: ThrownData): unknown;
