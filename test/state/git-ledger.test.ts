import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromJsonValue, toJsonText } from '../../src/json.js';
import { GitLedger } from '../../src/store/git-ledger.js';
import type { RunRecord } from '../../src/store/ledger.js';
import type { LedgerIndex } from '../../src/store/ledger-index.js';
import { runRecord } from '../support/records.js';
import { tempRoots } from '../support/temp.js';

const tempRoot = tempRoots('pipewright-git-');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** A bare "origin" and a function that makes fresh clones of it, like matrix jobs' checkouts. */
function remoteWithClones() {
  const root = tempRoot();
  const origin = join(root, 'origin.git');
  git(root, 'init', '--quiet', '--bare', '-b', 'main', origin);
  const seed = join(root, 'seed');
  git(root, 'clone', '--quiet', origin, seed);
  git(seed, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '--allow-empty', '-m', 'init');
  git(seed, 'push', '--quiet', 'origin', 'HEAD:main');
  let n = 0;
  const clone = () => {
    const dir = join(root, `job-${n++}`);
    git(root, 'clone', '--quiet', origin, dir);
    return dir;
  };
  return { origin, clone };
}

/** The run records on the state branch (beside them: the index). */
function runFiles(origin: string): string[] {
  return git(origin, 'ls-tree', '-r', '--name-only', 'pipewright-state', '--', 'runs/').trim().split('\n');
}

function record(partition: string, runId: string, state: RunRecord['state'], startedAt: string): RunRecord {
  return runRecord({
    dagId: 'turanmart_daily_sales',
    partition,
    runId,
    reason: 'scheduled tick — «ежедневно»',
    state,
    startedAt,
    dataIntervalStart: `${partition}T00:00:00.000+05:00`,
    dataIntervalEnd: `${partition}T00:00:00.000+05:00`,
    metrics: { revenue_total: '10.30' },
  });
}

describe('GitLedger on a state branch', () => {
  it('reads nothing before the state branch exists', async () => {
    const { clone } = remoteWithClones();
    const ledger = new GitLedger({ repoDir: clone() });
    expect((await ledger.latestRuns('turanmart_daily_sales')).size).toBe(0);
  });

  it('keeps every record from ten concurrent writers, one file per run, without touching main', async () => {
    const { origin, clone } = remoteWithClones();
    const writers = Array.from({ length: 10 }, (_, i) => ({
      ledger: new GitLedger({ repoDir: clone() }),
      rec: record(
        `2026-05-${String(i + 1).padStart(2, '0')}`,
        `schedule__run${i}`,
        'success',
        `2026-05-20T06:00:0${i % 10}Z`,
      ),
    }));
    await Promise.all(writers.map(({ ledger, rec }) => ledger.write(rec)));

    const files = runFiles(origin);
    expect(files).toHaveLength(10);
    expect(files).toContain('runs/turanmart_daily_sales/2026-05-01/schedule__run0.json');
    // The user's branch is untouched: still the single seed commit.
    expect(git(origin, 'rev-list', '--count', 'main').trim()).toBe('1');

    const reader = new GitLedger({ repoDir: clone() });
    const latest = await reader.latestRuns('turanmart_daily_sales');
    expect([...latest.keys()].sort()).toEqual(writers.map((w) => w.rec.partition).sort());
    expect(latest.get('2026-05-03')?.reason).toBe('scheduled tick — «ежедневно»');
  });

  it('keeps every record from ten writers sharing one clone', async () => {
    const { origin, clone } = remoteWithClones();
    const shared = clone();
    const records = Array.from({ length: 10 }, (_, i) =>
      record(`2026-05-${String(i + 1).padStart(2, '0')}`, `backfill__run${i}`, 'success', '2026-05-20T06:00:00Z'),
    );
    await Promise.all(records.map((rec) => new GitLedger({ repoDir: shared }).write(rec)));
    const files = runFiles(origin);
    expect(files).toHaveLength(10);
    expect((await new GitLedger({ repoDir: shared }).latestRuns('turanmart_daily_sales')).size).toBe(10);
  });

  it('returns the latest run of a partition and all runs in order', async () => {
    const { clone } = remoteWithClones();
    const ledger = new GitLedger({ repoDir: clone() });
    await ledger.write(record('2026-05-02', 'schedule__a', 'failed', '2026-05-03T06:00:00Z'));
    await ledger.write(record('2026-05-02', 'backfill__b', 'running', '2026-05-04T09:00:00Z'));
    // The running record is rewritten in place when the run ends.
    await ledger.write(record('2026-05-02', 'backfill__b', 'success', '2026-05-04T09:00:00Z'));

    const other = new GitLedger({ repoDir: clone() });
    expect((await other.latestRuns('turanmart_daily_sales')).get('2026-05-02')?.state).toBe('success');
    const runs = await other.runs('turanmart_daily_sales', '2026-05-02');
    expect(runs.map((r) => [r.runId, r.state])).toEqual([
      ['schedule__a', 'failed'],
      ['backfill__b', 'success'],
    ]);
    await ledger.write(record('2026-05-01', 'schedule__c', 'success', '2026-05-02T06:00:00Z'));
    // The whole history in one fetch, oldest first.
    expect((await other.history('turanmart_daily_sales')).map((r) => [r.partition, r.runId])).toEqual([
      ['2026-05-01', 'schedule__c'],
      ['2026-05-02', 'schedule__a'],
      ['2026-05-02', 'backfill__b'],
    ]);
    // What the status site reads: the same, a partition at a time, newest first.
    const partitions: string[][] = [];
    await other.eachPartition('turanmart_daily_sales', (runs) => partitions.push(runs.map((r) => r.runId)));
    expect(partitions).toEqual([['schedule__a', 'backfill__b'], ['schedule__c']]);
  });
});

