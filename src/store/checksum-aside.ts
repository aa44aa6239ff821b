// A big file's checksum taken by a worker thread (rows-worker.ts), so the calling thread
// stays free: a run checksums its inputs while its first tasks work.
import { startWorker, workerFile } from '../worker-file.js';
import type { FileChecksum } from './ledger.js';

/**
 * Past this a file is read, hashed and counted by a worker thread. Below it, doing it
 * on the calling thread (about 70 ms per 50 MB) costs less than starting the worker.
 */
export const ASIDE_FROM_BYTES = 64 << 20;

/**
 * The checksum of the file at `path` holding the object `key` (its name says how rows are
 * counted), taken by a worker thread; undefined when the worker cannot run.
 */
export function checksumFileAside(path: string, key: string): Promise<Omit<FileChecksum, 'path'> | undefined> {
  return new Promise((resolve) => {
    const worker = startWorker(workerFile('store/rows-worker.ts', 'rows-worker'), { workerData: { path, key } });
    worker.once('message', (sum: Omit<FileChecksum, 'path'>) => resolve(sum));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
