// The caller `pipewright init` writes, run in act as GitHub would run it: a backfill of the
// scaffold's sample partition from the dispatch form, through pipewright/pipewright@v1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldPipeline } from '../../src/scaffold/pipeline.js';
import { callerWorkflow, prCallerWorkflow } from '../../src/scaffold/workflows.js';
import { type ActRun, REPO_ROOT, runAct } from '../support/act.js';
import { startGitHubApiServer } from '../support/github-api-server.js';
import { artifactNames, extractArtifact, logOf, releaseDir } from './harness.js';

const DAG = 'web_sessions';
const CALLER = '.github/workflows/web-sessions.yml';
const TOKEN = 'ghs_e2e-token';

describe('the caller init writes, run in act', () => {
  let run: ActRun;
  let root: string;
  let key: string;
  let expected: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-e2e-init-'));
    const dir = path.join(root, 'shop');
    const options = {
      dagId: DAG,
      grain: 'daily' as const,
      timezone: 'UTC',
      schedule: '0 6 * * *',
      pipelinesDir: 'pipelines',
    };
    const { files, sample } = scaffoldPipeline({
      ...options,
      owner: 'web-analytics',
      now: new Date('2026-05-03T12:00:00Z'),
    });
    key = sample.key;
    files.push(
      { path: CALLER, content: callerWorkflow(options) },
      { path: '.github/workflows/pipelines-pr.yml', content: prCallerWorkflow(options) },
      { path: 'pipelines/package.json', content: '{ "type": "module" }\n' },
      { path: 'package.json', content: '{ "name": "shop", "type": "commonjs" }\n' },
    );
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, file.path), file.content);
    }
    expected = files.find((f) => f.path.includes('/expected/'))!.content;
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=shop', '-c', 'user.email=shop@example.invalid', ...args], { cwd });
    git(root, 'init', '--quiet', '--bare', '-b', 'main', path.join(root, 'origin.git'));
    git(root, 'init', '--quiet', '-b', 'main', dir);
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', 'pipewright init web_sessions');
    git(dir, 'remote', 'add', 'origin', path.join(root, 'origin.git'));
    git(dir, 'push', '--quiet', 'origin', 'main');

    const api = await startGitHubApiServer({ token: TOKEN });
    try {
      run = await runAct({
        repo: dir,
        workflow: CALLER,
        event: 'workflow_dispatch',
        eventPayload: { inputs: { start: key, end: key, reason: 'first backfill after init' } },
        artifacts: true,
        secrets: { GITHUB_TOKEN: TOKEN },
        env: { GITHUB_REPOSITORY: 'shop/web', GITHUB_API_URL: api.url.replace(/\/$/, '') },
        localRepositories: {
          'pipewright/pipewright@v1': releaseDir(),
          'actions/setup-node@v5': path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'setup-node'),
        },
        timeoutMs: 150_000,
      });
    } finally {
      await api.close();
    }
  }, 200_000);

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('backfills the sample partition and uploads the output init expects', () => {
    expect(run.exitCode, logOf(run)).toBe(0);
    expect(run.jobRuns('run').map((j) => [j.matrix.label, j.result])).toEqual([[key, 'success']]);
    expect(run.output).toContain('summarize_events: 3 events, 4975 cents');
    expect(artifactNames(run)).toEqual([`pipewright-${DAG}-${key}`]);
    const out = extractArtifact(run, `pipewright-${DAG}-${key}`);
    try {
      expect(fs.readFileSync(path.join(out, 'summary', `dt=${key}`, 'summary.csv'), 'utf8')).toBe(expected);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
