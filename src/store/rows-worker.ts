// The worker thread of `checksumObject` for a big file: reads it once for its sha256, bytes
// and rows, off the calling thread (a run checksums its inputs while its first tasks work).
// Its own bundle (dist/rows-worker/).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { fileChunks } from './file-chunks.js';
import { rowCounterFor } from './rows.js';

const port = parentPort;
if (port === null) throw new Error('rows-worker runs as a worker thread');
const { path, key } = workerData as { path: string; key: string };
const hash = createHash('sha256');
const rows = rowCounterFor(key);
let bytes = 0;
for await (const chunk of fileChunks(await open(path, 'r'))) {
  hash.update(chunk);
  rows.add(chunk);
  bytes += chunk.length;
}
port.postMessage({ rows: rows.total(), bytes, sha256: hash.digest('hex') });
