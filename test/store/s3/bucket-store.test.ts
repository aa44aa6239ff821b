// The bucket store against a real S3 server (versitygw on loopback): streaming
// reads and writes, conditional writes, server-side copies, listing, refusals.
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataContractError } from '../../../src/errors.js';
import { mapLimited } from '../../../src/map-limited.js';
import { ObjectNotFoundError, PreconditionFailedError } from '../../../src/store/object-store.js';
import { openS3Store, type S3ObjectStore } from '../../../src/store/s3/bucket-store.js';
import { stubS3Env } from '../../support/s3-env.js';
import { startVersitygw, type Versitygw } from '../../support/versitygw.js';

let server: Versitygw;
let store: S3ObjectStore;

beforeAll(async () => {
  server = await startVersitygw({ buckets: ['lake'] });
  stubS3Env(server);
  store = openS3Store('s3://lake/root', { partSize: 5 * 1024 * 1024, queueSize: 2 });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function keys(bucket: S3ObjectStore, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const info of bucket.list(prefix)) found.push(info.key);
  return found;
}

/** Multipart uploads still open on exactly `key` (a full key in the bucket). */
async function pendingUploads(key: string): Promise<string[]> {
  const output = await store.client.send(new ListMultipartUploadsCommand({ Bucket: 'lake', Prefix: key }));
  return (output.Uploads ?? []).filter((u) => u.Key === key).map((u) => u.UploadId ?? '');
}

/** `count` chunks of 1 MiB of pseudo-random bytes, generated as they are read. */
async function* megabytes(count: number, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < count; i++) {
    const chunk = createHash('sha512').update(String(i)).digest();
    const block = Buffer.alloc(1024 * 1024);
    for (let at = 0; at < block.length; at += chunk.length) chunk.copy(block, at);
    hash.update(block);
    yield block;
  }
}

