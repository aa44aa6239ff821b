// The worker thread of `checksumObject` for a big file: counts its rows, reading the
// file itself, while the calling thread reads it again for sha256 (a second read from
// the page cache costs less than either count). Its own bundle (dist/rows-worker/).
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { fileChunks } from './file-chunks.js';
import { rowCounterFor } from './rows.js';

const port = parentPort;
if (port === null) throw new Error('rows-worker runs as a worker thread');
const { path } = workerData as { path: string };
const rows = rowCounterFor(path);
for await (const chunk of fileChunks(await open(path, 'r'))) rows.add(chunk);
port.postMessage(rows.total());
