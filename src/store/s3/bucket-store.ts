// A data root in an S3-compatible bucket: `s3://bucket/prefix`, keys under the
// prefix. Bytes stream both ways (GetObject's body is handed on as it arrives;
// streamed bodies go up in parts through lib-storage's Upload), so memory stays
// flat in the object's size. Conditional writes map to If-None-Match/If-Match and
// a lost race is a PreconditionFailedError; every other SDK error is one line
// (errors.ts). Publishing copies server-side: no data flows through the runner.
// A run's view of the store (`withRunCopies`) keeps local copies (run-copies.ts):
// a streamed write is spooled to disk and sent while the run goes on, in one
// PutObject, or when large in parts while it is still being written
// (spooled-parts.ts), and a later read of an object the bucket still holds
// unchanged comes from the copy.

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { PassThrough, Readable, Transform } from 'node:stream';
import { crc32 } from 'node:zlib';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { UsageError } from '../../errors.js';
import { ASIDE_FROM_BYTES, checksumFileAside } from '../checksum-aside.js';
import { FileGrowthStopped, fileChunks } from '../file-chunks.js';
import type { FileChecksum } from '../ledger.js';
import {
  type ChecksumOptions,
  type ChunkSink,
  type ListOptions,
  type ObjectBody,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStore,
  type PendingCopy,
  PreconditionFailedError,
  type ReadOptions,
  type WriteOptions,
} from '../object-store.js';
import { writeAll } from '../write-all.js';
import { downloadAside } from './download-aside.js';
import { classifyS3Error, type S3Context, s3Error } from './errors.js';
import { type Download, RunCopies } from './run-copies.js';
import { crc32Base64, sendWithPayloadSha256 } from './send-file.js';
import { SpooledParts } from './spooled-parts.js';
import { parseS3Url, type S3Location, s3ClientConfig, s3Settings } from './url.js';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
/** Bytes a local copy being written may hold in memory: queued chunks go to disk together. */
const SPOOL_BUFFER = 4 * MIB;

/** Where a read gets its bytes (`source`): a whole local file, a GET (perhaps being kept as a download), or a download to follow. */
type Source =
  | { file: string }
  | { body: Readable; download?: Download | undefined }
  | { body?: undefined; download: Download };

/** What every write of a key sends. */
interface PutParams {
  Bucket: string;
  Key: string;
  Metadata?: Record<string, string>;
  ContentType?: string;
  IfNoneMatch?: string;
  IfMatch?: string;
}

export interface S3StoreOptions {
  /** Part size of streamed writes; memory use is about partSize × queueSize. Default 8 MiB. */
  partSize?: number;
  /** Parts uploaded at once. Default 4. */
  queueSize?: number;
  /**
   * Objects larger than this are copied part by part with UploadPartCopy, still
   * server-side: a single CopyObject is limited to 5 GiB by S3. Default 5 GiB.
   */
  multipartCopyAbove?: number;
  /** Part size of such copies (S3: 5 MiB to 5 GiB, at most 10,000 parts). Default 512 MiB. */
  copyPartSize?: number;
  /**
   * A write of a run sent behind (run copies) goes up in parts of this size while it
   * is still being written, once it is larger than one part; each part is read into a
   * buffer of this size per part sent at once. Default 16 MiB (10,000 parts: 156 GiB,
   * far more than a runner's disk can spool).
   */
  spoolPartSize?: number;
  /** Objects at least this large are copied ahead of a publish (`prepareCopy`); smaller ones at it. Default 16 MiB. */
  prepareCopyAbove?: number;
  /**
   * A spooled write (run copies) larger than this goes up in parts: a single
   * PutObject is limited to 5 GiB by S3. Default 5 GiB.
   */
  singlePutMax?: number;
  /** Local copies of one run (run-copies.ts); see `withRunCopies`. */
  runCopies?: RunCopies;
  /** Objects at least this large a run checksums on a worker thread, from its copy (`checksum`). Default 64 MiB. */
  checksumAsideFrom?: number;
}

/**
 * The bucket store for `s3://bucket/prefix`, configured from this process's
 * environment (url.ts); one UsageError line for a bad URL or setting.
 */
export function openS3Store(url: string, options: S3StoreOptions = {}): S3ObjectStore {
  const location = parseS3Url(url);
  const { endpoint, region } = s3Settings(process.env);
  return new S3ObjectStore(location, new S3Client(s3ClientConfig(process.env)), { ...options, endpoint, region });
}

