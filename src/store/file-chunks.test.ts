import { appendFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { tempRoots } from '../../test/support/temp.js';
import { type FileGrowth, FileGrowthStopped, fileChunks, READ_CHUNK } from './file-chunks.js';

const tempRoot = tempRoots('pipewright-file-chunks-');

describe('fileChunks', () => {
  it('gives every byte in order, each chunk intact until the next is asked for', async () => {
    const bytes = new Uint8Array(3 * READ_CHUNK + 12_345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 20)) & 0xff;
    const file = join(tempRoot(), 'data.bin');
    writeFileSync(file, bytes);
    const seen: Uint8Array[] = [];
    for await (const chunk of fileChunks(await open(file, 'r'))) {
      const before = chunk.slice();
      await tick(); // the next read is under way meanwhile: it must not land in this chunk
      expect(chunk).toEqual(before);
      seen.push(before);
    }
    expect(Buffer.concat(seen).equals(bytes)).toBe(true);
  });

  it('closes the file when the caller stops early, with a read still in flight', async () => {
    const file = join(tempRoot(), 'data.bin');
    writeFileSync(file, new Uint8Array(2 * READ_CHUNK));
    const handle = await open(file, 'r');
    for await (const chunk of fileChunks(handle)) {
      expect(chunk.length).toBe(READ_CHUNK);
      break;
    }
    await expect(handle.stat()).rejects.toThrow(/closed/);
  });

  it('follows a file still being written until its writer finishes, and says so when the writer stops', async () => {
    const file = join(tempRoot(), 'growing.bin');
    writeFileSync(file, '');
    let state: ReturnType<FileGrowth['state']> = 'growing';
    let size = 0;
    const waiters: Array<() => void> = [];
    const growth: FileGrowth = {
      state: () => state,
      reached: (bytes) =>
        state !== 'growing' || size >= bytes ? Promise.resolve() : new Promise((r) => waiters.push(r)),
    };
    const wake = () => {
      for (const w of waiters.splice(0)) w();
    };
    const pieces = Array.from({ length: 5 }, (_, i) => Buffer.alloc(READ_CHUNK / 2 + i, 97 + i));
    const writer = (async () => {
      for (const piece of pieces) {
        await tick();
        appendFileSync(file, piece);
        size += piece.length;
        wake();
      }
      state = 'whole';
      wake();
    })();
    const seen: Buffer[] = [];
    for await (const chunk of fileChunks(await open(file, 'r'), undefined, growth)) seen.push(Buffer.from(chunk));
    await writer;
    expect(Buffer.concat(seen).equals(Buffer.concat(pieces))).toBe(true);

    // A writer that stops: what was read is all, and the reader is told instead of taking it for the end.
    writeFileSync(file, 'half');
    state = { stopped: new Error('network gone') };
    const read: Buffer[] = [];
    const following = (async () => {
      for await (const chunk of fileChunks(await open(file, 'r'), undefined, growth)) read.push(Buffer.from(chunk));
    })();
    await expect(following).rejects.toBeInstanceOf(FileGrowthStopped);
    expect(Buffer.concat(read).toString()).toBe('half');
  });
});
