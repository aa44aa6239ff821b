// The worker thread of a bucket store's `checksum` (bucket-store.ts): downloads one
// object into the run's local copy and takes its sha256, bytes and rows in the same
// pass, so neither the download nor the hashing runs on the thread of the tasks,
// which meanwhile read the copy as it grows (run-copies.ts). Its own bundle
// (dist/download-worker/). It says how many bytes are on disk as they land.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { rowCounterFor } from '../rows.js';
import { s3ClientConfig } from './url.js';

/** What the store hands the worker: the object, pinned to its ETag, and the credentials it resolved. */
export interface DownloadJob {
  bucket: string;
  objectKey: string;
  etag: string;
  /** The copy file to write. */
  file: string;
  /** The store key, for the row counter (CSV records or lines). */
  key: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export type DownloadMessage =
  | { onDisk: number }
  | { done: { rows: number; bytes: number; sha256: string } }
  | { failed: string };

/** Writes go to disk a few MiB at a time, not once per network chunk. */
const WRITE_BYTES = 4 << 20;

const port = parentPort;
if (port === null) throw new Error('download-worker runs as a worker thread');
const job = workerData as DownloadJob;
const client = new S3Client({ ...s3ClientConfig(process.env), credentials: job.credentials });
const handle = await open(job.file, 'w');
try {
  const output = await client.send(new GetObjectCommand({ Bucket: job.bucket, Key: job.objectKey, IfMatch: job.etag }));
  const hash = createHash('sha256');
  const rows = rowCounterFor(job.key);
  let bytes = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const buffer = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    if (buffer !== undefined) await handle.write(buffer);
    port.postMessage({ onDisk: bytes } satisfies DownloadMessage);
  };
  for await (const chunk of output.Body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    rows.add(chunk);
    bytes += chunk.byteLength;
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= WRITE_BYTES) await flush();
  }
  await flush();
  port.postMessage({ done: { rows: rows.total(), bytes, sha256: hash.digest('hex') } } satisfies DownloadMessage);
} catch (error) {
  port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies DownloadMessage);
} finally {
  await handle.close();
  client.destroy();
}
