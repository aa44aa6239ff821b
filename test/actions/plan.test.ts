// The plan bundle as the runner runs it: a scheduled tick that heals missed
// partitions from the ledger (filesystem or git state branch), backfills, a
// dry run's estimate, and refusals that do nothing.
import { describe, expect, it } from 'vitest';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { GitLedger } from '../../src/store/git-ledger.js';
import type { RunRecord } from '../../src/store/ledger.js';
import { runRecord } from '../support/records.js';
import { tempRoots } from '../support/temp.js';
import { git, runBundle, turanmartWorkspace } from './bundle.js';

function record(partition: string, state: RunRecord['state'], seconds = 90): RunRecord {
  const start = Date.parse(`${partition}T20:00:00Z`);
  return runRecord({
    dagId: 'turanmart_daily_sales',
    partition,
    runId: `schedule__${partition}`,
    reason: 'scheduled tick',
    state,
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + seconds * 1000).toISOString(),
    dataIntervalStart: `${partition}T00:00:00.000+05:00`,
  });
}

const tempRoot = tempRoots('pw-plan-');
const base = { pipeline: 'turanmart_daily_sales', 'state-branch': '' };

describe('plan action', () => {
  it('plans a tick with catch-up: every due partition not yet succeeded, as a matrix', async () => {
    const ws = turanmartWorkspace();
    const dataRoot = tempRoot();
    const ledger = new FsLedger(dataRoot);
    await ledger.write(record('2026-05-01', 'success'));
    await ledger.write(record('2026-05-03', 'failed'));
    const run = runBundle('plan', ws, { ...base, 'data-root': dataRoot, now: '2026-05-05T08:00:00+05:00' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toEqual({
      matrix: JSON.stringify({
        include: [
          { label: '2026-05-02', partitions: '2026-05-02' },
          { label: '2026-05-03', partitions: '2026-05-03' },
          { label: '2026-05-04', partitions: '2026-05-04' },
        ],
      }),
      count: '3',
      partitions: '["2026-05-02","2026-05-03","2026-05-04"]',
      'has-work': 'true',
      'max-active-runs': '1',
      'max-parallel': '1',
    });
    expect(run.summary).toContain(
      '| 2026-05-03 | 2026-05-03T00:00:00.000+05:00 → 2026-05-04T00:00:00.000+05:00 | latest run failed or was deferred |',
    );
    expect(run.summary).toContain('| 2026-05-02 |');
    expect(run.summary).toContain('never ran');
    // The tick in the pipeline's zone, as the data intervals are printed, not in UTC.
    expect(run.summary).toContain('scheduled tick at 2026-05-05T08:00:00.000+05:00 (Asia/Almaty)');
    expect(run.stdout).toContain('run ledger: ');
  });

  it('reads the ledger from the git state branch of origin when there is one', async () => {
    const ws = turanmartWorkspace();
    const origin = tempRoot();
    git(origin, 'init', '-q', '--bare');
    git(ws, 'init', '-q', '-b', 'main');
    git(ws, 'remote', 'add', 'origin', origin);
    const ledger = new GitLedger({ repoDir: ws, branch: 'pipewright-state' });
    for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) await ledger.write(record(day, 'success'));
    const run = runBundle('plan', ws, {
      ...base,
      'state-branch': 'pipewright-state',
      now: '2026-05-05T08:00:00+05:00',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("run ledger: branch 'pipewright-state' of origin");
    expect(run.outputs.partitions).toBe('["2026-05-04"]');
  });

  it('plans a backfill newest first and reprocesses completed partitions when asked', async () => {
    const ws = turanmartWorkspace();
    const dataRoot = tempRoot();
    await new FsLedger(dataRoot).write(record('2026-05-02', 'success'));
    const inputs = {
      ...base,
      'data-root': dataRoot,
      mode: 'backfill',
      start: '2026-05-01',
      end: '2026-05-03',
      reason: 'restated exports from the POS vendor',
      now: '2026-05-10T00:00:00+05:00',
      reverse: 'true',
      'max-parallel': '3',
    };
    const failedOnly = runBundle('plan', ws, inputs);
    expect(failedOnly.status, failedOnly.stdout + failedOnly.stderr).toBe(0);
    expect(failedOnly.outputs.partitions).toBe('["2026-05-03","2026-05-01"]');
    // The name before v1's one vocabulary still works, with one warning naming the new one.
    expect(failedOnly.outputs['max-active-runs']).toBe('3');
    expect(failedOnly.annotations.map((a) => a.message)).toContain(
      "input 'max-parallel' is now 'max-active-runs': rename it in your workflow (the old name works for all of v1)",
    );
    expect(failedOnly.summary).toContain('Reason: restated exports from the POS vendor');
    const all = runBundle('plan', ws, { ...inputs, reprocess: 'completed' });
    expect(all.outputs.partitions).toBe('["2026-05-03","2026-05-02","2026-05-01"]');
    expect(all.summary).toContain('succeeded before; reprocess: completed');
  });

  it('estimates runner minutes for a dry run from past durations, and has no work', async () => {
    const ws = turanmartWorkspace();
    const dataRoot = tempRoot();
    const ledger = new FsLedger(dataRoot);
    await ledger.write(record('2026-05-01', 'success', 90));
    await ledger.write(record('2026-05-02', 'success', 150));
    const inputs = { ...base, 'data-root': dataRoot, mode: 'backfill', start: '2026-05-03', end: '2026-05-05' };
    const run = runBundle('plan', ws, {
      ...inputs,
      reason: 'what would it cost',
      'dry-run': 'true',
      now: '2026-05-10',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['has-work']).toBe('false');
    expect(run.outputs.count).toBe('3');
    // Median 120 s per partition, 3 one-partition jobs of 2 billed minutes each.
    expect(run.summary).toContain('About **6 runner minutes**: median 2.0 min per partition over 2 past runs');
    const fresh = tempRoot();
    const none = runBundle('plan', ws, {
      ...inputs,
      'data-root': fresh,
      reason: 'x',
      'dry-run': 'true',
      now: '2026-05-10',
    });
    expect(none.summary).toContain('No estimate: no history');
  });

  it.each([
    [{ mode: 'backfill', start: '2026-05-01', end: '2026-05-03' }, "a backfill needs a 'reason'"],
    [
      { mode: 'backfill', start: '2026-05-03', end: '2026-05-01', reason: 'r' },
      "backfill end '2026-05-01' is before its start '2026-05-03'",
    ],
    [
      { mode: 'backfill', start: '2026-05-01', end: '2026/05/03', reason: 'r' },
      "'2026/05/03' is not a daily partition key",
    ],
    [{ mode: 'sometimes' }, "input 'mode' must be one of schedule, backfill"],
    [{ pipeline: 'turanmart_daily_sale' }, "unknown pipeline 'turanmart_daily_sale'"],
  ])('refuses %j with one line and no outputs', (extra, message) => {
    const ws = turanmartWorkspace();
    const run = runBundle('plan', ws, { ...base, now: '2026-05-10', ...extra });
    expect(run.status).toBe(1);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]?.message).toContain(message);
    expect(run.annotations[0]?.message).not.toContain('    at ');
    expect(run.outputs).toEqual({});
  });
});
