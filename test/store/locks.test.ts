// Partition locks across real processes: one winner among concurrent runs, and a
// lock left by a dead process is taken over by exactly one of the runs racing for it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PartitionBusyError } from '../../src/errors.js';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { lockPath } from '../../src/store/lock.js';
import { tempRoots } from '../support/temp.js';
import { exited, spawnFixture, waitForLine } from './spawn.js';

const tempRoot = tempRoots('pipewright-locks-');

interface Outcome {
  result: 'won' | 'busy';
  runId: string;
  holder?: string;
}

/** Starts `n` children racing for the same partition; resolves with every outcome, winners still holding. */
async function race(root: string, n: number) {
  const children = Array.from({ length: n }, (_, i) =>
    spawnFixture('lock-child.ts', [root, 'sales', '2026-05-02', `run_${i}`, 'hold']),
  );
  const outcomes = await Promise.all(
    children.map(async (child) => JSON.parse(await waitForLine(child, (l) => l.startsWith('{'))) as Outcome),
  );
  for (const child of children) child.stdin?.end();
  await Promise.all(children.map(exited));
  return outcomes;
}

describe('partition locks', () => {
  it('lets exactly one of ten concurrent runs hold a partition; the others are told who holds it', async () => {
    const root = tempRoot();
    const outcomes = await race(root, 10);
    const winners = outcomes.filter((o) => o.result === 'won');
    expect(winners).toHaveLength(1);
    for (const loser of outcomes.filter((o) => o.result === 'busy')) {
      expect(loser.holder).toContain(winners[0]!.runId);
    }
    // The winner released on exit.
    expect(existsSync(lockPath(root, 'sales', '2026-05-02'))).toBe(false);
  });

  it('refuses a partition held by a live run in another process', async () => {
    const root = tempRoot();
    const holder = spawnFixture('lock-child.ts', [root, 'sales', '2026-05-02', 'run_live', 'hold']);
    await waitForLine(holder, (l) => l.includes('"won"'));
    const ledger = new FsLedger(root);
    await expect(ledger.acquire('sales', '2026-05-02', 'run_me')).rejects.toThrow(PartitionBusyError);
    await expect(ledger.acquire('sales', '2026-05-02', 'run_me')).rejects.toThrow(/run_live \(pid \d+/);
    // Another partition of the same pipeline is free.
    const other = await ledger.acquire('sales', '2026-05-03', 'run_me');
    await other.release();
    holder.stdin?.end();
    await exited(holder);
  });

  it('takes over a lock left by a process that died holding it', async () => {
    const root = tempRoot();
    const dead = spawnFixture('lock-child.ts', [root, 'sales', '2026-05-02', 'run_dead', 'exit']);
    await waitForLine(dead, (l) => l.includes('"won"'));
    await exited(dead);
    const path = lockPath(root, 'sales', '2026-05-02');
    expect(JSON.parse(readFileSync(path, 'utf8')).run_id).toBe('run_dead');

    const lock = await new FsLedger(root).acquire('sales', '2026-05-02', 'run_next');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ run_id: 'run_next', pid: process.pid });
    await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('gives a dead process lock to exactly one of ten racing takers', async () => {
    const root = tempRoot();
    const dead = spawnFixture('lock-child.ts', [root, 'sales', '2026-05-02', 'run_dead', 'exit']);
    await waitForLine(dead, (l) => l.includes('"won"'));
    await exited(dead);

    const outcomes = await race(root, 10);
    expect(outcomes.filter((o) => o.result === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o.result === 'busy')).toHaveLength(9);
    expect(existsSync(lockPath(root, 'sales', '2026-05-02'))).toBe(false);
  });

  it('gives a dead lock to one of ten takers interleaved in one event loop', async () => {
    const root = tempRoot();
    const dead = spawnFixture('lock-child.ts', [root, 'sales', '2026-05-02', 'run_dead', 'exit']);
    await waitForLine(dead, (l) => l.includes('"won"'));
    await exited(dead);
    const ledger = new FsLedger(root);
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => ledger.acquire('sales', '2026-05-02', `run_${i}`)),
    );
    const won = settled.filter((s) => s.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of settled.filter((s) => s.status === 'rejected')) {
      expect(lost.reason).toBeInstanceOf(PartitionBusyError);
    }
    const holder = JSON.parse(readFileSync(lockPath(root, 'sales', '2026-05-02'), 'utf8')).run_id;
    expect(won[0]!.value.holder.runId).toBe(holder);
  });

  it('release leaves a lock it no longer owns alone and can be called twice', async () => {
    const root = tempRoot();
    const ledger = new FsLedger(root);
    const lock = await ledger.acquire('sales', '2026-05-02', 'run_a');
    await lock.release();
    await lock.release();
    const next = await ledger.acquire('sales', '2026-05-02', 'run_b');
    await lock.release();
    expect(JSON.parse(readFileSync(next.path, 'utf8')).run_id).toBe('run_b');
    await next.release();
  });
});
