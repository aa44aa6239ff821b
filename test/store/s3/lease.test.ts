// Leases on a real S3 server (versitygw), held by real processes: one winner
// among twenty, takeover only after a killed holder's lease expires, renewal
// keeping a lease alive past its ttl, and a lost lease aborting its signal.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LeaseHeldError, LeaseLostError } from '../../../src/errors.js';
import { acquireLease, readLease } from '../../../src/store/lease.js';
import { openS3Store, type S3ObjectStore } from '../../../src/store/s3/bucket-store.js';
import { stubS3Env } from '../../support/s3-env.js';
import { startVersitygw, type Versitygw } from '../../support/versitygw.js';
import { exited, spawnFixture, waitForLine } from '../spawn.js';

let server: Versitygw;
let store: S3ObjectStore;
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startVersitygw({ buckets: ['lake'] });
  stubS3Env(server);
  store = openS3Store('s3://lake/root');
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  vi.unstubAllEnvs();
  await server?.stop();
});

function leaseChild(key: string, holder: string, ttlMs: number, renewEveryMs: number) {
  const child = spawnFixture('lease-child.ts', ['s3://lake/root', key, holder, String(ttlMs), String(renewEveryMs)]);
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return { child, output: () => ({ stdout, stderr }) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('leases on versitygw', () => {
  it('lets exactly one of 20 concurrent processes take a partition; the others exit 1 naming the holder', async () => {
    const key = '_pipewright/leases/turanmart_daily_sales/2026-05-02.json';
    const runs = Array.from({ length: 20 }, (_, i) => leaseChild(key, `run-${i}`, 60_000, 20_000));
    await Promise.all(runs.map(({ child }) => waitForLine(child, (line) => line === 'ready')));
    for (const { child } of runs) child.stdin?.write('go\n');
    const codes = await Promise.all(runs.map(firstOutcome));
    const winners = runs.filter((_, i) => codes[i] === 'acquired');
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const holder = /^acquired (run-\d+) /m.exec(winner.output().stdout)?.[1];
    expect(holder).toBeDefined();
    for (const run of runs.filter((r) => r !== winner)) {
      expect(await exited(run.child)).toBe(1);
      expect(run.output().stderr).toMatch(
        new RegExp(
          `^s3://lake/root/${key.replaceAll('.', '\\.')} is held by run ${holder} \\(pid \\d+ on .+\\) until \\d{4}-\\d\\d-\\d\\dT`,
        ),
      );
    }
    winner.child.stdin?.write('release\n');
    expect(await exited(winner.child)).toBe(0);
    expect(await store.head(key)).toBeUndefined();
  });

  it('takes over a kill -9ed holder only after its lease expired', async () => {
    const key = '_pipewright/leases/turanmart_daily_sales/2026-05-03.json';
    const first = leaseChild(key, 'run-killed', 1_500, 500);
    await waitForLine(first.child, (line) => line === 'ready');
    first.child.stdin?.write('go\n');
    const line = await waitForLine(first.child, (l) => l.startsWith('acquired '));
    const expiresAt = Date.parse(line.split(' ')[2]!);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const dead = await readLease(store, key);
    expect(dead?.record.holder).toBe('run-killed');

    await expect(acquireLease(store, key, { holder: 'run-early', ttlMs: 1_500, renewEveryMs: 500 })).rejects.toThrow(
      LeaseHeldError,
    );
    let taken: Awaited<ReturnType<typeof acquireLease>> | undefined;
    while (!taken) {
      try {
        taken = await acquireLease(store, key, { holder: 'run-next', ttlMs: 1_500, renewEveryMs: 500 });
      } catch (error) {
        expect(error).toBeInstanceOf(LeaseHeldError);
        await sleep(100);
      }
    }
    // The dead holder's last renewal set the expiry; nobody took over before it.
    const deadExpiry = Date.parse(dead!.record.expiresAt);
    expect(deadExpiry).toBeGreaterThanOrEqual(expiresAt);
    expect(Date.parse(taken.record.acquiredAt)).toBeGreaterThanOrEqual(deadExpiry);
    await taken.release();
  });

  it('keeps a renewed lease alive well past its ttl, and releases it for the next run', async () => {
    const key = '_pipewright/leases/turanmart_daily_sales/2026-05-04.json';
    const lease = await acquireLease(store, key, { holder: 'run-long', ttlMs: 1_000, renewEveryMs: 250 });
    await sleep(2_500);
    expect(lease.lost.aborted).toBe(false);
    await expect(acquireLease(store, key, { holder: 'run-other', ttlMs: 1_000 })).rejects.toThrow(
      /is held by run run-long \(pid \d+ on .+\) until /,
    );
    await lease.release();
    const next = await acquireLease(store, key, { holder: 'run-other', ttlMs: 1_000, renewEveryMs: 250 });
    await next.release();
  });

  it('aborts `lost` when a holder that renewed too late finds its lease taken over, and leaves the new lease alone', async () => {
    const key = '_pipewright/leases/turanmart_daily_sales/2026-05-05.json';
    const slow = await acquireLease(store, key, { holder: 'run-slow', ttlMs: 300, renewEveryMs: 900 });
    await sleep(400);
    const taker = await acquireLease(store, key, { holder: 'run-taker', ttlMs: 60_000, renewEveryMs: 20_000 });
    await new Promise((resolve) => slow.lost.addEventListener('abort', resolve, { once: true }));
    expect(slow.lost.reason).toBeInstanceOf(LeaseLostError);
    expect((slow.lost.reason as Error).message).toMatch(/was taken over by run run-taker \(pid \d+ on .+\) until /);
    await slow.release();
    expect((await readLease(store, key))?.record.holder).toBe('run-taker');
    await taker.release();
    expect(await store.head(key)).toBeUndefined();
  });
});

/** `acquired` when the child printed it, else its exit code. */
async function firstOutcome(run: { child: ChildProcess; output(): { stdout: string } }): Promise<'acquired' | number> {
  return await Promise.race([
    waitForLine(run.child, (line) => line.startsWith('acquired ')).then(() => 'acquired' as const),
    exited(run.child).then((code) => code ?? -1),
  ]).catch(() => exited(run.child).then((code) => code ?? -1));
}
