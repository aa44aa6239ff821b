// A bucket run copies each committed output into its version while later tasks
// run (versitygw on loopback); the publish keeps such a copy only while neither
// the staged object nor the copy changed, and a run that does not publish removes it.
// An output a first attempt wrote in the version itself is kept there, not copied.
// A large output's live copy is made beside it as an open multipart upload, which
// only the publish completes.
import { createHash } from 'node:crypto';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  copyIntoVersion,
  createVersion,
  discardVersionCopies,
  publishVersion,
  type StagedOutput,
  unpublishedRuns,
} from '../../../src/store/commit.js';
import type { PartitionRef } from '../../../src/store/layout.js';
import { openS3Store, type S3ObjectStore } from '../../../src/store/s3/bucket-store.js';
import { stubS3Env } from '../../support/s3-env.js';
import { startVersitygw, type Versitygw } from '../../support/versitygw.js';

let server: Versitygw;
let store: S3ObjectStore;
const ref: PartitionRef = { dagId: 'sales', partition: '2026-05-02' };
const now = new Date('2026-05-03T06:00:00Z');

beforeAll(async () => {
  server = await startVersitygw({ buckets: ['lake'] });
  stubS3Env(server);
  store = openS3Store('s3://lake/ahead');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

async function staged(runId: string, text: string): Promise<StagedOutput> {
  const key = `_pipewright/staging/sales/2026-05-02/${runId}/build.1/gold/sales.csv`;
  await store.write(key, text);
  return { name: 'sales', path: 'gold/sales.csv', staged: key };
}

/** An output a first attempt wrote in the run's version itself, with what its writer hashed and counted. */
async function inPlace(runId: string, text: string): Promise<StagedOutput> {
  const key = `_pipewright/versions/sales/2026-05-02/${runId}/gold/sales.csv`;
  await store.write(key, text);
  const written = { bytes: Buffer.byteLength(text), rows: text.split('\n').length - 2 };
  return { name: 'sales', path: 'gold/sales.csv', staged: key, sha256: sha256(text), written };
}

/** Multipart uploads still open under the store's prefix. */
async function openUploads(): Promise<string[]> {
  const output = await store.client.send(new ListMultipartUploadsCommand({ Bucket: 'lake', Prefix: 'ahead/' }));
  return (output.Uploads ?? []).map((u) => u.Key ?? '');
}

/** `size` bytes of one repeated line, as chunks. */
async function* lines(size: number, line: string): AsyncGenerator<Uint8Array> {
  const block = Buffer.alloc(1024 * 1024, line);
  for (let left = size; left > 0; left -= block.length) yield block.subarray(0, Math.min(left, block.length));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(prefix)) keys.push(info.key);
  return keys;
}

describe('version copies made ahead in a bucket', () => {
  it('keeps the copy made while the run went on, without copying again', async () => {
    const output = await staged('run-1', 'day,total\n2026-05-02,10\n');
    const versioned = copyIntoVersion(store, ref, 'run-1', output.staged, output.path);
    const ahead = await versioned;
    expect(ahead?.key).toBe('_pipewright/versions/sales/2026-05-02/run-1/gold/sales.csv');
    const before = await store.head(ahead!.key);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a copy made now would have a later time
    const version = await createVersion(store, ref, 'run-1', [{ ...output, versioned }], { inputs: [], now });
    expect(version.files.map((f) => f.path)).toEqual(['gold/sales.csv']);
    expect((await store.head(ahead!.key))?.lastModified).toEqual(before?.lastModified);
    expect(await store.readText(ahead!.key)).toBe('day,total\n2026-05-02,10\n');
  });

  it('copies again when the staged object or the copy changed after the copy was made', async () => {
    const output = await staged('run-2', 'day,total\n2026-05-02,20\n');
    const versioned = copyIntoVersion(store, ref, 'run-2', output.staged, output.path);
    const ahead = await versioned;
    await store.write(ahead!.key, 'day,total\n2026-05-02,666\n'); // the copy was replaced
    await createVersion(store, ref, 'run-2', [{ ...output, versioned }], { inputs: [], now });
    expect(await store.readText(ahead!.key)).toBe('day,total\n2026-05-02,20\n');

    const again = await staged('run-3', 'day,total\n2026-05-02,30\n');
    const copied = copyIntoVersion(store, ref, 'run-3', again.staged, again.path);
    await copied;
    await store.write(again.staged, 'day,total\n2026-05-02,31\n'); // restaged after the copy
    await createVersion(store, ref, 'run-3', [{ ...again, versioned: copied }], { inputs: [], now });
    expect(await store.readText('_pipewright/versions/sales/2026-05-02/run-3/gold/sales.csv')).toBe(
      'day,total\n2026-05-02,31\n',
    );
  });

  it('removes a half-made version of an earlier attempt beside the copy it keeps', async () => {
    await store.write('_pipewright/versions/sales/2026-05-02/run-4/gold/old-name.csv', 'left by a killed attempt');
    const output = await staged('run-4', 'day,total\n2026-05-02,40\n');
    const versioned = copyIntoVersion(store, ref, 'run-4', output.staged, output.path);
    await createVersion(store, ref, 'run-4', [{ ...output, versioned }], { inputs: [], now });
    expect(await keysUnder('_pipewright/versions/sales/2026-05-02/run-4/')).toEqual([
      '_pipewright/versions/sales/2026-05-02/run-4/_version.json',
      '_pipewright/versions/sales/2026-05-02/run-4/gold/sales.csv',
    ]);
  });

  it('leaves nothing in the version of a run that does not publish', async () => {
    const output = await staged('run-5', 'day,total\n2026-05-02,50\n');
    const versioned = copyIntoVersion(store, ref, 'run-5', output.staged, output.path);
    await discardVersionCopies(store, [{ ...output, versioned }]);
    expect(await keysUnder('_pipewright/versions/sales/2026-05-02/run-5/')).toEqual([]);
    expect(await store.readText(output.staged)).toBe('day,total\n2026-05-02,50\n');
  });

  it('keeps an output written in the version where it is, and removes what a failed attempt left beside it', async () => {
    const dir = '_pipewright/versions/sales/2026-05-02/run-9';
    await store.write(`${dir}/gold/scratch.csv`, 'left by a failed attempt');
    const text = 'day,total\n2026-05-02,90\n';
    const output = await inPlace('run-9', text);
    const versioned = copyIntoVersion(store, ref, 'run-9', output.staged, output.path);
    expect((await versioned)?.key).toBe(output.staged);
    const before = await store.head(output.staged);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a copy made now would have a later time
    await createVersion(store, ref, 'run-9', [{ ...output, versioned }], { inputs: [], now });
    expect(await keysUnder(`${dir}/`)).toEqual([`${dir}/_version.json`, `${dir}/gold/sales.csv`]);
    expect((await store.head(output.staged))?.lastModified).toEqual(before?.lastModified);

    // A run that does not publish keeps it: it is the run's staged output, for inspection and resume.
    const kept = await inPlace('run-90', text);
    await discardVersionCopies(store, [
      { ...kept, versioned: copyIntoVersion(store, ref, 'run-90', kept.staged, kept.path) },
    ]);
    expect(await store.readText(kept.staged)).toBe(text);
  });

  it('lists what runs of a partition wrote and did not publish, for the sweep: staging and unmarked versions', async () => {
    const other: PartitionRef = { dagId: 'sales', partition: '2026-05-11' };
    await store.write('_pipewright/staging/sales/2026-05-11/run-a/build.2/gold/sales.csv', 'a');
    await store.write('_pipewright/versions/sales/2026-05-11/run-b/gold/sales.csv', 'b');
    await store.write('_pipewright/versions/sales/2026-05-11/run-c/gold/sales.csv', 'c');
    await store.write('_pipewright/versions/sales/2026-05-11/run-c/_version.json', '{}');
    const runs = await unpublishedRuns(store, other);
    expect([...runs.keys()].sort()).toEqual([
      '_pipewright/staging/sales/2026-05-11/run-a/',
      '_pipewright/versions/sales/2026-05-11/run-b/',
    ]);
    for (const written of runs.values()) expect(Math.abs(written - Date.now())).toBeLessThan(60_000);
  });

  it('refuses to make a version of an output written in place that changed after it was committed', async () => {
    const dir = '_pipewright/versions/sales/2026-05-02/run-10';
    const output = await inPlace('run-10', 'day,total\n2026-05-02,100\n');
    const versioned = copyIntoVersion(store, ref, 'run-10', output.staged, output.path);
    await versioned;
    await store.write(output.staged, 'day,total\n2026-05-02,101\n'); // same size, other bytes
    await expect(createVersion(store, ref, 'run-10', [{ ...output, versioned }], { inputs: [], now })).rejects.toThrow(
      /changed after it was committed/,
    );
    expect(await store.head(`${dir}/_version.json`)).toBeUndefined();
  });

  it('makes the live copy beside the version copy, shows it only when the publish completes it, and leaves no upload', async () => {
    const big = openS3Store('s3://lake/ahead', { prepareCopyAbove: 1024 * 1024 });
    const ref6: PartitionRef = { dagId: 'sales', partition: '2026-05-06' };
    const key = '_pipewright/staging/sales/2026-05-06/run-6/build.1/gold/big.csv';
    await big.write(key, lines(3 * 1024 * 1024, 'row,6\n'));
    const output: StagedOutput = { name: 'big', path: 'gold/2026-05-06/big.csv', staged: key };
    const versioned = copyIntoVersion(big, ref6, 'run-6', key, output.path);
    expect((await versioned)?.live?.to).toBe(output.path);
    expect(await big.head(output.path)).toBeUndefined(); // nothing live before the audit passed
    expect(await openUploads()).toEqual([`ahead/${output.path}`]);
    await createVersion(big, ref6, 'run-6', [{ ...output, versioned }], { inputs: [], now });
    await publishVersion(big, ref6, 'run-6', {
      action: 'publish',
      retainVersions: 3,
      now,
      ahead: [await versioned],
    });
    expect((await big.head(output.path))?.size).toBe(3 * 1024 * 1024);
    expect(await openUploads()).toEqual([]);
    expect((await big.readText(output.path))?.slice(0, 12)).toBe('row,6\nrow,6\n');
  });

  it('copies the version instead when it changed after the live copy was made, and drops the unused one', async () => {
    const big = openS3Store('s3://lake/ahead', { prepareCopyAbove: 1024 * 1024 });
    const ref7: PartitionRef = { dagId: 'sales', partition: '2026-05-07' };
    const key = '_pipewright/staging/sales/2026-05-07/run-7/build.1/gold/big.csv';
    await big.write(key, lines(2 * 1024 * 1024, 'row,7\n'));
    const output: StagedOutput = { name: 'big', path: 'gold/2026-05-07/big.csv', staged: key };
    const versioned = copyIntoVersion(big, ref7, 'run-7', key, output.path);
    await versioned;
    await big.write(key, lines(2 * 1024 * 1024, 'new,7\n')); // restaged: the version is copied again
    await createVersion(big, ref7, 'run-7', [{ ...output, versioned }], { inputs: [], now });
    await publishVersion(big, ref7, 'run-7', { action: 'publish', retainVersions: 3, now, ahead: [await versioned] });
    expect((await big.readText(output.path))?.slice(0, 6)).toBe('new,7\n');
    expect(await openUploads()).toEqual([]);

    const discarded = copyIntoVersion(big, ref7, 'run-8', key, 'gold/2026-05-07/other.csv');
    await discardVersionCopies(big, [{ ...output, versioned: discarded }]);
    expect(await openUploads()).toEqual([]);
    expect(await big.head('gold/2026-05-07/other.csv')).toBeUndefined();
  });
});
