import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRoots } from '../../test/support/temp.js';
import { FsObjectStore } from './fs-store.js';
import { deletePrefix, ObjectNotFoundError, PreconditionFailedError } from './object-store.js';

const tempRoot = tempRoots('pipewright-fs-store-');

async function text(store: FsObjectStore, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('the filesystem as an object store', () => {
  it('writes whole objects under the root and refuses keys that leave it', async () => {
    const root = tempRoot();
    const store = new FsObjectStore(root);
    const info = await store.write('gold/dt=1/a.csv', 'x,y\n');
    expect(info).toMatchObject({ key: 'gold/dt=1/a.csv', size: 4 });
    expect(readFileSync(path.join(root, 'gold/dt=1/a.csv'), 'utf8')).toBe('x,y\n');
    expect(await text(store, 'gold/dt=1/a.csv')).toBe('x,y\n');
    await expect(store.write('../outside.csv', 'no')).rejects.toThrow(/outside the data root/);
    await expect(store.read('gold/missing.csv')).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await store.readText('gold/missing.csv')).toBeUndefined();
  });

  it('honours If-None-Match and If-Match as a bucket does', async () => {
    const store = new FsObjectStore(tempRoot());
    const first = await store.write('lease.json', '1', { ifNoneMatch: '*' });
    await expect(store.write('lease.json', '2', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(store.write('lease.json', '3', { ifMatch: 'not-the-etag' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await store.readText('lease.json')).toBe('1');
    const second = await store.write('lease.json', '4', { ifMatch: first.etag });
    expect(second.etag).not.toBe(first.etag);
    expect(await store.readText('lease.json')).toBe('4');
  });

  it('copies by hard link (no bytes move) and replaces the target whole', async () => {
    const root = tempRoot();
    const store = new FsObjectStore(root);
    await store.write('staging/a.csv', 'new\n');
    await store.write('live/a.csv', 'old\n');
    await store.copy('staging/a.csv', 'live/a.csv');
    expect(readFileSync(path.join(root, 'live/a.csv'), 'utf8')).toBe('new\n');
    expect(statSync(path.join(root, 'live/a.csv')).ino).toBe(statSync(path.join(root, 'staging/a.csv')).ino);
    await expect(store.copy('staging/none.csv', 'live/b.csv')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('lists by key prefix in key order, without temp files, and deletes a prefix with its folders', async () => {
    const root = tempRoot();
    const store = new FsObjectStore(root);
    for (const key of ['runs/d/2/b.json', 'runs/d/1/a.json', 'runs/d/10/c.json', 'runsx/e.json']) {
      await store.write(key, '{}');
    }
    mkdirSync(path.join(root, 'runs/d/1'), { recursive: true });
    writeFileSync(path.join(root, 'runs/d/1/.a.json.tmp-1-aaaaaaaaaaaa'), 'half');
    const keys = async (prefix: string) => {
      const found: string[] = [];
      for await (const info of store.list(prefix)) found.push(info.key);
      return found;
    };
    expect(await keys('runs/')).toEqual(['runs/d/1/a.json', 'runs/d/10/c.json', 'runs/d/2/b.json']);
    expect(await keys('runs/d/1')).toEqual(['runs/d/1/a.json', 'runs/d/10/c.json']);
    await deletePrefix(store, 'runs/d/');
    expect(await keys('runs')).toEqual(['runsx/e.json']);
    expect(() => statSync(path.join(root, 'runs/d'))).toThrow();
  });
});