export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;
  readonly url: string;
  readonly bucket: string;
  readonly prefix: string;
  /** The endpoint from the environment; undefined for AWS S3's own. */
  readonly endpoint: string | undefined;
  readonly region: string | undefined;
  readonly client: S3Client;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly multipartCopyAbove: number;
  private readonly copyPartSize: number;
  private readonly prepareCopyAbove: number;
  private readonly spoolPartSize: number;
  private readonly singlePutMax: number;
  private readonly copies: RunCopies | undefined;
  private readonly checksumAsideFrom: number;
  private readonly location: S3Location;
  private readonly options: S3StoreOptions & { endpoint?: string; region?: string };

  /** `endpoint` and `region` only name the client's settings in messages. */
  constructor(
    location: S3Location,
    client: S3Client,
    options: S3StoreOptions & { endpoint?: string; region?: string } = {},
  ) {
    this.location = location;
    this.options = options;
    this.url = location.url;
    this.bucket = location.bucket;
    this.prefix = location.prefix;
    this.client = client;
    this.endpoint = options.endpoint;
    this.region = options.region;
    this.partSize = options.partSize ?? 8 * MIB;
    this.queueSize = options.queueSize ?? 4;
    this.multipartCopyAbove = options.multipartCopyAbove ?? 5 * GIB;
    this.copyPartSize = options.copyPartSize ?? 512 * MIB;
    this.prepareCopyAbove = options.prepareCopyAbove ?? 16 * MIB;
    this.spoolPartSize = Math.max(5 * MIB, options.spoolPartSize ?? 16 * MIB);
    this.singlePutMax = options.singlePutMax ?? 5 * GIB;
    this.copies = options.runCopies;
    this.checksumAsideFrom = options.checksumAsideFrom ?? ASIDE_FROM_BYTES;
  }

  /**
   * This store as one run uses it: with local copies of what the run writes and
   * reads, in a folder of `parent` (default: the system temp folder) that `close`
   * removes. Same client, same bucket. An unconditional streamed write returns once
   * its body is on disk and is sent behind; every other call of this view about
   * that key (and every list) waits until it is in the bucket, and a send that
   * failed is their error, so the run sees its writes as complete and in order.
   */
  withRunCopies(parent?: string): { store: S3ObjectStore; close(): Promise<void> } {
    const copies = new RunCopies(parent);
    const store = new S3ObjectStore(this.location, this.client, { ...this.options, runCopies: copies });
    return { store, close: () => copies.close() };
  }

  /** The full S3 key of a store key (the prefix, then the key). */
  objectKey(key: string): string {
    assertKey(key, this.url);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  describe(key: string): string {
    return key === '' ? this.url : `s3://${this.bucket}/${this.objectKey(key)}`;
  }

  /** Error context for messages about `key` (the bucket itself when undefined). */
  context(key?: string): S3Context {
    const where = key === undefined ? `s3://${this.bucket}` : this.describe(key);
    return { where, key, bucket: this.bucket, endpoint: this.endpoint, region: this.region };
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    await this.copies?.arrived(key);
    const output = await this.headObject(key);
    return output && this.info(key, output);
  }

  /** The run's local copy of `key` that may be read instead of the object (run-copies.ts), if any. */
  private async localCopy(key: string): Promise<string | undefined> {
    const sending = this.copies?.sendingFile(key);
    if (sending !== undefined || !this.copies?.has(key)) return sending;
    const head = await this.headObject(key);
    return this.copies.match(key, head && { etag: head.ETag ?? '', size: head.ContentLength ?? -1 });
  }

  /**
   * Where this read of `key` gets its bytes: the run's copy; a download of the run
   * under way, while the bucket still holds the object it downloads; else a GET, which
   * in a run becomes that download (one per key at a time: others follow it).
   */
  private async source(key: string, options: ReadOptions): Promise<Source> {
    const local = await this.localCopy(key);
    if (local !== undefined) return { file: local };
    const claim = this.copies?.active ? this.copies.claimDownload(key) : undefined;
    if (claim && 'underWay' in claim) {
      const download = await claim.underWay;
      if (download && (await this.headObject(key))?.ETag === download.etag) return { download };
      return { body: await this.get(key, options) }; // another object now: read, not kept
    }
    if (!claim || !this.copies) return { body: await this.get(key, options) };
    const copies = this.copies;
    let started: Download | undefined;
    try {
      const body = await this.get(key, options, (etag, size) => {
        const copy = keepingCopy(copies, key, etag, size);
        started = copy.download;
        return copy.transform;
      });
      return { body, download: started };
    } finally {
      claim.start(started);
    }
  }

  /**
   * A GetObject of `key` (`range`: from a byte on, of one object by its ETag), its body
   * handed on through `keep(etag, size)` when given (and the server says both).
   */
  private async get(
    key: string,
    options: ReadOptions,
    keep?: (etag: string, size: number) => Transform,
    range?: { start: number; etag: string },
  ): Promise<Readable> {
    try {
      const output = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(key),
          ...(range && { Range: `bytes=${range.start}-`, IfMatch: range.etag }),
        }),
        { abortSignal: options.signal },
      );
      if (!(output.Body instanceof Readable)) throw new Error(`${this.describe(key)}: GetObject gave no stream`);
      const { ETag: etag, ContentLength: size } = output;
      return this.guard(output.Body, key, keep && etag && size !== undefined ? keep(etag, size) : new PassThrough());
    } catch (error) {
      throw this.readError(error, key);
    }
  }

  /**
   * The object's bytes from a download under way, in reused buffers: as they reach the
   * disk, and if the download stops, the rest from the bucket (the same object, by ETag).
   */
  private async *follow(key: string, download: Download, options: ReadOptions): AsyncGenerator<Uint8Array> {
    let position = 0;
    try {
      const handle = await open(download.file, 'r').catch(() => undefined); // removed: it stopped already
      if (handle !== undefined) {
        for await (const chunk of fileChunks(handle, options.signal, download)) {
          position += chunk.byteLength;
          yield chunk;
        }
        return;
      }
    } catch (error) {
      if (!(error instanceof FileGrowthStopped)) throw error;
    }
    // The same object only (If-Match: 412 when it was replaced meanwhile).
    if (position < download.size)
      yield* await this.get(key, options, undefined, { start: position, etag: download.etag });
  }

  /**
   * The checksum of a big object a run reads, taken off the main thread. Unless the run
   * has a copy of it or one is under way, a worker thread downloads the copy and hashes
   * it on the way (download-aside.ts), and the tasks follow the copy as it grows: the bytes
   * cross the network once and never pass the main thread. A copy already there is hashed
   * by a worker thread (checksum-aside.ts). Undefined outside a run, for an object below
   * `checksumAsideFrom`, or when no copy could be made (the caller then reads the object).
   */
  async checksum(key: string, options: ChecksumOptions = {}): Promise<Omit<FileChecksum, 'path'> | undefined> {
    if (!this.copies?.active) return undefined;
    const size = options.size ?? (await this.headObject(key))?.ContentLength;
    if (size === undefined || size < this.checksumAsideFrom) return undefined;
    const local = await this.localCopy(key);
    if (local !== undefined) return checksumFileAside(local, key);
    const claim = this.copies.claimDownload(key);
    if ('start' in claim) {
      return downloadAside({
        client: this.client,
        Bucket: this.bucket,
        Key: this.objectKey(key),
        key,
        copies: this.copies,
        started: claim.start,
        signal: options.signal,
      });
    }
    // Another reader's download: hashed once whole, if the bucket still holds what it downloads.
    const download = await claim.underWay;
    if (!download || (await this.headObject(key))?.ETag !== download.etag) return undefined;
    return (await download.whole) ? checksumFileAside(download.file, key) : undefined;
  }

  async read(key: string, options: ReadOptions = {}): Promise<Readable> {
    const source = await this.source(key, options);
    if ('file' in source) return createReadStream(source.file, { highWaterMark: 1 << 20, signal: options.signal });
    if (source.body) return source.body;
    // A follower's chunks are reused buffers and a stream's reader may keep them: each is copied.
    const chunks = this.follow(key, source.download, options);
    return Readable.from(
      (async function* () {
        for await (const chunk of chunks) yield Buffer.from(chunk);
      })(),
      { objectMode: false },
    );
  }

  /**
   * The object's bytes; from the run's local copy (or a download of it under way) in
   * chunks of reused buffers, each valid until the next is asked for (fs-store.ts
   * `readChunks`): a 500 MB scan then costs no garbage collection.
   */
  async *readChunks(key: string, options: ReadOptions = {}): AsyncGenerator<Uint8Array> {
    const source = await this.source(key, options);
    if ('file' in source) yield* fileChunks(await open(source.file, 'r'), options.signal);
    else if (source.body) yield* source.body as AsyncIterable<Uint8Array>;
    else yield* this.follow(key, source.download, options);
  }

  async readText(key: string): Promise<string | undefined> {
    await this.copies?.arrived(key);
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return await (output.Body as { transformToString(encoding: string): Promise<string> }).transformToString('utf8');
    } catch (error) {
      if (classifyS3Error(error).kind === 'not_found') return undefined;
      throw s3Error(error, this.context(key));
    }
  }

  async write(key: string, body: ObjectBody, options: WriteOptions = {}): Promise<ObjectInfo> {
    // A body that fails while this waits to send it fails this write (countBytes), not the process.
    if (body instanceof Readable) body.on('error', () => {});
    const params = await this.beginWrite(key, options);
    try {
      if (typeof body === 'string' || body instanceof Uint8Array) {
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        const output = await this.client.send(
          new PutObjectCommand({ ...params, Body: bytes, ContentLength: bytes.byteLength }),
          { abortSignal: options.signal },
        );
        return this.written(key, output.ETag, bytes.byteLength, options);
      }
      if (this.copies) {
        // A conditional write must know whether it won before it returns; any other is sent behind.
        const behind = options.ifMatch === undefined && options.ifNoneMatch === undefined;
        return await this.writeSpooled(key, body, params, options, this.copies, behind);
      }
      const counted = countBytes(body);
      const upload = new Upload({
        client: this.client,
        params: { ...params, Body: counted.stream },
        partSize: this.partSize,
        queueSize: this.queueSize,
        leavePartsOnError: false,
      });
      const abort = () => void upload.abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      try {
        options.signal?.throwIfAborted();
        const output = await upload.done();
        return this.written(key, output.ETag, counted.bytes(), options);
      } catch (error) {
        // The body's own failure (the task's data, its stream) is the task's error, not the store's.
        const failure = counted.failure();
        throw failure === undefined ? error : new BodyError(failure);
      } finally {
        options.signal?.removeEventListener('abort', abort);
      }
    } catch (error) {
      throw this.writeError(error, key, options);
    }
  }

  /**
   * Before a write of `key`: a send of it still under way has ended and the run's copy of it is
   * dropped (it is about to be replaced); the request's parameters.
   */
  private async beginWrite(key: string, options: WriteOptions): Promise<PutParams> {
    await this.copies?.arrived(key).catch(() => {});
    this.copies?.drop(key);
    return {
      Bucket: this.bucket,
      Key: this.objectKey(key),
      Metadata: options.metadata,
      ContentType: options.contentType,
      IfNoneMatch: options.ifNoneMatch,
      IfMatch: options.ifMatch,
    };
  }

  /** What a failed write of `key` is to the caller. */
  private writeError(error: unknown, key: string, options: WriteOptions): unknown {
    if (options.signal?.aborted) return options.signal.reason;
    if (error instanceof BodyError) return error.cause;
    // If-Match on a key that is gone: the object changed under us, as with a 412.
    if (options.ifMatch !== undefined && classifyS3Error(error).kind === 'not_found')
      return new PreconditionFailedError(key, `${this.describe(key)} was removed by someone else meanwhile`);
    // A create racing another create of the same new key: versitygw's folder backend can answer 409
    // ExistingObjectIsDirectory while the other writer's folders appear. Someone else wrote it.
    const code = (error as { name?: string; Code?: string }).Code ?? (error as { name?: string }).name;
    if (options.ifNoneMatch === '*' && code === 'ExistingObjectIsDirectory') return new PreconditionFailedError(key);
    return s3Error(error, this.context(key));
  }

  async copy(from: string, to: string): Promise<ObjectInfo> {
    await this.copies?.arrived(from);
    await this.copies?.arrived(to).catch(() => {});
    this.copies?.drop(to);
    const source = await this.headObject(from);
    if (!source) throw new ObjectNotFoundError(from, this.describe(from));
    const size = source.ContentLength ?? 0;
    const CopySource = this.copySource(from);
    if (size > this.multipartCopyAbove) {
      const parts = await this.copyParts(from, to, source, CopySource).catch((error: unknown) => {
        throw this.copyError(error, from, to);
      });
      return parts.complete();
    }
    try {
      const output = await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(to),
          CopySource,
          CopySourceIfMatch: source.ETag,
          MetadataDirective: 'COPY',
        }),
      );
      return {
        ...this.info(to, source),
        etag: output.CopyObjectResult?.ETag ?? '',
        lastModified: output.CopyObjectResult?.LastModified ?? new Date(),
      };
    } catch (error) {
      throw this.copyError(error, from, to);
    }
  }

  async delete(key: string): Promise<void> {
    await this.copies?.arrived(key).catch(() => {});
    this.copies?.drop(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      if (classifyS3Error(error).kind !== 'not_found') throw s3Error(error, this.context(key));
    }
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ObjectInfo> {
    await this.copies?.allArrived();
    const base = this.prefix ? `${this.prefix}/` : '';
    const trimmed = prefix.replace(/\/$/, '');
    if (trimmed !== '') assertKey(trimmed, this.url);
    let token: string | undefined;
    do {
      let output: Awaited<ReturnType<typeof this.listPage>>;
      try {
        const startAfter =
          token === undefined && options.startAfter !== undefined ? `${base}${options.startAfter}` : undefined;
        output = await this.listPage(`${base}${prefix}`, token, startAfter);
      } catch (error) {
        throw s3Error(error, this.context(prefix));
      }
      for (const object of output.Contents ?? []) {
        if (object.Key === undefined || !object.Key.startsWith(base)) continue;
        yield {
          key: object.Key.slice(base.length),
          size: object.Size ?? 0,
          etag: object.ETag ?? '',
          lastModified: object.LastModified ?? new Date(0),
          // ListObjectsV2 does not return user metadata: `head` a key for it.
          metadata: {},
        };
      }
      token = output.IsTruncated ? output.NextContinuationToken : undefined;
    } while (token);
  }

  /**
   * A streamed write of a run: the body goes to a local file first (the run's copy),
   * then up in one PutObject with its length known; above `singlePutMax`, in parts
   * from the file. Sent behind, a body larger than `spoolPartSize` goes up in parts
   * while it is being written.
   */
  private async writeSpooled(
    key: string,
    body: AsyncIterable<Uint8Array | string>,
    params: PutParams,
    options: WriteOptions,
    copies: RunCopies,
    behind: boolean,
  ): Promise<ObjectInfo> {
    const spool = await this.spool(key, params, options, copies, behind);
    const chunks = body[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        options.signal?.throwIfAborted();
        next = await chunks.next();
      } catch (error) {
        // The body's own failure (the task's data, its stream) is the task's error, not the store's.
        await spool.fail();
        throw options.signal?.aborted ? error : new BodyError(error);
      }
      if (next.done) return spool.finish();
      const chunk = next.value;
      await spool.add(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    }
  }

  /**
   * A write of a run fed chunk by chunk (staging.ts): each `write` resolves once its bytes
   * are in the run's copy, and the writer may then reuse its buffer, so no chunk is copied.
   * Undefined outside a run, or for a conditional write (the caller streams it to `write`).
   */
  async openWrite(key: string, options: WriteOptions = {}): Promise<ChunkSink | undefined> {
    const copies = this.copies;
    if (!copies || options.ifMatch !== undefined || options.ifNoneMatch !== undefined) return undefined;
    const spool = await this.spool(key, await this.beginWrite(key, options), options, copies, true);
    const failed = (error: unknown) => this.writeError(error, key, options);
    return {
      write: (chunk) => spool.add(chunk).catch((error: unknown) => Promise.reject(failed(error))),
      end: () => spool.finish().catch((error: unknown) => Promise.reject(failed(error))),
      abort: () => spool.fail(),
    };
  }

  /**
   * The run's copy file of a write and, sent behind, the parts that go up while it
   * grows: `add` each chunk in order (hashed, counted and on disk when it resolves),
   * then `finish` (or `fail`, which removes the file and aborts the parts).
   */
  private async spool(
    key: string,
    params: PutParams,
    options: WriteOptions,
    copies: RunCopies,
    behind: boolean,
  ): Promise<{ add(chunk: Uint8Array): Promise<void>; finish(): Promise<ObjectInfo>; fail(): Promise<void> }> {
    const file = copies.newFile();
    // Sent behind, a large body goes up in parts while it is still being written (spooled-parts.ts).
    const parts = behind
      ? new SpooledParts({
          client: this.client,
          Bucket: params.Bucket,
          Key: params.Key,
          Metadata: params.Metadata,
          ContentType: params.ContentType,
          file,
          partSize: this.spoolPartSize,
          queueSize: Math.min(this.queueSize, 2),
          crc32: await this.checksCrc32(),
        })
      : undefined;
    // The writer's own hash when it has one; a CRC32 (cheap) for the server to check what it stores.
    const hash = options.bodySha256 ? undefined : createHash('sha256');
    let crc = 0;
    let size = 0;
    let handle: FileHandle | undefined = await open(file, 'w');
    const close = async () => {
      const closing = handle;
      handle = undefined;
      await closing?.close();
    };
    const fail = async () => {
      await close().catch(() => {});
      await parts?.abort();
      await rm(file, { force: true });
    };
    const upload = async (): Promise<ObjectInfo> => {
      const sums = { sha256: hash ? hash.digest('hex') : (options.bodySha256?.() ?? ''), crc32: crc };
      if (behind) {
        // Sent while the run goes on: the attempt that wrote it has ended, so its signal no longer applies.
        const whole = async () =>
          size > this.singlePutMax
            ? this.uploadFile(params, file, size)
            : this.putFile(params, file, size, parts?.started ? { ...sums, crc32: await crc32OfFile(file) } : sums);
        // Parts the server would not join: the whole file is still here to send as one object.
        const sent = parts?.started ? parts.finish().catch(whole) : whole();
        copies.sendBehind(
          key,
          file,
          size,
          sent.catch((error: unknown) => Promise.reject(this.writeError(error, key, {}))),
        );
        return this.written(key, undefined, size, options);
      }
      const etag =
        size > this.singlePutMax
          ? await this.uploadFile(params, file, size)
          : await this.putFile(params, file, size, sums, options.signal);
      copies.keep(key, file, etag ?? '', size);
      return this.written(key, etag, size, options);
    };
    return {
      async add(chunk) {
        if (chunk.byteLength === 0) return;
        const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        try {
          if (handle === undefined) throw new Error('write after the end');
          hash?.update(bytes);
          // Parts carry their own CRC32s; the whole one is needed only by a body sent in one request.
          if (!parts?.started) crc = crc32(bytes, crc);
          parts?.add(bytes);
          await writeAll(handle, bytes);
          size += bytes.byteLength;
          parts?.written(size);
        } catch (error) {
          await fail();
          throw error;
        }
      },
      async finish() {
        try {
          await close();
          return await upload();
        } catch (error) {
          await rm(file, { force: true });
          throw error;
        }
      },
      fail,
    };
  }

  /**
   * One PutObject of a local file, signed with the SHA-256 of its bytes (the SDK
   * signs a stream as UNSIGNED-PAYLOAD), so the server refuses bytes that changed
   * on the way; with their CRC32 too where the server checks one (`checksCrc32`),
   * which it then keeps as the object's checksum instead of computing a costlier
   * default one, here and in every copy of it. A connection lost or a busy server
   * is tried again (the SDK cannot resend a stream).
   */
  private async putFile(
    params: PutParams,
    file: string,
    size: number,
    sums: { sha256: string; crc32: number },
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const crc = (await this.checksCrc32()) ? { ChecksumCRC32: crc32Base64(sums.crc32) } : {};
    const body = () => createReadStream(file, { highWaterMark: 1 << 20 });
    const made = () => new PutObjectCommand({ ...params, ...crc, Body: body(), ContentLength: size });
    return (await sendWithPayloadSha256(this.client, made, sums.sha256, signal)).ETag;
  }

  /** A local file too large for one PutObject, in parts (lib-storage retries each part). */
  private async uploadFile(params: PutParams, file: string, size: number): Promise<string | undefined> {
    const upload = new Upload({
      client: this.client,
      params: { ...params, Body: createReadStream(file, { highWaterMark: 1 << 20 }) },
      // S3 takes at most 10,000 parts.
      partSize: Math.max(this.partSize, Math.ceil(size / 10_000)),
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    return (await upload.done()).ETag;
  }

  /**
   * Whether the server checks an `x-amz-checksum-crc32` it is sent (AWS, versitygw,
   * MinIO, R2 do; some S3-compatible services refuse the header or ignore it). Asked
   * once per endpoint and bucket in this process: a tiny PutObject with a wrong CRC32
   * must be refused as BadDigest. Anything else is a no, and the header is not sent.
   */
  private checksCrc32(): Promise<boolean> {
    const id = `${this.endpoint ?? 'aws'} ${this.bucket}`;
    let answer = crc32Support.get(id);
    if (!answer) {
      answer = this.probeCrc32();
      crc32Support.set(id, answer);
    }
    return answer;
  }

  private async probeCrc32(): Promise<boolean> {
    const Key = this.objectKey(`_pipewright/probe/crc32-${process.pid}-${randomBytes(6).toString('hex')}.txt`);
    const probe = Buffer.from('crc32 probe');
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key, Body: probe, ChecksumCRC32: crc32Base64(crc32(probe) ^ 1) }),
      );
    } catch (error) {
      const code = (error as { Code?: string; name?: string }).Code ?? (error as { name?: string }).name;
      return code === 'BadDigest';
    }
    // Stored although the checksum was wrong: the header is not checked here.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key })).catch(() => undefined);
    return false;
  }

  private listPage(prefix: string, token: string | undefined, startAfter?: string) {
    return this.client.send(
      new ListObjectsV2Command({
        Bucket: this.bucket,
        Prefix: prefix,
        ContinuationToken: token,
        StartAfter: startAfter,
      }),
    );
  }

  private async headObject(key: string): Promise<HeadObjectCommandOutput | undefined> {
    try {
      return await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      if (classifyS3Error(error).kind === 'not_found') return undefined;
      throw s3Error(error, this.context(key));
    }
  }

  /**
   * A copy of `from` made now as the parts of a multipart upload to `to`, which no
   * reader sees until `complete` (CompleteMultipartUpload: the server joins the parts
   * without hashing them again). Undefined below `prepareCopyAbove`, where a plain
   * copy is quick. Uploads to `to` left pending by processes that were killed are
   * aborted first: the caller holds `to` (the publish of its partition).
   */
  async prepareCopy(from: string, to: string): Promise<PendingCopy | undefined> {
    await this.copies?.arrived(from);
    const source = await this.headObject(from);
    if (!source) throw new ObjectNotFoundError(from, this.describe(from));
    if ((source.ContentLength ?? 0) < this.prepareCopyAbove) return undefined;
    await this.abortPendingUploads(to);
    const CopySource = this.copySource(from);
    try {
      // The source's own CRC32 is taken over where the server checks one (a source with a checksum of
      // its parts cannot give one: then completing fails and the publish copies instead).
      return await this.copyParts(from, to, source, CopySource, await this.checksCrc32());
    } catch (error) {
      throw this.copyError(error, from, to);
    }
  }

  /** Aborts the multipart uploads to exactly `key` that are still open. */
  private async abortPendingUploads(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      const output = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: Key }));
      for (const upload of output.Uploads ?? []) {
        if (upload.Key !== Key || upload.UploadId === undefined) continue;
        await this.client
          .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId: upload.UploadId }))
          .catch(() => undefined);
      }
    } catch (error) {
      throw s3Error(error, this.context(key));
    }
  }

  /**
   * UploadPartCopy ranges of the source into a multipart upload, every part pinned
   * to the source's ETag so a source replaced midway fails the copy instead of
   * mixing two versions. Nothing is at `to` until the upload is completed.
   */
  private async copyParts(
    from: string,
    to: string,
    source: HeadObjectCommandOutput,
    CopySource: string,
    crc = false,
  ): Promise<PendingCopy> {
    const Key = this.objectKey(to);
    const size = source.ContentLength ?? 0;
    // A whole-object CRC32 where asked and the copy is one part: else the server computes its costlier
    // default checksum of every part. (versitygw takes a CRC32 source's checksum over as the checksum of a
    // part copied from it, right only for a part that is the whole object.)
    const checksum = crc && size <= this.copyPartSize ? 'CRC32' : undefined;
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({
        Bucket: this.bucket,
        Key,
        Metadata: source.Metadata,
        ContentType: source.ContentType,
        ...(checksum ? { ChecksumAlgorithm: checksum, ChecksumType: 'FULL_OBJECT' as const } : {}),
      }),
    );
    let ended = false;
    const abort = async () => {
      if (ended) return;
      ended = true;
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }))
        .catch(() => undefined);
    };
    try {
      const parts: { ETag?: string; PartNumber: number; ChecksumCRC32?: string }[] = [];
      for (let start = 0, PartNumber = 1; start < size; start += this.copyPartSize, PartNumber++) {
        const end = Math.min(start + this.copyPartSize, size) - 1;
        const output = await this.client.send(
          new UploadPartCopyCommand({
            Bucket: this.bucket,
            Key,
            UploadId,
            PartNumber,
            CopySource,
            CopySourceIfMatch: source.ETag,
            CopySourceRange: `bytes=${start}-${end}`,
          }),
        );
        const sum = checksum ? { ChecksumCRC32: output.CopyPartResult?.ChecksumCRC32 } : {};
        parts.push({ ETag: output.CopyPartResult?.ETag, PartNumber, ...sum });
      }
      const complete = async (): Promise<ObjectInfo> => {
        if (ended) throw new Error(`the copy of ${this.describe(from)} to ${this.describe(to)} has already ended`);
        try {
          const output = await this.client.send(
            new CompleteMultipartUploadCommand({
              Bucket: this.bucket,
              Key,
              UploadId,
              MultipartUpload: { Parts: parts },
            }),
          );
          ended = true;
          return { ...this.info(to, source), etag: output.ETag ?? '', lastModified: new Date() };
        } catch (error) {
          await abort();
          throw s3Error(error, this.context(to));
        }
      };
      return { from, to, sourceEtag: source.ETag ?? '', complete, abort };
    } catch (error) {
      await abort();
      throw error;
    }
  }

  /** The CopySource header of `from`: bucket and key, URL-encoded but for the slashes. */
  private copySource(from: string): string {
    return encodeURIComponent(`${this.bucket}/${this.objectKey(from)}`).replaceAll('%2F', '/');
  }

  /** What a failed copy of `from` to `to` is to the caller. */
  private copyError(error: unknown, from: string, to: string): unknown {
    const kind = classifyS3Error(error).kind;
    if (kind === 'not_found') return new ObjectNotFoundError(from, this.describe(from));
    // CopySourceIfMatch lost: the source was replaced between our look and the copy.
    if (kind === 'precondition')
      return new PreconditionFailedError(from, `${this.describe(from)} changed while it was being copied`);
    return s3Error(error, this.context(to));
  }

  private info(key: string, output: HeadObjectCommandOutput): ObjectInfo {
    return {
      key,
      size: output.ContentLength ?? 0,
      etag: output.ETag ?? '',
      lastModified: output.LastModified ?? new Date(0),
      metadata: output.Metadata ?? {},
    };
  }

  /** What a write produced; the time is this runner's, since PutObject does not return one. */
  private written(key: string, etag: string | undefined, size: number, options: WriteOptions): ObjectInfo {
    return { key, size, etag: etag ?? '', lastModified: new Date(), metadata: options.metadata ?? {} };
  }

  private readError(error: unknown, key: string): unknown {
    if (error instanceof ObjectNotFoundError || (error instanceof Error && error.name === 'AbortError')) return error;
    if (classifyS3Error(error).kind === 'not_found') return new ObjectNotFoundError(key, this.describe(key));
    return s3Error(error, this.context(key));
  }

  /**
   * Hands the body on as it arrives (a PassThrough costs next to nothing per chunk,
   * unlike an async generator); a connection lost midway becomes the same one-line
   * error, and a reader that stops early releases the connection. `out` may keep a
   * run's copy on the way.
   */
  private guard(body: Readable, key: string, out: Transform): Readable {
    body.on('error', (error) => out.destroy(this.readError(error, key) as Error));
    out.on('close', () => {
      if (!body.destroyed) body.destroy();
    });
    return body.pipe(out);
  }
}

