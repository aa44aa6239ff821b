// A freshness miss in act: the tick of 2026-05-04 08:00 in Asia/Almaty comes after
// the contract's 07:30 deadline, and the export of 2026-05-03 never arrived, so the
// sensor defers the partition. Deferred is not failed, yet readers have no data
// past the deadline: the report job opens a freshness alert on the GitHub API
// stand-in, which records exactly what octokit sent.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActRun } from '../support/act.js';
import type { GitHubApiServer } from '../support/github-api-server.js';
import { createShopRepo, DAG, logOf, pastRun, runCaller, seedState } from './harness.js';

describe('a tick past the freshness deadline in act', () => {
  let run: ActRun;
  let api: GitHubApiServer;

  beforeAll(async () => {
    const shop = createShopRepo();
    shop.commit('the 2026-05-03 export is late', {
      [`pipelines/${DAG}/data/raw/orders/dt=2026-05-03/orders.csv`]: null,
    });
    await seedState(shop, [
      pastRun('2026-05-01', 'success', 'schedule__20260502T010001Z__a1b2c3'),
      pastRun('2026-05-02', 'success', 'schedule__20260503T010001Z__d4e5f6'),
    ]);
    ({ run, api } = await runCaller(shop, { event: 'schedule', now: '2026-05-04T08:00:00+05:00' }));
  }, 200_000);

  it('defers the partition whose export is missing instead of failing it', () => {
    expect(JSON.parse(run.outputs('plan', 'plan').partitions ?? '')).toEqual(['2026-05-03']);
    expect(run.outputs('run', 'run').status, logOf(run)).toBe('deferred');
  });

  it('opens one freshness alert for 2026-05-03, naming the missed deadline', () => {
    const created = api.requests.filter((r) => r.method === 'POST' && /\/issues$/.test(r.path));
    expect(created).toHaveLength(1);
    const body = created[0]?.body as { title: string; body: string; labels: string[] };
    expect(body.title).toContain('2026-05-03');
    expect(body.body).toContain(
      '**Cause:** the freshness deadline was missed: task `check_source_available` deferred the partition',
    );
    expect(body.body).toContain('ask the source owner when it lands');
    expect(body.body).toContain('Deadline 2026-05-04T07:30:00.000+05:00; not published in this run.');
    expect(body.labels).toEqual(expect.arrayContaining(['pipewright', 'data-incident']));
    expect(api.issues.filter((i) => i.state === 'open')).toHaveLength(1);
  });
});
