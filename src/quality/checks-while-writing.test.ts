import { describe, expect, it } from 'vitest';
import type { CheckRule } from '../contract/model.js';
import { checksWhileWriting } from './checks-while-writing.js';

const ctx = {
  partition: {
    key: '2026-05-02',
    dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
    dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
  },
  timezone: 'Asia/Almaty',
};
const rules: CheckRule[] = [
  { type: 'row_count', min: 1, severity: 'error' },
  { type: 'numeric', columns: ['total'], severity: 'error' },
];
const setup = { dataset: 'orders', checks: [{ taskId: 'audit', rules }], ctx };

/** `lines` records of about 30 bytes, in pieces of `size` bytes from one reused buffer. */
async function write(watch: ReturnType<typeof checksWhileWriting>, lines: number, size = 1 << 16): Promise<void> {
  let text = 'id,total\n';
  for (let i = 0; i < lines; i++) text += `${String(i).padStart(12, '0')},${i === 7 ? 'x' : i}.50\n`;
  const bytes = new TextEncoder().encode(text);
  const piece = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += piece.length) {
    const part = bytes.subarray(at, at + piece.length);
    piece.set(part);
    await watch.push(piece.subarray(0, part.length));
    piece.fill(0x22); // a quote everywhere: a copy not taken would make the checks leave the bytes to csv-parse
  }
}

describe('checksWhileWriting', () => {
  it('checks a small dataset itself when it is committed', async () => {
    const watch = checksWhileWriting(setup, undefined);
    await write(watch, 1000);
    const results = await watch.end();
    expect(results.get('audit')?.map((r) => r.details)).toEqual([
      '1000 rows, expected at least 1',
      '1 non-numeric value (first: line 9, total=x.50)',
    ]);
  });

  it('checks every byte of many small writes (gathered into batches)', async () => {
    const watch = checksWhileWriting(setup, undefined);
    await write(watch, 100_000, 37); // about 3 MB: several batches
    const results = await watch.end();
    expect(results.get('audit')?.map((r) => r.details)).toEqual([
      '100000 rows, expected at least 1',
      '1 non-numeric value (first: line 9, total=x.50)',
    ]);
  });

  it('leaves the checks to a read of the dataset when its worker cannot start', async () => {
    const watch = checksWhileWriting(setup, new URL('file:///nonexistent/checks-worker.js'));
    await write(watch, 400_000); // about 9 MB: past the size a worker is started for
    expect(await watch.end()).toEqual(new Map([['audit', undefined]]));
  });

  it('gives nothing once aborted', async () => {
    const watch = checksWhileWriting(setup, new URL('file:///nonexistent/checks-worker.js'));
    await write(watch, 1000);
    watch.abort();
    expect(await watch.end()).toEqual(new Map([['audit', undefined]]));
  });
});
