// ctx.readInParts: a CSV read once by two threads must add up to what one plain read gives,
// whatever the bytes hold at the cuts (quoted line breaks, doubled quotes, CRLF, a BOM), and
// an error must read exactly as a plain read reports it. Run in a process of its own, under
// tsx as the CLI runs from source, so the worker thread loads the same way.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvReading } from '../../src/csv/reader.js';
import { NODE, REPO_ROOT } from '../support/cli.js';
import { type Digest, recordDigest } from './fixtures/record-digest.js';
import { tempDir } from './support.js';

const TSX = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'read-in-parts-child.ts');

/** About 20 MB of CRLF records after a BOM; every 7th has a quoted value with line breaks, commas and quotes. */
function bigCsv(bad?: number): string {
  const lines = ['\ufeffid,note,total'];
  for (let i = 0; i < 250_000; i++) {
    const id = i === bad ? 'bad' : `TM-${String(i).padStart(9, '0')}`;
    // Every 7th note is quoted across lines; one is longer than several chunks.
    const long = i === 150_003 ? `${'a,\n""b'.repeat(40_000)}` : '';
    const note = i % 7 === 0 ? `"line one, ""quoted""\r\nline ${i} two\nthree${long}"` : `plain note ${i % 1000}`;
    lines.push(`${id},${note},${i % 997}.${i % 100}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function runChild(file: string, mode?: string): { parts?: Digest[]; error?: string; line?: number } {
  const child = spawnSync(NODE, ['--import', TSX, CHILD, file, ...(mode ? [mode] : [])], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout);
}

/** What one plain read of `text` gives. */
async function plain(text: string): Promise<Digest | { error: string; line: number }> {
  try {
    return await recordDigest([new TextEncoder().encode(text)], csvReading);
  } catch (error) {
    return { error: (error as Error).message, line: (error as { line: number }).line };
  }
}

describe('readInParts', () => {
  it('splits the records between two threads and loses, doubles or cuts none', async () => {
    const text = bigCsv();
    const file = path.join(tempDir('parts'), 'big.csv');
    writeFileSync(file, text);
    const whole = (await plain(text)) as Digest;
    expect(whole.records).toBe(250_000);
    expect(whole.multiline).toBeGreaterThan(30_000);

    const { parts } = runChild(file);
    expect(parts).toHaveLength(2);
    for (const part of parts!) {
      expect(part.header).toBe('id|note|total');
      expect(part.records).toBeGreaterThan(0);
    }
    expect(parts!.reduce((n, p) => n + p.records, 0)).toBe(whole.records);
    expect(parts!.reduce((n, p) => n + p.multiline, 0)).toBe(whole.multiline);
    expect(parts!.reduce((n, p) => (n + p.hashSum) % 2 ** 48, 0)).toBe(whole.hashSum);
  });

  it('reads everything in this thread when the worker cannot start', async () => {
    const text = bigCsv();
    const file = path.join(tempDir('parts'), 'big.csv');
    writeFileSync(file, text);
    expect(runChild(file, 'no-worker')).toEqual({ parts: [await plain(text)] });
  });

  it('reports an error with the line a plain read gives, whichever thread met it', async () => {
    for (const bad of [1_000, 240_000]) {
      const text = bigCsv(bad);
      const file = path.join(tempDir('parts'), 'bad.csv');
      writeFileSync(file, text);
      const expected = await plain(text);
      expect(expected).toMatchObject({ error: 'a bad record' });
      expect(runChild(file)).toEqual(expected);
    }
  });
});
