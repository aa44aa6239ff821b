// A large write of a run goes up while it is still being written. Its bytes are
// spooled to the run's copy file; each part, once all its bytes are on disk, is
// sent as an UploadPart of one multipart upload with its CRC32 where the server
// checks one, else signed with its own SHA-256 (the writer's hash is of the whole
// object: a part would be hashed twice). When the body ends, only the last
// part and CompleteMultipartUpload are left (an S3 server joins parts without
// hashing them again), so the copies and the publish that wait for the object
// start about when the task ends instead of a whole upload later. A body that
// fails, or a part that cannot be sent, aborts the upload: nothing appears at the key.
// A part goes up from memory: from part 2 on, its bytes are copied into a buffer as
// they are written, while one of a few buffers is free; else it is read back from the
// file into one. Buffers are reused, part after part: a stream of the file would
// allocate a buffer per read, and 500 MB of them made V8 collect the run's whole heap
// every few megabytes.

import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { crc32Base64, sendWithPayloadSha256, UNSIGNED_PAYLOAD } from './send-file.js';

export interface SpooledPartsTarget {
  client: S3Client;
  Bucket: string;
  Key: string;
  Metadata?: Record<string, string>;
  ContentType?: string;
  /** The spool file the parts are read from. */
  file: string;
  partSize: number;
  /** Parts sent at once. */
  queueSize: number;
  /** Send and keep CRC32 checksums (the server checks them). */
  crc32: boolean;
}

interface SealedPart {
  PartNumber: number;
  start: number;
  end: number;
  sha256?: string;
  crc32: number;
  /** Its bytes, copied as they were written (a buffer of the pool), if one was free. */
  memory?: Buffer | undefined;
}

export class SpooledParts {
  private readonly target: SpooledPartsTarget;
  /** Bytes seen so far, and the part they are filling. */
  private seen = 0;
  private partStart = 0;
  private partHash: Hash | undefined;
  private partCrc = 0;
  private readonly sealed: SealedPart[] = [];
  private readonly done: Promise<{ ETag?: string; PartNumber: number; ChecksumCRC32?: string }>[] = [];
  private uploadId: Promise<string | undefined> | undefined;
  /** The last part of each lane: `lanes` parts go up at once, each lane one after another. */
  private readonly lanes: Promise<unknown>[];
  /** Part buffers not in use, and how many were made: at most one per lane and one being filled. */
  private readonly free: Buffer[] = [];
  private made = 0;
  /** The buffer the part being filled is copied into, if one was free when it began. */
  private filling: Buffer | undefined;
  /** A lane's own buffer, for a part read back from the file while every pooled one is in use. */
  private readonly laneBuffers: Buffer[] = [];
  private onDisk = 0;
  private failure: { error: unknown } | undefined;

  constructor(target: SpooledPartsTarget) {
    this.target = target;
    this.partHash = this.newHash();
    this.lanes = Array.from({ length: Math.max(1, target.queueSize) }, () => Promise.resolve());
  }

  /** True once a part was full: the object goes up as a multipart upload. */
  get started(): boolean {
    return this.uploadId !== undefined;
  }

