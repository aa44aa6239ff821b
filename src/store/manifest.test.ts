import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRoots } from '../../test/support/temp.js';
import { checksumFile, MANIFEST_NAME, writeManifest } from './manifest.js';

const tempRoot = tempRoots('pipewright-manifest-');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('checksumFile', () => {
  it('counts CSV records after the header, keeping quoted newlines inside their record', async () => {
    const root = tempRoot();
    const csv = 'id,note\r\n1,"two\nlines"\r\n2,"say ""hi""\n"\r\n\r\n3,plain';
    writeFileSync(join(root, 'orders.csv'), csv);
    expect(await checksumFile('orders.csv', root)).toEqual({
      path: 'orders.csv',
      rows: 3,
      bytes: Buffer.byteLength(csv),
      sha256: sha(csv),
    });
  });

  it('counts a big file the same (its rows counted aside, or here when no worker can run)', async () => {
    const root = tempRoot();
    const lines = ['id,note'];
    for (let i = 0; i < 400_000; i++) lines.push(i % 997 === 0 ? `${i},"two\nlines"` : `${i},"plain, quoted"`);
    const csv = `${lines.join('\n')}\n\n`;
    writeFileSync(join(root, 'big.csv'), csv);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(8 << 20);
    expect(await checksumFile('big.csv', root)).toEqual({
      path: 'big.csv',
      rows: 400_000,
      bytes: Buffer.byteLength(csv),
      sha256: sha(csv),
    });
  });

  it('counts lines of other files, including a last line without newline', async () => {
    const root = tempRoot();
    writeFileSync(join(root, 'a.jsonl'), '{"a":1}\n{"a":2}\n{"a":3}');
    writeFileSync(join(root, 'empty.csv'), '');
    writeFileSync(join(root, 'header.csv'), 'id,total\n');
    expect((await checksumFile('a.jsonl', root)).rows).toBe(3);
    expect((await checksumFile('empty.csv', root)).rows).toBe(0);
    expect((await checksumFile('header.csv', root)).rows).toBe(0);
  });

  it('refuses a file outside the data root', async () => {
    const root = tempRoot();
    await expect(checksumFile('../x.csv', root)).rejects.toThrow(/outside the data root/);
  });
});

describe('writeManifest', () => {
  function publish(root: string) {
    const dir = join(root, 'gold/daily_sales/dt=2026-05-02');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'daily_sales.csv'), 'region,total\nnorth,10\nsouth,"1,5"\n');
    writeFileSync(join(dir, 'notes.txt'), 'one\ntwo\n');
    writeFileSync(join(dir, '.daily_sales.csv.tmp-4242-0123456789ab'), 'half');
    return join(dir, 'daily_sales.csv');
  }

  it('lists every file of the folder with rows, bytes, sha256 and the producing run', async () => {
    const root = tempRoot();
    const file = publish(root);
    const own = await writeManifest(file, 'manual__20260502T060000Z__aaaaaa', root);
    expect(own).toMatchObject({ path: 'gold/daily_sales/dt=2026-05-02/daily_sales.csv', rows: 2, bytes: 34 });
    const manifest = JSON.parse(readFileSync(join(file, '..', MANIFEST_NAME), 'utf8'));
    expect(manifest).toEqual({
      schema_version: 1,
      dir: 'gold/daily_sales/dt=2026-05-02',
      files: [
        {
          path: 'gold/daily_sales/dt=2026-05-02/daily_sales.csv',
          rows: 2,
          bytes: 34,
          sha256: sha('region,total\nnorth,10\nsouth,"1,5"\n'),
          produced_by: 'manual__20260502T060000Z__aaaaaa',
        },
        {
          path: 'gold/daily_sales/dt=2026-05-02/notes.txt',
          rows: 2,
          bytes: 8,
          sha256: sha('one\ntwo\n'),
          produced_by: 'manual__20260502T060000Z__aaaaaa',
        },
      ],
    });
  });

  it('gives byte-identical manifests for two runs over the same data, apart from the run id', async () => {
    const first = tempRoot();
    const second = tempRoot();
    await writeManifest(publish(first), 'run_one', first);
    await writeManifest(publish(second), 'run_two', second);
    const read = (root: string) => readFileSync(join(root, 'gold/daily_sales/dt=2026-05-02', MANIFEST_NAME), 'utf8');
    expect(read(first).replaceAll('run_one', 'RUN')).toBe(read(second).replaceAll('run_two', 'RUN'));
  });

  it('credits only the rewritten file to a later run; unchanged siblings keep their producer', async () => {
    const root = tempRoot();
    const file = publish(root);
    await writeManifest(file, 'run_one', root);
    writeFileSync(file, 'region,total\nnorth,11\n');
    await writeManifest(file, 'run_two', root);
    const manifest = JSON.parse(readFileSync(join(file, '..', MANIFEST_NAME), 'utf8'));
    expect(manifest.files.map((f: { produced_by: string }) => f.produced_by)).toEqual(['run_two', 'run_one']);
    expect(manifest.files[0].rows).toBe(1);
  });
});
