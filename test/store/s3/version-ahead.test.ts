// A bucket run copies each committed output into its version while later tasks
// run (versitygw on loopback); the publish keeps such a copy only while neither
// the staged object nor the copy changed, and a run that does not publish removes it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyIntoVersion, createVersion, discardVersionCopies, type StagedOutput } from '../../../src/store/commit.js';
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
});
