// A key held by one holder at a time across runners, on any ObjectStore: a small
// JSON lease object created with If-None-Match: *, renewed with If-Match on the
// etag we last wrote, and taken over only once it has expired, again with
// If-Match, so of two takers only one wins. A holder that dies (kill -9, a lost
// runner) stops renewing and its lease lapses after `ttlMs`. Expiry compares the
// lease's `expires_at` with this machine's clock: runners need synchronised clocks
// (NTP), with skew well under the ttl.

import { hostname } from 'node:os';
import { describeLeaseHolder, LeaseHeldError, type LeaseHolder, LeaseLostError, UsageError } from '../errors.js';
import { fromJsonValue, toJsonText } from '../json.js';
import { type ObjectInfo, type ObjectStore, PreconditionFailedError } from './object-store.js';

export const DEFAULT_LEASE_TTL_MS = 60_000;
export const DEFAULT_LEASE_RENEW_EVERY_MS = 20_000;

export interface LeaseOptions {
  /** Who holds it: the run id. */
  holder: string;
  /** How long the lease lasts without renewal. Default 60 s. */
  ttlMs?: number;
  /** How often it is renewed while held. Default 20 s. */
  renewEveryMs?: number;
}

/** The lease object's content (snake_case through src/json.ts). */
export interface LeaseRecord extends LeaseHolder {
  acquiredAt: string;
}

export interface Lease {
  /** The lease object's key in the store. */
  readonly key: string;
  /** The content we last wrote. */
  readonly record: LeaseRecord;
  /** Aborted (reason: LeaseLostError) when a renewal finds the lease taken over or it lapsed unrenewed. */
  readonly lost: AbortSignal;
  /** Stops renewing and removes the lease if it is still ours; safe to call twice. */
  release(): Promise<void>;
}

/** Rounds of read-then-write before giving up on a lease that keeps changing hands. */
const MAX_ROUNDS = 8;

