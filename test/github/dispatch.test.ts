// The upstream's report step starting its downstream pipelines' workflows, against a real
// local HTTP server recording what octokit sends: one workflow_dispatch per downstream
// pipeline, a backfill of the days just published, to the workflow that runs that pipeline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchDownstream } from '../../src/actions/report/downstream.js';
import { loadPipelineById } from '../../src/contract/load.js';
import { REPO_ROOT } from '../support/cli.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';

const TOKEN = 'ghs_dispatch_token';
const ENV = ['GITHUB_REPOSITORY', 'GITHUB_REF_NAME', 'GITHUB_API_URL'] as const;

describe('downstream dispatch', () => {
  let api: GitHubApiServer;
  const saved: Partial<Record<(typeof ENV)[number], string>> = {};
  beforeEach(async () => {
    api = await startGitHubApiServer({ token: TOKEN });
    for (const name of ENV) saved[name] = process.env[name];
    process.env.GITHUB_REPOSITORY = 'turanmart/data';
    process.env.GITHUB_REF_NAME = 'main';
    process.env.GITHUB_API_URL = api.url;
  });
  afterEach(async () => {
    await api.close();
    for (const name of ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const request = async (dagId: string, published: string[], token = TOKEN) => ({
    pipeline: await loadPipelineById(`${REPO_ROOT}/pipelines`, dagId),
    published,
    workspace: REPO_ROOT,
    pipelinesDir: 'pipelines',
    token,
    runUrl: 'https://github.com/turanmart/data/actions/runs/7',
  });

  it("dispatches the risk pipeline's workflow with a backfill of the days daily sales published", async () => {
    const lines = await dispatchDownstream(
      await request('turanmart_daily_sales', ['2026-05-01', '2026-05-02', '2026-05-03']),
    );
    expect(lines).toEqual([
      '`turanmart_region_inventory_risk` 2026-05-01..2026-05-03: dispatched turanmart-region-inventory-risk.yml',
    ]);
    expect(api.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        '/repos/turanmart/data/actions/workflows/turanmart-region-inventory-risk.yml/dispatches',
        {
          ref: 'main',
          inputs: {
            start: '2026-05-01',
            end: '2026-05-03',
            reprocess: 'failed',
            reason:
              'upstream turanmart_daily_sales published 2026-05-01..2026-05-03 (https://github.com/turanmart/data/actions/runs/7)',
          },
        },
      ],
    ]);
  });

  it('sends nothing for a pipeline nobody reads, or a run that published nothing', async () => {
    expect(await dispatchDownstream(await request('turanmart_region_inventory_risk', ['2026-05-01']))).toEqual([]);
    expect(await dispatchDownstream(await request('turanmart_daily_sales', []))).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it('reports a refused dispatch without failing the upstream run', async () => {
    const lines = await dispatchDownstream(await request('turanmart_daily_sales', ['2026-05-02'], 'ghs_wrong'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^`turanmart_region_inventory_risk` 2026-05-02: dispatch of turanmart-region-inventory-risk.yml failed: .*Bad credentials.*actions: write/,
    );
  });
});
