// A writer SIGKILLed in the middle of a large file must leave the previous
// output (or nothing) visible, never a partial file; the next write heals.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAtomicWriter } from '../../src/store/atomic.js';
import { tempRoots } from '../support/temp.js';
import { exited, spawnFixture, waitForLine } from './spawn.js';

const tempRoot = tempRoots('pipewright-crash-');

async function killMidWrite(root: string, rel: string): Promise<void> {
  const child = spawnFixture('slow-writer.ts', [root, rel, '64']);
  await waitForLine(child, (line) => line === 'writing');
  const dir = join(root, rel, '..');
  // The temp file really holds part of the new content when the kill lands.
  const temps = readdirSync(dir).filter((n) => n.includes('.tmp-'));
  expect(temps).toHaveLength(1);
  expect(statSync(join(dir, temps[0]!)).size).toBeGreaterThan(1 << 20);
  child.kill('SIGKILL');
  await exited(child);
}

describe('a writer killed mid-write', () => {
  it('leaves the previous output intact, and the next write sweeps its temp file', async () => {
    const root = tempRoot();
    const rel = 'gold/daily_sales/dt=2026-05-02/daily_sales.csv';
    const target = join(root, rel);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, 'region,total\nnorth,10\n');

    await killMidWrite(root, rel);

    expect(readFileSync(target, 'utf8')).toBe('region,total\nnorth,10\n');
    const dir = join(target, '..');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toHaveLength(1);

    await createAtomicWriter(root).writeFile(rel, 'region,total\nnorth,11\n');
    expect(readFileSync(target, 'utf8')).toBe('region,total\nnorth,11\n');
    expect(readdirSync(dir)).toEqual(['daily_sales.csv']);
  });

  it('leaves no file at all when there was none before', async () => {
    const root = tempRoot();
    const rel = 'bronze/orders/dt=2026-05-02/orders.csv';
    await killMidWrite(root, rel);
    expect(existsSync(join(root, rel))).toBe(false);
  });
});
