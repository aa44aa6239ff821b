// The worker thread of a big bucket object a run reads (download-aside.ts): GETs it from a
// presigned URL into the run's copy file, hashing and counting it on the way. So its bytes
// never pass the run's main thread, whose heap V8 collected every 15 MB of network buffers
// (a full collection each time: 1.3 s of CPU for a 500 MB input), and its checksum needs no
// second read of the file. Its own bundle (dist/download-worker/).
// Tells its parent, in order: the object's ETag and size, each stretch on disk, the checksum;
// or why it stopped (the parent then reads the rest through the SDK, which names the error).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { parentPort, workerData } from 'node:worker_threads';
import { rowCounterFor } from '../rows.js';
import { writeAll } from '../write-all.js';

export interface DownloadJob {
  url: string;
  /** The run's copy file, created here. */
  file: string;
  /** The object's key: its name says how rows are counted. */
  key: string;
  /** A connection silent this long is dropped. */
  timeoutMs: number;
}

export type DownloadMessage =
  | { kind: 'response'; etag: string; size: number }
  | { kind: 'wrote'; bytes: number }
  | { kind: 'done'; sum: { rows: number; bytes: number; sha256: string } }
  | { kind: 'failed'; message: string };

/** Bytes gathered from the network before one write: the disk gets big writes, the follower big steps. */
const WRITE_BYTES = 1 << 20;

const port = parentPort;
if (port === null) throw new Error('download-worker runs as a worker thread');
const job = workerData as DownloadJob;
const send = (message: DownloadMessage) => port.postMessage(message);

try {
  const response = await get(job);
  const etag = response.headers.etag ?? '';
  const size = Number(response.headers['content-length']);
  if (response.statusCode !== 200 || etag === '' || !Number.isSafeInteger(size)) {
    response.resume();
    throw new Error(`GET answered ${response.statusCode}${etag === '' ? ' without an ETag' : ''}`);
  }
  send({ kind: 'response', etag, size });
  const hash = createHash('sha256');
  const rows = rowCounterFor(job.key);
  const handle = await open(job.file, 'w');
  let bytes = 0;
  try {
    let batch: Buffer[] = [];
    let batchBytes = 0;
    const flush = async () => {
      await writeAll(handle, Buffer.concat(batch, batchBytes));
      bytes += batchBytes;
      batch = [];
      batchBytes = 0;
      send({ kind: 'wrote', bytes });
    };
    // Awaiting the disk pauses the response: memory stays flat whatever the object's size.
    for await (const chunk of response as AsyncIterable<Buffer>) {
      hash.update(chunk);
      rows.add(chunk);
      batch.push(chunk);
      batchBytes += chunk.byteLength;
      if (batchBytes >= WRITE_BYTES) await flush();
    }
    await flush();
  } finally {
    await handle.close();
  }
  if (bytes !== size) throw new Error(`the download ended after ${bytes} of ${size} bytes`);
  send({ kind: 'done', sum: { rows: rows.total(), bytes, sha256: hash.digest('hex') } });
} catch (error) {
  send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}

function get({ url, timeoutMs }: DownloadJob): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, { timeout: timeoutMs }, resolve);
    request.on('timeout', () => request.destroy(new Error(`no answer for ${timeoutMs / 1000} s`)));
    request.on('error', reject);
    request.end();
  });
}