describe('S3ObjectStore on versitygw', () => {
  it('writes, heads and reads back an object under the prefix with its metadata', async () => {
    const written = await store.write('gold/dt=2026-05-02/sales.csv', 'day,total\n2026-05-02,10\n', {
      metadata: { sha256: 'abc', rows: '1' },
      contentType: 'text/csv',
    });
    expect(written).toMatchObject({ key: 'gold/dt=2026-05-02/sales.csv', size: 24 });
    const head = await store.head('gold/dt=2026-05-02/sales.csv');
    expect(head).toMatchObject({ size: 24, etag: written.etag, metadata: { sha256: 'abc', rows: '1' } });
    expect(await text(await store.read('gold/dt=2026-05-02/sales.csv'))).toBe('day,total\n2026-05-02,10\n');
    expect(await store.readText('gold/dt=2026-05-02/sales.csv')).toBe('day,total\n2026-05-02,10\n');
    expect(store.describe('gold/dt=2026-05-02/sales.csv')).toBe('s3://lake/root/gold/dt=2026-05-02/sales.csv');
  });

  it('answers missing keys as the interface says: head undefined, readText undefined, read ObjectNotFoundError, delete quietly', async () => {
    expect(await store.head('nothing/here')).toBeUndefined();
    expect(await store.readText('nothing/here')).toBeUndefined();
    await expect(store.read('nothing/here')).rejects.toThrow(ObjectNotFoundError);
    await expect(store.read('nothing/here')).rejects.toThrow('s3://lake/root/nothing/here does not exist');
    await expect(store.delete('nothing/here')).resolves.toBeUndefined();
  });

  it('honours If-None-Match: * and If-Match (versitygw answers 412) as PreconditionFailedError', async () => {
    const first = await store.write('leases/p.json', '{"holder":"a"}', { ifNoneMatch: '*' });
    const again = store.write('leases/p.json', '{"holder":"b"}', { ifNoneMatch: '*' });
    await expect(again).rejects.toThrow(PreconditionFailedError);
    await expect(again).rejects.toThrow('s3://lake/root/leases/p.json was written by someone else meanwhile');
    await expect(
      store.write('leases/p.json', '{"holder":"c"}', { ifMatch: '"0123456789abcdef0123456789abcdef"' }),
    ).rejects.toThrow(PreconditionFailedError);
    const second = await store.write('leases/p.json', '{"holder":"d"}', { ifMatch: first.etag });
    expect(second.etag).not.toBe(first.etag);
    await expect(store.write('leases/p.json', '{"holder":"e"}', { ifMatch: first.etag })).rejects.toThrow(
      PreconditionFailedError,
    );
    await expect(store.write('leases/gone.json', 'x', { ifMatch: first.etag })).rejects.toThrow(
      PreconditionFailedError,
    );
    expect(await store.readText('leases/p.json')).toBe('{"holder":"d"}');
  });

  it('streams a large body up in parts and back, byte for byte, and a conditional multipart write loses to an existing key', async () => {
    const up = createHash('sha256');
    const info = await store.write('big/blob.bin', megabytes(12, up), { metadata: { rows: '12' } });
    expect(info.size).toBe(12 * 1024 * 1024);
    expect(info.etag).toMatch(/-3"?$/); // three 5 MiB parts: a multipart ETag
    const down = createHash('sha256');
    for await (const chunk of await store.read('big/blob.bin')) down.update(chunk as Buffer);
    expect(down.digest('hex')).toBe(up.digest('hex'));
    expect((await store.head('big/blob.bin'))?.metadata).toEqual({ rows: '12' });
    await expect(store.write('big/blob.bin', megabytes(6, createHash('sha256')), { ifNoneMatch: '*' })).rejects.toThrow(
      PreconditionFailedError,
    );
    expect((await store.head('big/blob.bin'))?.size).toBe(12 * 1024 * 1024);
  });

  it("stops a streamed write when the attempt's signal aborts, leaving nothing at the key", async () => {
    const controller = new AbortController();
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (let i = 0; ; i++) {
        if (i === 7) controller.abort(new Error('attempt timed out'));
        yield Buffer.alloc(1024 * 1024, i);
      }
    }
    await expect(store.write('aborted/out.bin', endless(), { signal: controller.signal })).rejects.toThrow(
      'attempt timed out',
    );
    expect(await store.head('aborted/out.bin')).toBeUndefined();
  });

  it("passes the body's own failure through unchanged (a data contract error stays one), writing nothing", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'day,total\n';
      yield Buffer.alloc(6 * 1024 * 1024, 'x').toString();
      throw new DataContractError('row 3: total is not a number');
    }
    const write = store.write('failed/out.csv', failing());
    await expect(write).rejects.toBeInstanceOf(DataContractError);
    await expect(write).rejects.toThrow('row 3: total is not a number');
    expect(await store.head('failed/out.csv')).toBeUndefined();
  });

  it('fails a write whose body is destroyed before the store starts sending it, as that write and nothing else', async () => {
    // A task that fails just after opening its output: the body dies while the store still waits (for a
    // send of the same key, or its first CRC32 probe). That error is the write's, never an unhandled event.
    const run = store.withRunCopies();
    for (const target of [store, run.store]) {
      const body = new PassThrough();
      const write = target.write('destroyed/out.csv', body);
      body.destroy(new Error('write aborted'));
      await expect(write).rejects.toThrow('write aborted');
      const closed = new PassThrough();
      const quiet = target.write('destroyed/out.csv', closed);
      closed.destroy();
      await expect(quiet).rejects.toThrow();
    }
    expect(await store.head('destroyed/out.csv')).toBeUndefined();
    await run.close();
  });

  it('copies server-side with the metadata, also part by part above the single-copy limit', async () => {
    await store.write('staging/run-1/out.csv', 'a,b\n1,2\n', { metadata: { sha256: 'feed' } });
    const copied = await store.copy('staging/run-1/out.csv', 'gold/out.csv');
    expect(copied).toMatchObject({ key: 'gold/out.csv', size: 8, metadata: { sha256: 'feed' } });
    expect(await store.readText('gold/out.csv')).toBe('a,b\n1,2\n');
    expect((await store.head('gold/out.csv'))?.metadata).toEqual({ sha256: 'feed' });

    const parted = openS3Store('s3://lake/root', { multipartCopyAbove: 1024 * 1024, copyPartSize: 5 * 1024 * 1024 });
    const up = createHash('sha256');
    await parted.write('staging/run-1/big.bin', megabytes(11, up), { metadata: { sha256: 'big' } });
    const big = await parted.copy('staging/run-1/big.bin', 'gold/big.bin');
    expect(big).toMatchObject({ size: 11 * 1024 * 1024, metadata: { sha256: 'big' } });
    expect(big.etag).toMatch(/-3"?$/);
    const down = createHash('sha256');
    for await (const chunk of await parted.read('gold/big.bin')) down.update(chunk as Buffer);
    expect(down.digest('hex')).toBe(up.digest('hex'));

    await expect(store.copy('staging/none.csv', 'gold/none.csv')).rejects.toThrow(ObjectNotFoundError);
  });

  it('prepares a large copy out of sight: nothing at the key until it is completed, and an abort leaves nothing', async () => {
    const ahead = openS3Store('s3://lake/root', { prepareCopyAbove: 5 * 1024 * 1024, copyPartSize: 5 * 1024 * 1024 });
    const up = createHash('sha256');
    await ahead.write('staging/run-2/big.bin', megabytes(7, up));
    const pending = await ahead.prepareCopy('staging/run-2/big.bin', 'live/big.bin');
    expect(pending).toMatchObject({ from: 'staging/run-2/big.bin', to: 'live/big.bin' });
    expect(await ahead.head('live/big.bin')).toBeUndefined();
    expect(await keys(ahead, 'live/')).toEqual([]);
    await pending?.complete();
    const down = createHash('sha256');
    for await (const chunk of await ahead.read('live/big.bin')) down.update(chunk as Buffer);
    expect(down.digest('hex')).toBe(up.digest('hex'));

    const dropped = await ahead.prepareCopy('staging/run-2/big.bin', 'live/dropped.bin');
    await dropped?.abort();
    await expect(dropped?.complete()).rejects.toThrow(/already ended/);
    expect(await ahead.head('live/dropped.bin')).toBeUndefined();
    expect(await pendingUploads('root/live/dropped.bin')).toEqual([]);

    // One a killed process left open is aborted by the next copy prepared to the same key.
    await ahead.prepareCopy('staging/run-2/big.bin', 'live/left.bin');
    const next = await ahead.prepareCopy('staging/run-2/big.bin', 'live/left.bin');
    expect(await pendingUploads('root/live/left.bin')).toHaveLength(1);
    await next?.abort();

    await ahead.write('staging/run-2/small.csv', 'a,b\n');
    expect(await ahead.prepareCopy('staging/run-2/small.csv', 'live/small.csv')).toBeUndefined();

    // A large copy has the source's bytes, metadata and CRC32.
    const run = ahead.withRunCopies();
    await run.store.write('staging/run-2/sums.bin', megabytes(6, createHash('sha256')), { metadata: { rows: '6' } });
    await run.store.head('staging/run-2/sums.bin');
    await run.close();
    const copied = await ahead.copy('staging/run-2/sums.bin', 'gold/sums.bin');
    expect(copied.metadata).toEqual({ rows: '6' });
    const crcOf = async (key: string) =>
      (await store.client.send(new HeadObjectCommand({ Bucket: 'lake', Key: `root/${key}`, ChecksumMode: 'ENABLED' })))
        .ChecksumCRC32;
    expect(await crcOf('gold/sums.bin')).toBe(await crcOf('staging/run-2/sums.bin'));
    expect(await crcOf('gold/sums.bin')).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    const [source, copy] = await Promise.all([ahead.read('staging/run-2/sums.bin'), ahead.read('gold/sums.bin')]);
    expect(await text(copy)).toBe(await text(source));
    // A reader that checks the checksums the server keeps reads every copy whole, made ahead in one part or several.
    const onePart = openS3Store('s3://lake/root', { prepareCopyAbove: 5 * 1024 * 1024 });
    await (await onePart.prepareCopy('staging/run-2/sums.bin', 'live/sums-one-part.bin'))?.complete();
    await (await ahead.prepareCopy('staging/run-2/sums.bin', 'live/sums.bin'))?.complete();
    for (const key of ['gold/sums.bin', 'live/sums-one-part.bin', 'live/big.bin', 'live/sums.bin']) {
      const output = await store.client.send(
        new GetObjectCommand({ Bucket: 'lake', Key: `root/${key}`, ChecksumMode: 'ENABLED' }),
      );
      expect((await output.Body?.transformToByteArray())?.length).toBeGreaterThan(5 * 1024 * 1024);
    }
    expect(await crcOf('live/sums-one-part.bin')).toBe(await crcOf('staging/run-2/sums.bin'));
  });

  it('lists keys relative to its prefix, in key order, across pages, and never another prefix', async () => {
    const keys = Array.from({ length: 1005 }, (_, i) => `many/k${String(i).padStart(4, '0')}`);
    await mapLimited(keys, 16, (key) => store.write(key, key));
    await openS3Store('s3://lake/rootless').write('many/k9999', 'not mine');
    const listed: string[] = [];
    for await (const info of store.list('many/')) listed.push(info.key);
    expect(listed).toEqual(keys);
    const some: string[] = [];
    for await (const info of store.list('many/k100')) some.push(info.key);
    expect(some).toEqual(['many/k1000', 'many/k1001', 'many/k1002', 'many/k1003', 'many/k1004']);
  });

  it('refuses keys that would leave the root, before any request', async () => {
    for (const key of ['../escape', '/abs', 'a//b', 'a/./b', '', 'a/']) {
      await expect(store.write(key, 'x')).rejects.toThrow(/^refusing key .* under s3:\/\/lake\/root: it /);
    }
    await expect(store.head('../x')).rejects.toThrow('refusing key');
  });
});
