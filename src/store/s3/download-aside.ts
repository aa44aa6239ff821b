// A big object a run reads, downloaded into the run's copy by a worker thread
// (download-worker.ts) that hashes it on the way: the run's tasks follow the copy as it
// grows, and its checksum comes with the last byte. The GET is presigned here, with the
// client's own credentials and endpoint, so the worker needs no SDK.
import { rm } from 'node:fs/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startWorker, workerFile } from '../../worker-file.js';
import type { FileChecksum } from '../ledger.js';
import type { DownloadJob, DownloadMessage } from './download-worker.js';
import type { Download, RunCopies } from './run-copies.js';
import { SOCKET_TIMEOUT_MS } from './url.js';

/** Long enough for any transfer to start; S3 checks a presigned URL's expiry when a request begins. */
const URL_EXPIRES_SECONDS = 15 * 60;

export interface DownloadAside {
  client: S3Client;
  Bucket: string;
  /** The object's S3 key. */
  Key: string;
  /** Its store key: names the copy, and says how rows are counted. */
  key: string;
  copies: RunCopies;
  /** Called once with the run's download of the key, or undefined when none was started. */
  started(download: Download | undefined): void;
  signal?: AbortSignal | undefined;
}

/**
 * Downloads the object into a new copy file of the run on a worker thread; resolves to its
 * checksum once the copy is whole, or undefined when it could not be made (the download, if
 * it began, is then stopped: its followers read the rest from the bucket).
 */
export async function downloadAside(job: DownloadAside): Promise<Omit<FileChecksum, 'path'> | undefined> {
  const { copies, key } = job;
  let url: string;
  let file: string;
  try {
    file = copies.newFile();
    url = await getSignedUrl(job.client, new GetObjectCommand({ Bucket: job.Bucket, Key: job.Key }), {
      expiresIn: URL_EXPIRES_SECONDS,
    });
  } catch {
    job.started(undefined);
    return undefined;
  }
  const data: DownloadJob = { url, file, key, timeoutMs: SOCKET_TIMEOUT_MS };
  const worker = startWorker(workerFile('store/s3/download-worker.ts', 'download-worker'), { workerData: data });
  return new Promise((resolve) => {
    let download: Download | undefined;
    let onDisk = 0;
    let settled = false;
    const end = (sum: Omit<FileChecksum, 'path'> | undefined, reason?: string) => {
      if (settled) return;
      settled = true;
      job.signal?.removeEventListener('abort', abort);
      if (download === undefined) job.started(undefined);
      if (sum && download) download.finish();
      else {
        download?.stop(new Error(reason ?? 'the download stopped'));
        void rm(file, { force: true });
      }
      void worker.terminate();
      resolve(sum);
    };
    const abort = () => end(undefined, 'the read was aborted');
    job.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: DownloadMessage) => {
      if (settled) return;
      if (message.kind === 'response') {
        download = copies.startDownload(key, file, message.etag, message.size);
        job.started(download);
      } else if (message.kind === 'wrote') {
        download?.wrote(message.bytes - onDisk);
        onDisk = message.bytes;
      } else if (message.kind === 'done') end(message.sum);
      else end(undefined, message.message);
    });
    worker.once('error', (error) => end(undefined, error.message));
    worker.once('exit', () => end(undefined, 'the download worker stopped'));
  });
}