/** Takes the lease at `key`, or throws LeaseHeldError naming the live holder and until when. */
export async function acquireLease(store: ObjectStore, key: string, options: LeaseOptions): Promise<Lease> {
  const ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  const renewEveryMs = options.renewEveryMs ?? DEFAULT_LEASE_RENEW_EVERY_MS;
  if (!(ttlMs > 0) || !(renewEveryMs > 0))
    throw new UsageError(`lease times must be positive (ttl ${ttlMs} ms, renewal every ${renewEveryMs} ms)`);
  const fresh = (acquiredAt?: string): LeaseRecord => {
    const now = Date.now();
    return {
      holder: options.holder,
      host: hostname(),
      pid: process.pid,
      acquiredAt: acquiredAt ?? new Date(now).toISOString(),
      expiresAt: new Date(now + ttlMs).toISOString(),
    };
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const record = fresh();
    try {
      const info = await writeLease(store, key, record, { ifNoneMatch: '*' });
      return holdLease(store, key, record, info, { ttlMs, renewEveryMs, fresh });
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
    const current = await readLease(store, key);
    if (!current) continue; // released meanwhile: create it again
    if (Date.parse(current.record.expiresAt) > Date.now())
      throw new LeaseHeldError(store.describe(key), current.record);
    // Timed after the expiry check: the takeover's acquired_at never precedes the old expiry.
    const takeover = fresh();
    try {
      const info = await writeLease(store, key, takeover, { ifMatch: current.etag });
      return holdLease(store, key, takeover, info, { ttlMs, renewEveryMs, fresh });
    } catch (error) {
      // Another taker (or a late renewal) won this round: look again.
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
  const last = await readLease(store, key);
  if (last) throw new LeaseHeldError(store.describe(key), last.record);
  throw new LeaseLostError(`${store.describe(key)} kept changing hands; try again`);
}

/** The lease at `key` and the etag it was read at, or undefined when there is none. */
export async function readLease(
  store: ObjectStore,
  key: string,
): Promise<{ record: LeaseRecord; etag: string } | undefined> {
  // Head first: the text read after it is this version or a newer one, so a takeover
  // with If-Match on this etag can only succeed over what we judged.
  const info = await store.head(key);
  if (!info) return undefined;
  const text = await store.readText(key);
  if (text === undefined) return undefined;
  return { record: parseLease(text, info), etag: info.etag };
}

/**
 * A lease that cannot be read (truncated by hand, another tool's file) lasts one
 * default ttl from its last write, so it cannot block a partition forever.
 */
function parseLease(text: string, info: ObjectInfo): LeaseRecord {
  try {
    const value = fromJsonValue<Partial<LeaseRecord>>(JSON.parse(text));
    if (
      typeof value.holder === 'string' &&
      typeof value.host === 'string' &&
      typeof value.pid === 'number' &&
      typeof value.expiresAt === 'string' &&
      !Number.isNaN(Date.parse(value.expiresAt))
    )
      return { ...value, acquiredAt: String(value.acquiredAt ?? '') } as LeaseRecord;
  } catch {
    // fall through
  }
  return {
    holder: 'unknown (unreadable lease)',
    host: 'unknown',
    pid: 0,
    acquiredAt: info.lastModified.toISOString(),
    expiresAt: new Date(info.lastModified.getTime() + DEFAULT_LEASE_TTL_MS).toISOString(),
  };
}

function writeLease(
  store: ObjectStore,
  key: string,
  record: LeaseRecord,
  condition: { ifNoneMatch: '*' } | { ifMatch: string },
): Promise<ObjectInfo> {
  return store.write(key, toJsonText(record), { ...condition, contentType: 'application/json' });
}

interface Timing {
  ttlMs: number;
  renewEveryMs: number;
  fresh(acquiredAt: string): LeaseRecord;
}

function holdLease(store: ObjectStore, key: string, first: LeaseRecord, info: ObjectInfo, timing: Timing): Lease {
  const where = store.describe(key);
  const controller = new AbortController();
  let record = first;
  let etag = info.etag;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let renewal: Promise<void> = Promise.resolve();

  const lose = (why: string) => {
    stopped = true;
    controller.abort(new LeaseLostError(`${where} ${why}: this run no longer holds it and must stop writing`));
  };

  const renew = async () => {
    const next = timing.fresh(record.acquiredAt);
    try {
      etag = (await writeLease(store, key, next, { ifMatch: etag })).etag;
      record = next;
    } catch (error) {
      if (error instanceof PreconditionFailedError) {
        const now = await readLease(store, key).catch(() => undefined);
        // An earlier renewal that reached the store but whose answer was lost: still ours.
        if (now && isSameHolding(now.record, record)) {
          etag = now.etag;
          record = now.record;
          return;
        }
        lose(now ? `was taken over by run ${describeLeaseHolder(now.record)}` : 'was removed by someone else');
        return;
      }
      // Transient trouble: the next renewal tries again, unless the lease has lapsed by then.
      if (Date.parse(record.expiresAt) <= Date.now())
        lose(`could not be renewed before it expired at ${record.expiresAt}`);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      renewal = renew().finally(schedule);
    }, timing.renewEveryMs);
    // A held lease alone must not keep the process alive.
    timer.unref();
  };
  schedule();

  return {
    key,
    get record() {
      return record;
    },
    lost: controller.signal,
    async release() {
      const already = stopped;
      stopped = true;
      clearTimeout(timer);
      await renewal;
      if (already || controller.signal.aborted) return;
      // Only while it is still ours and live: nobody may take over a live lease, so
      // between this look and the delete it cannot change hands.
      const current = await store.head(key);
      if (current?.etag === etag && Date.parse(record.expiresAt) > Date.now()) await store.delete(key);
    },
  };
}

function isSameHolding(a: LeaseRecord, b: LeaseRecord): boolean {
  return a.holder === b.holder && a.host === b.host && a.pid === b.pid && a.acquiredAt === b.acquiredAt;
}
