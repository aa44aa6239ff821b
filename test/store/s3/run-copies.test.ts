// A run's local copies of bucket objects (versitygw on loopback): what the run
// writes or reads whole is read again from the runner's disk, but only while the
// bucket still holds that very object; the folder goes when the run ends.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checksumObject } from '../../../src/store/manifest.js';
import { openS3Store, type S3ObjectStore } from '../../../src/store/s3/bucket-store.js';
import { downloadAside } from '../../../src/store/s3/download-aside.js';
import type { DownloadMessage } from '../../../src/store/s3/download-worker.js';
import { type Download, RunCopies } from '../../../src/store/s3/run-copies.js';
import { stubS3Env } from '../../support/s3-env.js';
import { startVersitygw, type Versitygw } from '../../support/versitygw.js';

let server: Versitygw;
let store: S3ObjectStore;
let parent: string;

beforeAll(async () => {
  server = await startVersitygw({ buckets: ['lake'] });
  stubS3Env(server);
  store = openS3Store('s3://lake/copies', { partSize: 5 * 1024 * 1024, queueSize: 2 });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'pw-run-copies-'));
});

afterEach(() => {
  rmSync(parent, { recursive: true, force: true });
});

async function bytesOf(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Multipart uploads still open on exactly `key` (a full key in the bucket). */
async function pendingUploads(key: string): Promise<string[]> {
  const output = await store.client.send(new ListMultipartUploadsCommand({ Bucket: 'lake', Prefix: key }));
  return (output.Uploads ?? []).filter((u) => u.Key === key).map((u) => u.UploadId ?? '');
}

async function* chunks(text: string, times: number): AsyncGenerator<string> {
  for (let i = 0; i < times; i++) yield text;
}

/** The copy files of the run folder under `parent` (one folder per run). */
function copyFiles(): string[] {
  return readdirSync(parent).flatMap((folder) => readdirSync(join(parent, folder)).map((f) => join(parent, folder, f)));
}

/** The file in the run folder holding `content` (the test alters it to see whether a read uses it). */
function copyHolding(content: Buffer): string {
  const file = copyFiles().find((f) => readFileSync(f).equals(content));
  if (file === undefined) throw new Error('no local copy holds these bytes');
  return file;
}

/** The GetObject requests the client sends while `work` runs (observed on the real client, as sent). */
/** The GetObject and HeadObject requests `on`'s client sends while `work` runs. */
async function getsDuring<T>(
  on: S3ObjectStore,
  work: () => Promise<T>,
): Promise<{ result: T; gets: Array<{ Key?: string; Range?: string }>; heads: Array<{ Key?: string }> }> {
  const gets: Array<{ Key?: string; Range?: string }> = [];
  const heads: Array<{ Key?: string }> = [];
  const name = `count-gets-${Math.random()}`;
  on.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetObjectCommand') gets.push(args.input as { Key?: string; Range?: string });
      if (context.commandName === 'HeadObjectCommand') heads.push(args.input as { Key?: string });
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await work(), gets, heads };
  } finally {
    on.client.middlewareStack.remove(name);
  }
}

