// The plan bundle for a pipeline that reads another's output: a backfill plans only the days
// whose upstream is published, names the others as waiting in the job summary, and announces
// the backfill to the contract's consumers through a real local HTTP server standing in for
// the GitHub API. Build first: `npm run bundle`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipewright } from '../support/cli.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { tempRoots } from '../support/temp.js';
import { REPO_ROOT, runBundleAsync } from './bundle.js';

const UP = 'turanmart_daily_sales';
const DOWN = 'turanmart_region_inventory_risk';
const TOKEN = 'ghs_plan_token';
const temp = tempRoots('pw-action-lineage-');

/** A checkout with both TuranMart pipelines (contracts, tasks, raw samples) and the repo's node_modules. */
function workspace(): string {
  const dir = temp();
  for (const dag of [UP, DOWN])
    for (const part of ['pipeline.yml', 'tasks', 'runbook.md', 'data/raw'])
      fs.cpSync(path.join(REPO_ROOT, 'pipelines', dag, part), path.join(dir, 'pipelines', dag, part), {
        recursive: true,
      });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

describe('plan action with from: inputs', () => {
  let api: GitHubApiServer;
  beforeEach(async () => {
    api = await startGitHubApiServer({ token: TOKEN });
  });
  afterEach(async () => {
    await api.close();
  });

  it('plans the published day, lists the waiting one and announces the backfill to the consumers', async () => {
    const ws = workspace();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-action-lineage-root-'));
    try {
      for (const dag of [UP, DOWN])
        fs.cpSync(path.join(REPO_ROOT, 'pipelines', dag, 'data', 'raw'), path.join(root, 'raw'), { recursive: true });
      const upstream = pipewright(ws, ['run', UP, '--partition', '2026-05-01', '--data-root', root]);
      expect(upstream.status, upstream.stderr).toBe(0);

      // Async: the stand-in API answers from this process.
      const run = await runBundleAsync(
        'plan',
        ws,
        {
          pipeline: DOWN,
          mode: 'backfill',
          start: '2026-05-01',
          end: '2026-05-02',
          reason: 'first load of the risk gold',
          'data-root': root,
          'state-branch': '',
          'github-token': TOKEN,
        },
        { GITHUB_REPOSITORY: 'turanmart/data', GITHUB_API_URL: api.url, GITHUB_ACTOR: 'aigerim' },
      );
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.outputs.partitions).toBe('["2026-05-01"]');
      expect(run.summary).toContain('**Waiting for upstream partitions**');
      expect(run.summary).toContain(`- 2026-05-02 waits for ${UP} 2026-05-02`);
      expect(JSON.parse(run.outputs.announcement ?? '')).toEqual({ issue: 1, baseline: {} });
      const issue = api.issues[0]!;
      expect(issue.body).toContain(
        `@turanmart/merchandising: a backfill of \`${DOWN}\` 2026-05-01..2026-05-02 is starting`,
      );
      expect(issue.body).toContain('| Started by | @aigerim |');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
