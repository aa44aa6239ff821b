import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRoots } from '../../test/support/temp.js';
import { UsageError } from '../errors.js';
import { createAtomicWriter, isTempName, sweepStaleTemps, tempNameFor } from './atomic.js';

const tempRoot = tempRoots('pipewright-atomic-');

describe('createAtomicWriter', () => {
  it('makes the new content visible only after commit, replacing only the target', async () => {
    const root = tempRoot();
    const dir = join(root, 'gold/dt=2026-05-02');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sales.csv'), 'old\n');
    writeFileSync(join(dir, 'other.csv'), 'untouched\n');

    const file = await createAtomicWriter(root).open('gold/dt=2026-05-02/sales.csv');
    await file.write('region,total\n');
    await file.write(new TextEncoder().encode('north,10\n'));
    expect(readFileSync(join(dir, 'sales.csv'), 'utf8')).toBe('old\n');

    const result = await file.commit();
    const content = 'region,total\nnorth,10\n';
    expect(readFileSync(join(dir, 'sales.csv'), 'utf8')).toBe(content);
    expect(result).toEqual({
      path: join(dir, 'sales.csv'),
      bytes: content.length,
      rows: 1, // counted as written: the CSV's records after its header
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(readdirSync(dir).sort()).toEqual(['other.csv', 'sales.csv']);
    expect(readFileSync(join(dir, 'other.csv'), 'utf8')).toBe('untouched\n');
  });

  it('keeps every byte of chunks big and small, from a buffer the caller reuses or writes not awaited', async () => {
    const root = tempRoot();
    const file = await createAtomicWriter(root).open('big.bin');
    const expected: number[] = [];
    const reused = new Uint8Array(3 << 20);
    // Sizes around the writer's 1 MiB flush: small ones gather, big ones go straight to the file.
    const sizes = [5, (1 << 20) - 3, 7, 1 << 20, 3 << 20, 1, (1 << 20) + 9, 300_000, 900_000];
    for (const [k, size] of sizes.entries()) {
      const chunk = reused.subarray(0, size);
      for (let i = 0; i < size; i++) chunk[i] = (i * 7 + k) & 0xff;
      for (const b of chunk) expected.push(b);
      await file.write(chunk);
      chunk.fill(0); // the caller's buffer is its own again once write() resolved
    }
    const loose = ['a'.repeat(700_000), 'b'.repeat(700_000), 'c'.repeat(10)];
    await Promise.all(loose.map((text) => file.write(text)));
    const result = await file.commit();
    const written = readFileSync(join(root, 'big.bin'));
    const expectedBytes = Buffer.concat([Buffer.from(expected), Buffer.from(loose.join(''))]);
    expect(written.equals(expectedBytes)).toBe(true);
    expect(result.bytes).toBe(expectedBytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(expectedBytes).digest('hex'));
  });

  it('abort leaves the previous content and no temp file', async () => {
    const root = tempRoot();
    writeFileSync(join(root, 'out.csv'), 'previous\n');
    const file = await createAtomicWriter(root).open(join(root, 'out.csv'));
    await file.write('half a fi');
    await file.abort();
    expect(readFileSync(join(root, 'out.csv'), 'utf8')).toBe('previous\n');
    expect(readdirSync(root)).toEqual(['out.csv']);
    await expect(file.commit()).rejects.toThrow(/already aborted/);
  });

  it('writeFile takes strings, bytes, iterables and async iterables, and aborts when the source throws', async () => {
    const root = tempRoot();
    const writer = createAtomicWriter(root);
    await writer.writeFile('a.txt', 'one');
    await writer.writeFile('b.txt', new Uint8Array([0x68, 0x69]));
    await writer.writeFile('c.txt', ['x', 'y']);
    async function* rows() {
      yield 'r1\n';
      yield 'r2\n';
    }
    await writer.writeFile('d.txt', rows());
    expect(['a', 'b', 'c', 'd'].map((n) => readFileSync(join(root, `${n}.txt`), 'utf8'))).toEqual([
      'one',
      'hi',
      'xy',
      'r1\nr2\n',
    ]);

    async function* broken() {
      yield 'partial';
      throw new Error('source failed');
    }
    await expect(writer.writeFile('a.txt', broken())).rejects.toThrow('source failed');
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('one');
    expect(readdirSync(root).filter(isTempName)).toEqual([]);
  });

  it('refuses targets outside the data root', async () => {
    const root = tempRoot();
    const writer = createAtomicWriter(join(root, 'data'));
    await expect(writer.open('../escape.csv')).rejects.toThrow(UsageError);
    await expect(writer.writeFile(join(root, 'escape.csv'), 'x')).rejects.toThrow(/outside the data root/);
    expect(existsSync(join(root, 'escape.csv'))).toBe(false);
  });

  it('writes a file larger than its flush buffer byte for byte', async () => {
    const root = tempRoot();
    const chunk = Buffer.alloc(300_000, 'z');
    const file = await createAtomicWriter(root).open('big.bin');
    for (let i = 0; i < 10; i++) await file.write(chunk);
    const result = await file.commit();
    expect(result.bytes).toBe(3_000_000);
    expect(readFileSync(join(root, 'big.bin')).equals(Buffer.alloc(3_000_000, 'z'))).toBe(true);
  });
});

describe('sweepStaleTemps', () => {
  it('removes temp files of dead processes and old ones, keeps live writers and other files', async () => {
    const root = tempRoot();
    const dead = '.orders.csv.tmp-999999999-0123456789ab';
    const old = `.orders.csv.tmp-${process.ppid}-0123456789ab`;
    const live = tempNameFor(join(root, 'orders.csv'));
    for (const name of [dead, old, live, 'orders.csv']) writeFileSync(join(root, name), 'x');
    utimesSync(join(root, old), new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));

    const swept = await sweepStaleTemps(root, 3_600_000);
    expect(swept.sort()).toEqual([join(root, dead), join(root, old)].sort());
    expect(readdirSync(root).sort()).toEqual([live, 'orders.csv'].sort());
  });
});
