import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/alerts.js';
import { type AlertContext, alertFromReport, syncAlerts } from '../../src/github/report-alerts.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { partitionReport } from '../support/reports.js';

const context: AlertContext = {
  owner: 'turanmart',
  repo: 'data',
  runUrl: 'https://github.com/turanmart/data/actions/runs/7',
  pipeline: { owner: 'data-platform', alerts: { on: ['failure'], labels: ['sales'], assignees: ['aigerim'] } },
};

const failed = (partition: string) =>
  partitionReport(partition, 'failed', [
    { id: 'ingest', state: 'success' },
    { id: 'validate', state: 'failed', failureClass: 'code', error: "TypeError: cannot read 'amount'" },
    { id: 'publish', state: 'upstream_failed', attempts: 0 },
  ]);
const succeeded = (partition: string) => partitionReport(partition, 'success', [{ id: 'ingest', state: 'success' }]);

describe('syncAlerts', () => {
  let api: GitHubApiServer;
  beforeEach(async () => {
    api = await startGitHubApiServer({ token: 't' });
  });
  afterEach(async () => {
    await api.close();
  });
  const octokit = () => createGitHubClient({ token: 't', baseUrl: api.url });

  it('follows partitions across runs: open, comment, close, and leave deferred ones alone', async () => {
    const first = await syncAlerts(
      [failed('2026-05-02'), failed('2026-05-03'), partitionReport('2026-05-04', 'deferred', [])],
      context,
      octokit(),
    );
    expect(first).toEqual({ opened: 2, commented: 0, closed: 0 });

    const second = await syncAlerts([succeeded('2026-05-02'), failed('2026-05-03')], context, octokit());
    expect(second).toEqual({ opened: 0, commented: 1, closed: 1 });

    expect(api.issues.map((i) => [i.title, i.state, i.comments.length])).toEqual([
      ['pipewright: turanmart_daily_sales 2026-05-02 failed (code)', 'closed', 1],
      ['pipewright: turanmart_daily_sales 2026-05-03 failed (code)', 'open', 1],
    ]);
    const created = api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/issues'))?.body;
    expect(created).toMatchObject({ labels: ['pipewright', 'sales'], assignees: ['aigerim'] });
    expect(api.issues[1]?.body).toContain('`validate`');
    expect(api.issues[1]?.body).toContain('After a fix is deployed');
  });

  it('opens nothing when the contract does not alert on failure, but still closes recovered ones', async () => {
    const quiet: AlertContext = { ...context, pipeline: { owner: 'x', alerts: { on: [], labels: [], assignees: [] } } };
    await syncAlerts([failed('2026-05-02')], context, octokit());
    expect(await syncAlerts([failed('2026-05-03'), succeeded('2026-05-02')], quiet, octokit())).toEqual({
      opened: 0,
      commented: 0,
      closed: 1,
    });
  });
});

describe('alertFromReport', () => {
  it('names the first failed task, not the upstream_failed ones after it', () => {
    const alert = alertFromReport(failed('2026-05-02'), context);
    expect(alert).toMatchObject({
      task: 'validate',
      failureClass: 'code',
      error: "TypeError: cannot read 'amount'",
      pipelineOwner: 'data-platform',
      dataIntervalStart: '2026-05-02T00:00:00+05:00',
    });
  });

  it('falls back to the executor error when no task failed', () => {
    const report = partitionReport('2026-05-02', 'failed', [], { metrics: { executor_error: 'lock lost' } });
    expect(alertFromReport(report, context)).toMatchObject({ task: undefined, error: 'lock lost' });
  });
});