describe('GitLedger snapshot', () => {
  it('reads the branch as it was when taken, and refuses to be written to', async () => {
    const { clone } = remoteWithClones();
    const ledger = new GitLedger({ repoDir: clone() });
    expect((await (await ledger.snapshot()).latestRuns('turanmart_daily_sales')).size).toBe(0);
    await ledger.write(record('2026-05-01', 'schedule__a', 'success', '2026-05-02T06:00:00Z'));
    const snapshot = await ledger.snapshot();
    await ledger.write(record('2026-05-02', 'schedule__b', 'failed', '2026-05-03T06:00:00Z'));
    const partitions: string[] = [];
    await snapshot.eachPartition('turanmart_daily_sales', (runs) => partitions.push(runs[0]!.partition));
    expect(partitions).toEqual(['2026-05-01']);
    expect((await ledger.history('turanmart_daily_sales')).map((r) => r.runId)).toEqual(['schedule__a', 'schedule__b']);
    await expect(
      snapshot.write(record('2026-05-03', 'schedule__c', 'success', '2026-05-04T06:00:00Z')),
    ).rejects.toThrow('cannot be written to');
  });
});

describe('GitLedger index', () => {
  const DAG = 'turanmart_daily_sales';
  const indexOn = (origin: string) =>
    fromJsonValue<LedgerIndex>(JSON.parse(git(origin, 'show', `pipewright-state:index/${DAG}.json`)));

  it('is committed with every record, and read instead of the records', async () => {
    const { origin, clone } = remoteWithClones();
    const ledger = new GitLedger({ repoDir: clone() });
    await ledger.write(record('2026-05-02', 'schedule__a', 'failed', '2026-05-03T06:00:00Z'));
    await ledger.write(record('2026-05-02', 'backfill__b', 'running', '2026-05-04T09:00:00Z'));
    await ledger.write(record('2026-05-01', 'schedule__c', 'success', '2026-05-02T06:00:00Z'));
    await ledger.write(record('2026-05-02', 'backfill__b', 'success', '2026-05-04T09:00:00Z'));
    expect(indexOn(origin).partitions.map((e) => [e.partition, e.runIds.length, e.runId, e.state])).toEqual([
      ['2026-05-01', 1, 'schedule__c', 'success'],
      ['2026-05-02', 2, 'backfill__b', 'success'],
    ]);
    // Each commit carries its record and the index together.
    expect(git(origin, 'show', '--name-only', '--format=', 'pipewright-state').trim().split('\n').sort()).toEqual([
      `index/${DAG}.json`,
      `runs/${DAG}/2026-05-02/backfill__b.json`,
    ]);
    const reader = new GitLedger({ repoDir: clone() });
    const summaries = await reader.latestSummaries(DAG);
    expect([...summaries.values()].map((s) => `${s.partition} ${s.runId} ${s.state}`)).toEqual([
      '2026-05-01 schedule__c success',
      '2026-05-02 backfill__b success',
    ]);
    expect((await reader.latestRuns(DAG)).get('2026-05-02')).toEqual(
      record('2026-05-02', 'backfill__b', 'success', '2026-05-04T09:00:00Z'),
    );
  });

  it('is not trusted for partitions committed without it (an older pipewright, a hand commit), and repaired by the next write', async () => {
    const { origin, clone } = remoteWithClones();
    const ledger = new GitLedger({ repoDir: clone() });
    await ledger.write(record('2026-05-01', 'schedule__a', 'success', '2026-05-02T06:00:00Z'));
    // By hand: a failed rerun of 2026-05-01 and a run of 2026-05-03, committed without touching the index.
    const hand = clone();
    git(hand, 'checkout', '--quiet', 'pipewright-state');
    for (const rec of [
      record('2026-05-01', 'manual__b', 'failed', '2026-05-05T06:00:00Z'),
      record('2026-05-03', 'manual__c', 'failed', '2026-05-05T07:00:00Z'),
    ]) {
      mkdirSync(join(hand, 'runs', DAG, rec.partition), { recursive: true });
      writeFileSync(join(hand, 'runs', DAG, rec.partition, `${rec.runId}.json`), toJsonText(rec));
    }
    git(hand, 'add', 'runs');
    git(hand, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'by hand');
    git(hand, 'push', '--quiet', 'origin', 'pipewright-state');
    expect(indexOn(origin).partitions).toHaveLength(1);

    const states = async (l: GitLedger) =>
      [...(await l.latestSummaries(DAG)).values()].map((s) => `${s.partition} ${s.runId} ${s.state}`);
    const seen = ['2026-05-01 manual__b failed', '2026-05-03 manual__c failed'];
    expect(await states(new GitLedger({ repoDir: clone() }))).toEqual(seen);
    // The next write brings the index up to date with every partition, not only its own.
    await ledger.write(record('2026-05-02', 'schedule__d', 'success', '2026-05-03T06:00:00Z'));
    expect(indexOn(origin).partitions.map((e) => `${e.partition} ${e.runId} ${e.state}`)).toEqual([
      seen[0],
      '2026-05-02 schedule__d success',
      seen[1],
    ]);
  });
});

describe('GitLedger refusals', () => {
  it('fails at once, with git’s reason, when the remote refuses the push for another reason than a race', async () => {
    const { origin, clone } = remoteWithClones();
    // A server-side hook standing in for missing `contents: write`.
    const attempts = join(origin, 'push-attempts');
    const hook = `#!/bin/sh\necho push >> '${attempts}'\necho "permission to push denied" >&2\nexit 1\n`;
    writeFileSync(join(origin, 'hooks/pre-receive'), hook, { mode: 0o755 });
    const ledger = new GitLedger({ repoDir: clone() });
    await expect(ledger.write(runRecord({ partition: '2026-05-01', state: 'success' }))).rejects.toMatchObject({
      stderr: expect.stringContaining('permission to push denied'),
    });
    expect(readFileSync(attempts, 'utf8')).toBe('push\n');
  });
});
