// A data root seen as objects: keys relative to the root (posix, no leading
// slash), whole-object writes, server-side copies. The filesystem store and the
// S3-compatible bucket store both implement it, so the commit protocol, checks,
// sensors, leases and the bucket ledger are written once. Keys never escape the
// root: every implementation refuses `..`, absolute keys and empty segments.

import type { Readable } from 'node:stream';
import type { FileChecksum } from './ledger.js';

export interface ObjectInfo {
  /** Relative to the store's root. */
  key: string;
  size: number;
  /** Opaque version tag for `ifMatch` (S3 ETag; on the filesystem size+mtime+inode). */
  etag: string;
  lastModified: Date;
  /** What pipewright stored beside the bytes (`sha256`, `rows`), when it wrote the object itself. */
  metadata: Record<string, string>;
}

export type ObjectBody = string | Uint8Array | AsyncIterable<Uint8Array | string>;

export interface WriteOptions {
  /** `'*'`: write only when no object exists at the key (S3 `If-None-Match: *`). */
  ifNoneMatch?: '*';
  /** Write only when the object's current etag is this one (S3 `If-Match`). */
  ifMatch?: string;
  metadata?: Record<string, string>;
  contentType?: string;
  signal?: AbortSignal;
  /**
   * The SHA-256 (hex) of a streamed body, which its writer hashes as it writes and
   * knows once the body has ended: a store that needs it does not hash the bytes again.
   */
  bodySha256?: () => string;
}

/** A write `openWrite` opened: chunks in order, then `end` (the object is written) or `abort`. */
export interface ChunkSink {
  /** Resolves once the store is done with `chunk`'s bytes. */
  write(chunk: Uint8Array): Promise<void>;
  end(): Promise<ObjectInfo>;
  /** Nothing is written; what was taken is removed. */
  abort(): Promise<void>;
}

export interface ReadOptions {
  signal?: AbortSignal;
}

export interface ChecksumOptions extends ReadOptions {
  /** The object's size, when the caller has just asked (a bucket then need not ask again). */
  size?: number;
}

export interface ListOptions {
  /** A key: only keys that sort after it are listed. */
  startAfter?: string;
}

/** A conditional write lost: the object exists (`ifNoneMatch`) or changed (`ifMatch`). */
export class PreconditionFailedError extends Error {
  readonly key: string;
  constructor(key: string, message?: string) {
    super(message ?? `${key} was written by someone else meanwhile`);
    this.name = 'PreconditionFailedError';
    this.key = key;
  }
}

/** No object at the key. */
export class ObjectNotFoundError extends Error {
  readonly key: string;
  constructor(key: string, where: string) {
    super(`${where} does not exist`);
    this.name = 'ObjectNotFoundError';
    this.key = key;
  }
}

/**
 * A server-side copy made ahead and kept out of sight until `complete` (S3: the
 * parts of a multipart upload, which no reader sees before it is completed), so
 * a publish that must not show anything before its audit still need not wait for
 * the bytes to be copied then.
 */
export interface PendingCopy {
  from: string;
  to: string;
  /** The source's ETag the bytes were copied from (every part was pinned to it). */
  sourceEtag: string;
  /** Makes `to` the copy, in one atomic step. */
  complete(): Promise<ObjectInfo>;
  /** Drops the copied bytes; nothing appears at `to`. Safe to call after `complete` or twice. */
  abort(): Promise<void>;
}

export interface ObjectStore {
  /** `s3://bucket/prefix` or the folder's absolute path: for messages and records. */
  readonly url: string;
  readonly kind: 'fs' | 's3';
  /** How a key is named in messages: `s3://bucket/prefix/key` or the absolute path. */
  describe(key: string): string;
  head(key: string): Promise<ObjectInfo | undefined>;
  /** The object's bytes as a stream; ObjectNotFoundError when it does not exist. */
  read(key: string, options?: ReadOptions): Promise<Readable>;
  /**
   * The object's bytes in chunks of reused buffers, each valid until the next is asked
   * for: for readers that copy what they keep. Where offered (a folder, a run's local copy).
   */
  readChunks?(key: string, options?: ReadOptions): AsyncIterable<Uint8Array>;
  /**
   * The object's checksum taken off the calling thread where the store can (a big file
   * on a worker thread; a bucket object by the worker that downloads it into a run's
   * copy); undefined where it cannot, and the caller reads the object itself.
   */
  checksum?(key: string, options?: ChecksumOptions): Promise<Omit<FileChecksum, 'path'> | undefined>;
  /** Whole text of a small object (JSON state), or undefined when missing. */
  readText(key: string): Promise<string | undefined>;
  /** Streams `body` into the key; visible only once complete (atomic replace). */
  write(key: string, body: ObjectBody, options?: WriteOptions): Promise<ObjectInfo>;
  /**
   * A write fed chunk by chunk, where a store can take each chunk before `write` resolves
   * (a bucket during a run): the writer may reuse its buffer then. Undefined: use `write`.
   */
  openWrite?(key: string, options?: WriteOptions): Promise<ChunkSink | undefined>;
  /** Server-side copy (filesystem: a hard link renamed into place); metadata travels with it. */
  copy(from: string, to: string): Promise<ObjectInfo>;
  /**
   * A copy of `from` to `to` made now and shown only on `complete`; undefined where
   * a plain copy costs nothing worth moving ahead (a hard link, a small object).
   */
  prepareCopy?(from: string, to: string): Promise<PendingCopy | undefined>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Every object whose key starts with `prefix` (pass `dir/` for a folder), in key order;
   * with `startAfter`, only keys after it (S3's StartAfter: one listing split into ranges).
   */
  list(prefix: string, options?: ListOptions): AsyncIterable<ObjectInfo>;
}

/** Removes every object under `prefix` (a folder store removes the folders too). */
export async function deletePrefix(store: ObjectStore, prefix: string): Promise<void> {
  const tree = store as ObjectStore & { removeTree?: (prefix: string) => Promise<void> };
  if (tree.removeTree) return tree.removeTree(prefix);
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  for (const key of keys) await store.delete(key);
}

/**
 * The store as one run uses it, and what to call when the run ends: a bucket
 * keeps local copies of what the run writes and reads (bucket-store.ts
 * `withRunCopies`), which `close` removes; a folder is itself.
 */
export function storeForRun(store: ObjectStore): { store: ObjectStore; close(): Promise<void> } {
  const scoped = store as ObjectStore & { withRunCopies?: () => { store: ObjectStore; close(): Promise<void> } };
  return scoped.withRunCopies ? scoped.withRunCopies() : { store, close: async () => {} };
}