/** Whether each endpoint and bucket checks a CRC32 header, asked once per process (`checksCrc32`). */
const crc32Support = new Map<string, Promise<boolean>>();

/** Keys are relative and never climb out of the root: no `..`, `.`, empty segments or leading slash. */
function assertKey(key: string, root: string): void {
  const bad =
    typeof key !== 'string' || key === '' || key.includes('\0')
      ? 'is empty or holds NUL'
      : key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
        ? "has an empty, '.' or '..' segment (or a leading or trailing slash)"
        : undefined;
  if (bad) throw new UsageError(`refusing key ${JSON.stringify(key)} under ${root}: it ${bad}`);
}

/**
 * Hands the body on while keeping it as the run's copy of `key` (the reader waits
 * for the disk, so memory stays flat); the copy counts once all `size` bytes were
 * written. Until then other readers of the key follow the file as it grows. A
 * reader that stops early, or a disk that fails, leaves no copy.
 */
function keepingCopy(
  copies: RunCopies,
  key: string,
  etag: string,
  size: number,
): { transform: Transform; download: Download } {
  const file = copies.newFile();
  const download = copies.startDownload(key, file, etag, size);
  // Chunks arrive as the network gives them (64 KiB): queued, they go to disk several at a time (writev).
  const sink = createWriteStream(file, { highWaterMark: SPOOL_BUFFER });
  let failed = false;
  /** The chunk waiting for the disk to drain (or fail). */
  let waiting: (() => void) | undefined;
  const release = () => {
    const next = waiting;
    waiting = undefined;
    next?.();
  };
  sink.on('drain', release);
  sink.on('error', (error) => {
    failed = true;
    download.stop(error);
    release();
  });
  const discard = (reason: string) => {
    download.stop(new Error(reason));
    sink.destroy();
    void rm(file, { force: true });
  };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (failed || sink.write(chunk, () => download.wrote(chunk.byteLength))) return done(null, chunk);
      waiting = () => done(null, chunk);
    },
    flush(done) {
      if (failed) {
        discard('the local copy could not be written');
        return done();
      }
      sink.end(() => {
        if (!failed && sink.bytesWritten === size) download.finish();
        else discard(`the download ended after ${sink.bytesWritten} of ${size} bytes`);
        done();
      });
    },
    destroy(error, done) {
      if (!sink.writableFinished) discard('its reader stopped');
      done(error);
    },
  });
  return { transform, download };
}

