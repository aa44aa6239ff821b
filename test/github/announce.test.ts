// Announced backfills against a real local HTTP server recording what octokit sends: the
// plan's announcement mentions the consumers with reason, range, reprocess and who started
// it; a second backfill comments on the open one; the report closes it with the outcome
// against the baseline the plan read from a real ledger.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baselineOf } from '../../src/actions/plan/announce.js';
import { outcomesOf } from '../../src/actions/report/announcement.js';
import { createGitHubClient } from '../../src/github/alerts.js';
import { announceBackfill, type BackfillAnnouncement, closeAnnouncement } from '../../src/github/announce.js';
import { buildReport } from '../../src/quality/report.js';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { runRecord } from '../support/records.js';
import { tempRoots } from '../support/temp.js';

const TOKEN = 'ghs_announce_token';
const temp = tempRoots('pw-announce-');

const announcement = (extra: Partial<BackfillAnnouncement> = {}): BackfillAnnouncement => ({
  owner: 'turanmart',
  repo: 'data',
  dagId: 'turanmart_daily_sales',
  start: '2026-05-01',
  end: '2026-05-02',
  reprocess: 'completed',
  reason: 'discount rule fix, incident #412',
  actor: 'aigerim',
  consumers: ['@turanmart/merchandising', '@dana'],
  partitions: ['2026-05-01', '2026-05-02'],
  ...extra,
});

const GOLD = 'gold/daily_sales/dt=2026-05-01/daily_sales.csv';
const published = (partition: string, rows: number, revenue: number, state: 'success' | 'failed' = 'success') =>
  runRecord({
    partition,
    state,
    runId: `backfill__${partition}__${rows}`,
    publication: state === 'success' ? 'published' : 'staged',
    metrics: { order_count: rows * 3, revenue_total: revenue },
    outputs: state === 'success' ? [{ path: GOLD.replace('2026-05-01', partition), rows, bytes: 10, sha256: 'x' }] : [],
  });

describe('backfill announcements', () => {
  let api: GitHubApiServer;
  beforeEach(async () => {
    api = await startGitHubApiServer({ token: TOKEN });
  });
  afterEach(async () => {
    await api.close();
  });
  const client = () => createGitHubClient({ token: TOKEN, baseUrl: api.url });

  it('opens one issue mentioning the consumers, and comments on it for the next backfill', async () => {
    const first = await announceBackfill(await client(), announcement());
    const again = await announceBackfill(await client(), announcement({ start: '2026-05-03', end: '2026-05-03' }));
    expect(again).toBe(first);
    const issue = api.issues[0]!;
    expect(api.issues).toHaveLength(1);
    expect(issue.title).toBe('pipewright: backfill of turanmart_daily_sales 2026-05-01..2026-05-02');
    expect(issue.labels).toEqual(['pipewright', 'backfill']);
    expect(issue.body).toContain(
      '@turanmart/merchandising @dana: a backfill of `turanmart_daily_sales` 2026-05-01..2026-05-02 is starting',
    );
    expect(issue.body).toContain('| Reason | discount rule fix, incident \\#412 |');
    expect(issue.body).toContain('| Reprocess | `completed` |');
    expect(issue.body).toContain('| Started by | @aigerim |');
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]).toContain('a backfill of `turanmart_daily_sales` 2026-05-03 is starting');
  });

  it('closes the issue with partitions changed and failed, and deltas against the replaced versions', async () => {
    const ledger = new FsLedger(temp());
    await ledger.write(published('2026-05-01', 4, 100.5));
    await ledger.write(published('2026-05-02', 4, 80));
    const baseline = await baselineOf({ dagId: 'turanmart_daily_sales' }, ['2026-05-01', '2026-05-02'], ledger);
    const issue = await announceBackfill(await client(), announcement());

    const reports = [
      buildReport(published('2026-05-01', 5, 120.25)),
      buildReport(published('2026-05-02', 0, 0, 'failed')),
    ];
    await closeAnnouncement(await client(), { owner: 'turanmart', repo: 'data', issue }, outcomesOf(reports), baseline);

    const stored = api.issues[0]!;
    expect(stored.state).toBe('closed');
    const outcome = stored.comments.at(-1)!;
    expect(outcome).toContain('### Backfill finished: 1 partition changed, 1 failed');
    expect(outcome).toContain('Failed: `2026-05-02`');
    expect(outcome).toContain('| 2026-05-01 | rows of `gold/daily_sales/dt=2026-05-01/daily_sales.csv` | 4 → 5 (+1) |');
    expect(outcome).toContain('| 2026-05-01 | revenue_total | 100.5 → 120.25 (+19.75) |');
    expect(outcome).toContain('| 2026-05-02 | rows of `gold/daily_sales/dt=2026-05-02/daily_sales.csv` | 4 → — |');
    const methods = api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(methods).toEqual([
      'POST /repos/turanmart/data/issues',
      'POST /repos/turanmart/data/issues/1/comments',
      'PATCH /repos/turanmart/data/issues/1',
    ]);
  });
});