describe('run copies of a bucket store', () => {
  it('downloads an input once for its checksum and the readers that follow the copy as it grows', async () => {
    const raw = Buffer.from(
      'order_id,note\n'.concat(Array.from({ length: 150_000 }, (_, i) => `${i},"line\nbreak ${i}"\n`).join('')),
    );
    await store.write('raw/shared.csv', raw);
    const aside = openS3Store('s3://lake/copies', { checksumAsideFrom: 1024 * 1024 });
    const run = aside.withRunCopies(parent);
    const { result, gets } = await getsDuring(aside, async () => {
      // The run's input checksum (hashed on a worker thread once the copy is whole), and two tasks reading meanwhile.
      const sum = run.store.checksum('raw/shared.csv');
      await new Promise((resolve) => setTimeout(resolve, 5)); // the checksum's download is claimed first
      const streamed = run.store.read('raw/shared.csv').then(bytesOf);
      const chunked = (async () => {
        const parts: Buffer[] = [];
        for await (const chunk of run.store.readChunks('raw/shared.csv')) parts.push(Buffer.from(chunk));
        return Buffer.concat(parts);
      })();
      return Promise.all([sum, streamed, chunked]);
    });
    const [sum, streamed, chunked] = result;
    // CSV records, not lines: the quoted line breaks are inside records.
    expect(sum).toEqual({ rows: 150_000, bytes: raw.length, sha256: createHash('sha256').update(raw).digest('hex') });
    expect(streamed.equals(raw)).toBe(true);
    expect(chunked.equals(raw)).toBe(true);
    // One GET served the checksum and both readers.
    expect(gets.filter((g) => g.Key === 'copies/raw/shared.csv')).toHaveLength(1);
    // It is the run's copy now: read again without the network.
    expect(copyHolding(raw)).toBeDefined();
    await run.close();
    aside.client.destroy();
  });

  it('makes no copy when the download worker is refused, so the run reads the object itself', async () => {
    const copies = new RunCopies(parent);
    const started: Array<Download | undefined> = [];
    const sum = await downloadAside({
      client: store.client,
      Bucket: 'lake',
      Key: 'copies/raw/missing.csv',
      key: 'raw/missing.csv',
      copies,
      started: (download) => started.push(download),
    });
    expect(sum).toBeUndefined();
    // Told once that no download began, so readers waiting for one go to the bucket instead.
    expect(started).toEqual([undefined]);
    expect(copies.has('raw/missing.csv')).toBe(false);
    expect(copyFiles()).toEqual([]);
    await copies.close();
  });

  it('downloads, hashes and counts an input with the bundled download worker, as the committed CLI runs it', async () => {
    const raw = Buffer.from(
      'order_id,note\n'.concat(Array.from({ length: 50_000 }, (_, i) => `${i},"a\nb"\n`).join('')),
    );
    await store.write('raw/bundled.csv', raw);
    const url = await getSignedUrl(
      store.client,
      new GetObjectCommand({ Bucket: 'lake', Key: 'copies/raw/bundled.csv' }),
    );
    const file = join(parent, 'copy');
    const worker = new Worker(new URL('../../../dist/download-worker/index.js', import.meta.url), {
      workerData: { url, file, key: 'raw/bundled.csv', timeoutMs: 10_000 },
    });
    const messages: DownloadMessage[] = [];
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: DownloadMessage) => {
        messages.push(message);
        if (message.kind === 'done' || message.kind === 'failed') resolve();
      });
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(messages[0]).toMatchObject({ kind: 'response', size: raw.length });
    expect(messages.at(-2)).toEqual({ kind: 'wrote', bytes: raw.length });
    expect(messages.at(-1)).toEqual({
      kind: 'done',
      sum: { rows: 50_000, bytes: raw.length, sha256: createHash('sha256').update(raw).digest('hex') },
    });
    expect(readFileSync(file).equals(raw)).toBe(true);
  });

  it("takes an input's size from the caller that has just asked for it: one request fewer at a run's start", async () => {
    const raw = Buffer.from('order_id,total\n'.concat('1,2.50\n'.repeat(300_000)));
    await store.write('raw/sized.csv', raw);
    const aside = openS3Store('s3://lake/copies', { checksumAsideFrom: 1024 * 1024 });
    const run = aside.withRunCopies(parent);
    const { result, gets, heads } = await getsDuring(aside, () =>
      checksumObject(run.store, 'raw/sized.csv', { size: raw.length }),
    );
    expect(result).toMatchObject({ rows: 300_000, bytes: raw.length });
    expect(heads).toEqual([]);
    expect(gets).toHaveLength(1);
    await run.close();
    // Without it, the store asks for the size itself.
    const again = aside.withRunCopies(parent);
    const asked = await getsDuring(aside, () => checksumObject(again.store, 'raw/sized.csv'));
    expect(asked.heads).toHaveLength(1);
    await again.close();
    aside.client.destroy();
  });

  it('lets a follower finish from the bucket when the reader that was downloading stops early', async () => {
    const raw = Buffer.from('order_id,total\n'.concat('1,2.50\n'.repeat(600_000)));
    await store.write('raw/early.csv', raw);
    const run = store.withRunCopies(parent);
    const { result, gets } = await getsDuring(store, async () => {
      const first = await run.store.read('raw/early.csv');
      const follower = run.store.read('raw/early.csv');
      for await (const _ of first) break; // the header only: its download stops
      return bytesOf(await follower);
    });
    expect(result.equals(raw)).toBe(true);
    // The rest came from the bucket, pinned to the object the download was of.
    const ranged = gets.filter((g) => g.Range !== undefined);
    expect(ranged).toHaveLength(1);
    expect(ranged[0]?.Range).toMatch(/^bytes=\d+-$/);
    await run.close();
  });

  it("reads what the run wrote from the runner's disk, sent in one PutObject", async () => {
    const run = store.withRunCopies(parent);
    const line = 'order_id,order_total\n1,10.00\n';
    const written = await run.store.write('bronze/orders.csv', chunks(line, 1000));
    expect(written.size).toBe(line.length * 1000);
    // The run's view waits for what it sends: a head after the write sees the object.
    const sent = await run.store.head('bronze/orders.csv');
    expect(sent?.size).toBe(line.length * 1000);
    expect(sent?.etag).not.toMatch(/-\d+"?$/); // one request, not a multipart upload
    const bytes = Buffer.from(line.repeat(1000));
    expect(await bytesOf(await store.read('bronze/orders.csv'))).toEqual(bytes);

    // Same size, other bytes: a read that answers with them came from the copy, not the bucket.
    const marked = Buffer.from(bytes.toString().replaceAll('10.00', '99.99'));
    writeFileSync(copyHolding(bytes), marked);
    expect(await bytesOf(await run.store.read('bronze/orders.csv'))).toEqual(marked);
    await run.close();
  });

  it('sends a write with the CRC32 the server checks and keeps, and the SHA-256 its writer hashed, refused when wrong', async () => {
    const run = store.withRunCopies(parent);
    const line = 'order_id,order_total\n2,20.00\n';
    const bytes = Buffer.from(line.repeat(500));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await run.store.write('bronze/checked.csv', chunks(line, 500), { bodySha256: () => sha256 });
    await run.store.head('bronze/checked.csv');
    const head = await store.client.send(
      new HeadObjectCommand({ Bucket: 'lake', Key: 'copies/bronze/checked.csv', ChecksumMode: 'ENABLED' }),
    );
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(bytes));
    expect(head.ChecksumCRC32).toBe(crc.toString('base64'));
    // A run reads its own write in reused buffers from its copy; the bytes are the same.
    const read: Buffer[] = [];
    for await (const chunk of run.store.readChunks('bronze/checked.csv')) read.push(Buffer.from(chunk));
    expect(Buffer.concat(read)).toEqual(bytes);

    const wrong = createHash('sha256').update('other bytes').digest('hex');
    await run.store.write('bronze/wrong.csv', chunks(line, 500), { bodySha256: () => wrong });
    await expect(run.store.head('bronze/wrong.csv')).rejects.toThrow();
    expect(await store.head('bronze/wrong.csv')).toBeUndefined();
    await run.close();
  });

  it('does not use a copy once the bucket holds another object at the key, or when the copy lost bytes', async () => {
    const run = store.withRunCopies(parent);
    await run.store.write('bronze/replaced.csv', chunks('a,b\n', 100));
    await run.store.head('bronze/replaced.csv'); // in the bucket
    const copy = copyHolding(Buffer.from('a,b\n'.repeat(100)));
    // Someone else replaces the object: same size, other bytes, another ETag.
    await store.write('bronze/replaced.csv', 'c,d\n'.repeat(100));
    expect((await bytesOf(await run.store.read('bronze/replaced.csv'))).toString()).toBe('c,d\n'.repeat(100));
    expect(existsSync(copy)).toBe(false);

    await run.store.write('bronze/truncated.csv', chunks('e,f\n', 100));
    await run.store.head('bronze/truncated.csv');
    const short = copyHolding(Buffer.from('e,f\n'.repeat(100)));
    writeFileSync(short, 'e,f\n');
    expect((await bytesOf(await run.store.read('bronze/truncated.csv'))).toString()).toBe('e,f\n'.repeat(100));

    await run.store.write('bronze/deleted.csv', chunks('g\n', 10));
    await run.store.head('bronze/deleted.csv');
    await store.delete('bronze/deleted.csv');
    await expect(run.store.read('bronze/deleted.csv')).rejects.toThrow('does not exist');
    await run.close();
  });

  it('keeps what it read whole from the bucket, and nothing from a reader that stopped early', async () => {
    const raw = 'order_id\n'.repeat(200_000);
    await store.write('raw/orders.csv', raw);
    const run = store.withRunCopies(parent);
    const first = await run.store.read('raw/orders.csv');
    for await (const _ of first) break; // the header only
    // The partial copy is removed as the reader stops (given up to 2 s on a busy machine).
    for (let tries = 0; tries < 40 && copyFiles().length > 0; tries++) await new Promise((r) => setTimeout(r, 50));
    expect(copyFiles()).toEqual([]);

    expect((await bytesOf(await run.store.read('raw/orders.csv'))).toString()).toBe(raw);
    const marked = raw.replace('order_id', 'ORDER_ID');
    writeFileSync(copyHolding(Buffer.from(raw)), marked);
    expect((await bytesOf(await run.store.read('raw/orders.csv'))).toString()).toBe(marked);
    // Another process of the bucket (no copies) reads the bucket's bytes.
    expect((await bytesOf(await store.read('raw/orders.csv'))).toString()).toBe(raw);
    await run.close();
  });

  it('sends a spooled write above the single-request limit in parts, byte for byte', async () => {
    const parted = openS3Store('s3://lake/copies', { singlePutMax: 6 * 1024 * 1024, partSize: 5 * 1024 * 1024 });
    const run = parted.withRunCopies(parent);
    const block = createHash('sha512').update('x').digest('hex').repeat(1024); // 128 KiB
    await run.store.write('big/blob.txt', chunks(block, 80)); // 10 MiB
    expect((await run.store.head('big/blob.txt'))?.etag).toMatch(/-\d+"?$/); // parts: above the limit
    expect((await bytesOf(await store.read('big/blob.txt'))).toString()).toBe(block.repeat(80));
    await run.close();
  });

  it('sends a large write in parts while it is still being written, and none of it when the body fails', async () => {
    const parted = openS3Store('s3://lake/copies', { spoolPartSize: 5 * 1024 * 1024 });
    const run = parted.withRunCopies(parent);
    const block = Buffer.alloc(1024 * 1024, 'row,1\n');
    let uploadsSeen: string[] = [];
    async function* body(fail: boolean): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 12; i++) {
        if (i === 11) {
          // Two parts are on disk: the upload is open before the body ends (waited for, up to 5 s).
          for (let tries = 0; tries < 50 && uploadsSeen.length === 0; tries++) {
            uploadsSeen = await pendingUploads(`copies/${fail ? 'parted/failed.csv' : 'parted/rows.csv'}`);
            if (uploadsSeen.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
          }
          if (fail) throw new Error('row 11000000: not a number');
        }
        yield block;
      }
    }
    await run.store.write('parted/rows.csv', body(false));
    expect(uploadsSeen).toHaveLength(1);
    const head = await run.store.head('parted/rows.csv');
    expect(head?.etag).toMatch(/-3"?$/); // 5 + 5 + 2 MiB
    const bytes = Buffer.concat(Array.from({ length: 12 }, () => block));
    expect(await bytesOf(await store.read('parted/rows.csv'))).toEqual(bytes);
    const checksum = await store.client.send(
      new HeadObjectCommand({ Bucket: 'lake', Key: 'copies/parted/rows.csv', ChecksumMode: 'ENABLED' }),
    );
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(bytes));
    expect(checksum.ChecksumCRC32).toBe(crc.toString('base64')); // of the whole object, as one PutObject keeps it

    uploadsSeen = [];
    await expect(run.store.write('parted/failed.csv', body(true))).rejects.toThrow('not a number');
    expect(uploadsSeen).toHaveLength(1);
    expect(await store.head('parted/failed.csv')).toBeUndefined();
    expect(await pendingUploads('copies/parted/failed.csv')).toEqual([]);
    await run.close();
  });

  it('takes a write chunk by chunk from a writer that reuses one buffer, and leaves nothing of an aborted one', async () => {
    expect(await store.openWrite('reused/out.csv')).toBeUndefined(); // outside a run: stream it to write()
    const parted = openS3Store('s3://lake/copies', { spoolPartSize: 5 * 1024 * 1024 });
    const run = parted.withRunCopies(parent);
    const sink = await run.store.openWrite('reused/out.csv');
    if (sink === undefined) throw new Error('a run takes chunk writes');
    // One buffer, refilled once each write has resolved: what the bucket holds is every fill, in order.
    const buffer = Buffer.alloc(1024 * 1024);
    const expected: Buffer[] = [];
    for (let i = 0; i < 12; i++) {
      buffer.fill(`row,${i}\n`);
      expected.push(Buffer.from(buffer));
      await sink.write(buffer);
    }
    await sink.end();
    expect((await run.store.head('reused/out.csv'))?.size).toBe(12 * 1024 * 1024); // sent behind: waits for it
    expect(await bytesOf(await store.read('reused/out.csv'))).toEqual(Buffer.concat(expected));
    const aborted = await run.store.openWrite('reused/aborted.csv');
    await aborted?.write(buffer);
    await aborted?.abort();
    await run.close();
    expect(await store.head('reused/aborted.csv')).toBeUndefined();
    expect(await pendingUploads('copies/reused/aborted.csv')).toEqual([]);
  });

  it('leaves neither an object nor a copy when the body fails or the write is aborted', async () => {
    const run = store.withRunCopies(parent);
    async function* failing(): AsyncGenerator<string> {
      yield 'a,b\n';
      throw new Error('row 2: not a number');
    }
    await expect(run.store.write('failed/out.csv', failing())).rejects.toThrow('row 2: not a number');
    const controller = new AbortController();
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (let i = 0; ; i++) {
        if (i === 3) controller.abort(new Error('attempt timed out'));
        yield Buffer.alloc(1024 * 1024, i);
      }
    }
    await expect(run.store.write('aborted/out.bin', endless(), { signal: controller.signal })).rejects.toThrow(
      'attempt timed out',
    );
    expect(await store.head('failed/out.csv')).toBeUndefined();
    expect(await store.head('aborted/out.bin')).toBeUndefined();
    expect(copyFiles()).toEqual([]);
    await run.close();
  });

  it('reads a write from its copy while sending it, and a send that failed is the error of the next call for the key', async () => {
    const nowhere = openS3Store('s3://no-such-lake/copies').withRunCopies(parent);
    await nowhere.store.write('bronze/orders.csv', chunks('a,b\n', 100));
    // Written by this run, not yet (or never) in the bucket: the run reads what it wrote.
    expect((await bytesOf(await nowhere.store.read('bronze/orders.csv'))).toString()).toBe('a,b\n'.repeat(100));
    await expect(nowhere.store.head('bronze/orders.csv')).rejects.toThrow('s3://no-such-lake');
    await expect(nowhere.store.copy('bronze/orders.csv', 'versions/orders.csv')).rejects.toThrow('s3://no-such-lake');
    await nowhere.close();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('removes its folder when the run ends, and one a killed run left behind', async () => {
    // A folder named for a process that is gone, as a run killed with -9 leaves it.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const left = join(parent, `pipewright-copies-${dead}-abc123`);
    mkdirSync(left);
    writeFileSync(join(left, '1'), 'stale');

    const run = store.withRunCopies(parent);
    await run.store.write('bronze/ends.csv', chunks('x\n', 10));
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(parent)).toHaveLength(1);
    await run.close();
    expect(readdirSync(parent)).toEqual([]);
    await expect(run.store.write('bronze/after.csv', chunks('y\n', 1))).rejects.toThrow('the run has ended');
    expect((await bytesOf(await run.store.read('bronze/ends.csv'))).toString()).toBe('x\n'.repeat(10));
    expect(readdirSync(parent)).toEqual([]);
  });
});