async function crc32OfFile(file: string): Promise<number> {
  let crc = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) crc = crc32(chunk as Buffer, crc);
  return crc;
}

/** A failure of the body being written, carried past the S3 error mapping unchanged. */
class BodyError extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super('the body failed');
    this.cause = cause;
  }
}

/** The body as a byte stream, counting (and showing `each` chunk) what passes (a Transform: cheap per chunk). */
function countBytes(
  body: AsyncIterable<Uint8Array | string>,
  each?: (chunk: Buffer) => void,
): {
  stream: Readable;
  bytes(): number;
  failure(): unknown;
} {
  let bytes = 0;
  let failed: { error: unknown } | undefined;
  const source = body instanceof Readable ? body : Readable.from(body, { objectMode: false });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      each?.(chunk);
      done(null, chunk);
    },
  });
  source.on('error', (error) => {
    failed = { error };
    counter.destroy(error);
  });
  // Destroyed before this was called: piping it would wait for ever.
  if (source.destroyed) {
    failed = { error: source.errored ?? new Error('the body was closed before it ended') };
    counter.destroy(failed.error as Error);
    return { stream: counter, bytes: () => bytes, failure: () => failed?.error };
  }
  return { stream: source.pipe(counter), bytes: () => bytes, failure: () => failed?.error };
}