  /** The next bytes of the body, in order. */
  add(chunk: Buffer): void {
    const { partSize } = this.target;
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(chunk.length - at, this.partStart + partSize - this.seen);
      const piece = chunk.subarray(at, at + take);
      this.filling?.set(piece, this.seen - this.partStart);
      this.partHash?.update(piece);
      this.partCrc = crc32(piece, this.partCrc);
      this.seen += take;
      at += take;
      if (this.seen - this.partStart === partSize) this.seal();
    }
  }

  /** `bytes` of the body are on disk: the parts they complete can go. */
  written(bytes: number): void {
    this.onDisk = bytes;
    this.sendReady();
  }

  /** The body ended and is all on disk: sends the last part and completes the upload; resolves to the ETag. */
  async finish(): Promise<string | undefined> {
    if (this.seen > this.partStart) this.seal();
    this.onDisk = this.seen;
    this.sendReady();
    try {
      const parts = await Promise.all(this.done);
      if (this.failure) throw this.failure.error;
      const output = await this.target.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.target.Bucket,
          Key: this.target.Key,
          UploadId: await this.uploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
      return output.ETag;
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Stops sending and drops what was sent (the body failed, or the upload did). */
  async abort(): Promise<void> {
    this.failure ??= { error: new Error('the write was aborted') };
    if (this.uploadId === undefined) return;
    await Promise.all(this.lanes);
    const UploadId = await this.uploadId.catch(() => undefined);
    if (UploadId === undefined) return;
    await this.target.client
      .send(new AbortMultipartUploadCommand({ Bucket: this.target.Bucket, Key: this.target.Key, UploadId }))
      .catch(() => undefined);
  }

  private seal(): void {
    this.sealed.push({
      PartNumber: this.sealed.length + this.done.length + 1,
      start: this.partStart,
      end: this.seen,
      sha256: this.partHash?.digest('hex'),
      crc32: this.partCrc,
      memory: this.filling,
    });
    // The first part is read back: a body may end within it and go up as one PutObject.
    this.filling = this.takeBuffer();
    this.partStart = this.seen;
    this.partHash = this.newHash();
    this.partCrc = 0;
  }

  /** Parts are hashed only where no CRC32 is checked: else the SDK sends them as an unsigned payload. */
  private newHash(): Hash | undefined {
    return this.target.crc32 ? undefined : createHash('sha256');
  }

  private sendReady(): void {
    while (this.sealed.length > 0 && (this.sealed[0] as SealedPart).end <= this.onDisk && !this.failure) {
      const part = this.sealed.shift() as SealedPart;
      this.uploadId ??= this.create();
      const lane = part.PartNumber % this.lanes.length;
      const sent = (this.lanes[lane] as Promise<unknown>).then(() => this.sendPart(part, lane));
      this.lanes[lane] = sent.catch(() => {});
      sent.catch((error: unknown) => {
        this.failure ??= { error };
      });
      this.done.push(sent);
    }
  }

  private async create(): Promise<string | undefined> {
    const { client, Bucket, Key, Metadata, ContentType } = this.target;
    const output = await client.send(
      new CreateMultipartUploadCommand({
        Bucket,
        Key,
        Metadata,
        ContentType,
        // A whole-object CRC32, as a single PutObject has, which copies keep as it is.
        ...(this.target.crc32 ? { ChecksumAlgorithm: 'CRC32' as const, ChecksumType: 'FULL_OBJECT' as const } : {}),
      }),
    );
    return output.UploadId;
  }

  private async sendPart(
    part: SealedPart,
    lane: number,
  ): Promise<{ ETag?: string; PartNumber: number; ChecksumCRC32?: string }> {
    try {
      if (this.failure) throw this.failure.error;
      const UploadId = await this.uploadId;
      const { client, Bucket, Key } = this.target;
      const checksum = this.target.crc32 ? { ChecksumCRC32: crc32Base64(part.crc32) } : {};
      const length = part.end - part.start;
      const body = part.memory ? part.memory.subarray(0, length) : await this.readPart(part, lane);
      const output = await sendWithPayloadSha256(
        client,
        () =>
          new UploadPartCommand({
            Bucket,
            Key,
            UploadId,
            PartNumber: part.PartNumber,
            Body: body,
            ContentLength: length,
            ...checksum,
          }),
        // A body in memory would be hashed by the SDK to sign it: the CRC32 the server checks guards it instead.
        part.sha256 ?? UNSIGNED_PAYLOAD,
      );
      return { ETag: output.ETag, PartNumber: part.PartNumber, ...checksum };
    } finally {
      // Its request has ended: the buffer can take another part.
      if (part.memory) this.free.push(part.memory);
      part.memory = undefined;
    }
  }

  /** A pooled buffer, if one is free or may still be made. */
  private takeBuffer(): Buffer | undefined {
    const buffer = this.free.pop();
    if (buffer !== undefined || this.made > this.lanes.length) return buffer;
    this.made++;
    return Buffer.allocUnsafeSlow(this.target.partSize);
  }

  /** The part's bytes, read back from the spool file into a pooled buffer or else the lane's own. */
  private async readPart(part: SealedPart, lane: number): Promise<Buffer> {
    const length = part.end - part.start;
    let buffer = this.takeBuffer();
    if (buffer !== undefined)
      part.memory = buffer; // given back with the part's (sendPart)
    else {
      buffer = this.laneBuffers[lane] ?? Buffer.allocUnsafeSlow(this.target.partSize);
      this.laneBuffers[lane] = buffer;
    }
    const handle = await open(this.target.file, 'r');
    try {
      for (let at = 0; at < length; ) {
        const { bytesRead } = await handle.read(buffer, at, length - at, part.start + at);
        if (bytesRead === 0) throw new Error(`${this.target.file} ended before part ${part.PartNumber}`);
        at += bytesRead;
      }
    } finally {
      await handle.close();
    }
    return buffer.subarray(0, length);
  }
}
