// A data root is a folder or an S3-compatible bucket (`s3://bucket/prefix`). The
// bucket code (and the AWS SDK behind it) loads only when a bucket is named, so
// the filesystem CLI starts as fast as before. A bucket is checked before any
// task runs: it exists, the credentials reach it in its region, and its endpoint
// honours the conditional writes that leases and the manifest-last publish need.
import { parseDuration } from '../contract/duration.js';
import { UsageError } from '../errors.js';
import { FsLedger } from './fs-ledger.js';
import { FsObjectStore } from './fs-store.js';
import { DEFAULT_LEASE_RENEW_EVERY_MS, DEFAULT_LEASE_TTL_MS } from './lease.js';
import type { LockingLedger } from './ledger.js';
import type { ObjectStore } from './object-store.js';

/** True for `s3://…` (any case of the scheme). */
export function isBucketRoot(dataRoot: string): boolean {
  return /^s3:\/\//i.test(dataRoot);
}

/** Buckets opened (and checked) by this process, for writing and for reading: lineage reads an upstream's manifests per partition. */
const buckets = new Map<string, Promise<ObjectStore>>();

/** The store of a data root; a bucket is checked (HeadBucket, conditional-write probe) once per process. */
export async function openDataRoot(dataRoot: string): Promise<ObjectStore> {
  return await opened(dataRoot, true);
}

/**
 * The store of a data root only read from (the status site): a bucket is checked
 * to exist and to answer these credentials (HeadBucket), never written to, so
 * read-only credentials are enough.
 */
export async function openDataRootForReading(dataRoot: string): Promise<ObjectStore> {
  return await opened(dataRoot, false);
}

function opened(dataRoot: string, write: boolean): Promise<ObjectStore> {
  if (!isBucketRoot(dataRoot)) return Promise.resolve(new FsObjectStore(dataRoot));
  const key = `${write ? 'write' : 'read'} ${dataRoot}`;
  let store = buckets.get(key);
  if (!store) {
    store = openBucket(dataRoot, write);
    buckets.set(key, store);
    store.catch(() => buckets.delete(key));
  }
  return store;
}

async function openBucket(dataRoot: string, write: boolean): Promise<ObjectStore> {
  const { openS3Store } = await import('./s3/bucket-store.js');
  const { checkBucket, probeConditionalWrites } = await import('./s3/preflight.js');
  const store = openS3Store(dataRoot);
  await checkBucket(store);
  if (write) await probeConditionalWrites(store);
  return store;
}

/**
 * The ledger that holds a data root's runs while they run: files under a folder's
 * `_pipewright/runs`, objects under a bucket's (with leases for the partition lock).
 */
export async function dataRootLedger(store: ObjectStore): Promise<LockingLedger> {
  if (store instanceof FsObjectStore) return new FsLedger(store.root);
  const { BucketLedger } = await import('./bucket-ledger.js');
  return new BucketLedger(store, leaseSettings(process.env));
}

export const LEASE_TTL_ENV = 'PIPEWRIGHT_LEASE_TTL';
export const LEASE_RENEW_EVERY_ENV = 'PIPEWRIGHT_LEASE_RENEW_EVERY';

/**
 * How long a bucket lease lasts unrenewed and how often it is renewed (durations
 * such as `60s`, `2m`); defaults 60 s and 20 s. Renewal must come well before expiry.
 */
export function leaseSettings(env: NodeJS.ProcessEnv): { leaseTtlMs?: number; leaseRenewEveryMs?: number } {
  const read = (name: string): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return undefined;
    const ms = parseDuration(text);
    if (ms === undefined || ms <= 0) throw new UsageError(`${name}=${text} is not a duration such as 60s or 2m`);
    return ms;
  };
  const leaseTtlMs = read(LEASE_TTL_ENV);
  const leaseRenewEveryMs = read(LEASE_RENEW_EVERY_ENV);
  const ttl = leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
  const every = leaseRenewEveryMs ?? DEFAULT_LEASE_RENEW_EVERY_MS;
  if (every * 2 > ttl)
    throw new UsageError(
      `lease renewal every ${every} ms must be at most half the lease's ${ttl} ms (${LEASE_RENEW_EVERY_ENV}, ${LEASE_TTL_ENV})`,
    );
  return {
    ...(leaseTtlMs !== undefined ? { leaseTtlMs } : {}),
    ...(leaseRenewEveryMs !== undefined ? { leaseRenewEveryMs } : {}),
  };
}
