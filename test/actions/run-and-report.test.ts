// run-partition and report as a workflow runs them, inside nektos/act with its
// real artifact server (test/support/act.ts): partitions run for real, their
// evidence is uploaded, the report job downloads it, writes the run summary and
// opens, comments on and closes alert issues on a recording GitHub API server.
// Needs `npm run bundle` first (the bundles under dist/ are what act runs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActRun, createRepo, REPO_ROOT, runAct, storedArtifactFiles } from '../support/act.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { scratchDir } from '../support/temp.js';

const DAG = 'turanmart_daily_sales';
const PIPELINE = path.join(REPO_ROOT, 'pipelines', DAG);

// Each bundle runs as the runner runs an action: `node dist/<name>/index.js` with INPUT_* variables
// (act overrides ACTIONS_RESULTS_URL for `uses:` steps, so the relay is only reachable from `run:` steps).
// Hyphenated inputs go through `env`, because a shell cannot export such names itself.
const WORKFLOW = `name: pipewright
on: push
permissions:
  contents: read
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: good
        if: env.PW_GOOD != ''
        env:
          ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}"
          INPUT_PIPELINE: ${DAG}
          INPUT_PARTITIONS: "\${{ env.PW_GOOD }}"
        run: node dist/run-partition/index.js
      - id: bad
        if: env.PW_BAD != ''
        continue-on-error: true
        env:
          ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}"
          INPUT_PIPELINE: ${DAG}
          INPUT_PARTITIONS: "\${{ env.PW_BAD }}"
          INPUT_TRIGGER: manual
        run: env "INPUT_RUN-REASON=rerun after the vendor fix" node dist/run-partition/index.js
  report:
    needs: run
    if: always()
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: report
        continue-on-error: true
        env:
          ACTIONS_RESULTS_URL: "\${{ env.PIPEWRIGHT_ARTIFACT_PROXY }}"
          INPUT_PIPELINE: ${DAG}
          INPUT_PARTITIONS: "\${{ env.PW_PLANNED }}"
          INPUT_NOW: "\${{ env.PW_NOW }}"
          INPUT_ALERTS: "true"
          PW_API: "\${{ env.PW_API }}"
        run: env GITHUB_API_URL="$PW_API" GITHUB_REPOSITORY=acme/sales "INPUT_GITHUB-TOKEN=test-token" node dist/report/index.js
`;

function files(breakDay?: string): Record<string, string | Buffer> {
  const out: Record<string, string | Buffer> = { '.github/workflows/pipewright.yml': WORKFLOW };
  const add = (root: string, prefix: string, skip?: (rel: string) => boolean) => {
    for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(root, rel);
      if (fs.statSync(full).isFile() && !skip?.(rel)) out[path.join(prefix, rel)] = fs.readFileSync(full);
    }
  };
  add(PIPELINE, `pipelines/${DAG}`, (rel) => rel.startsWith('data') && !rel.startsWith(path.join('data', 'raw')));
  for (const name of ['run-partition', 'report']) add(path.join(REPO_ROOT, 'dist', name), `dist/${name}`);
  if (breakDay)
    out[`pipelines/${DAG}/data/raw/orders/dt=${breakDay}/orders.csv`] =
      'order_id,order_date,customer_id,order_total\n1,2026-05-02,C1,1.00\n';
  return out;
}

function repoWith(breakDay?: string): string {
  const repo = createRepo(files(breakDay));
  // The handlers import csv-parse: the checkout sees the repository's node_modules through a link.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(repo, 'node_modules'));
  return repo;
}

function zipOf(run: ActRun, name: string): string {
  const [stored] = storedArtifactFiles(run.artifactDir, name);
  if (!stored) throw new Error(`no artifact ${name}`);
  return path.join(run.artifactDir, stored);
}

function unzip(zip: string): string {
  const dir = scratchDir('pw-unzip-');
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
}

function act(repo: string, api: GitHubApiServer, env: Record<string, string>): Promise<ActRun> {
  return runAct({
    repo,
    workflow: '.github/workflows/pipewright.yml',
    artifacts: true,
    timeoutMs: 170_000,
    env: { PW_GOOD: '', PW_BAD: '', PW_API: api.url, PW_NOW: '2026-05-04T06:30:00+05:00', ...env },
  });
}

describe('run-partition and report inside act', () => {
  let api: GitHubApiServer;
  let first: ActRun;
  let second: ActRun;
  let third: ActRun;

  beforeAll(async () => {
    api = await startGitHubApiServer({ token: 'test-token' });
    // Run 1: 2026-05-01 succeeds, 2026-05-02 has a broken export, 2026-05-03 was planned but never reported.
    first = await act(repoWith('2026-05-02'), api, {
      PW_GOOD: '2026-05-01',
      PW_BAD: '2026-05-02',
      PW_PLANNED: '["2026-05-01","2026-05-02","2026-05-03"]',
    });
    // Run 2: 2026-05-02 fails again. Run 3: fixed, it succeeds.
    second = await act(repoWith('2026-05-02'), api, { PW_BAD: '2026-05-02', PW_PLANNED: '["2026-05-02"]' });
    third = await act(repoWith(), api, { PW_GOOD: '2026-05-02', PW_PLANNED: '["2026-05-02"]' });
  }, 600_000);

  afterAll(async () => {
    await api?.close();
  });

  it('uploads a successful partition with its report, gold output, manifests and run record', () => {
    expect(first.outputs('run', 'good'), first.stderr + first.output).toEqual({
      status: 'success',
      'report-artifact': `pipewright-${DAG}-2026-05-01`,
      'failed-tasks': '[]',
    });
    const dir = unzip(zipOf(first, `pipewright-${DAG}-2026-05-01`));
    const gold = 'gold/daily_sales/dt=2026-05-01/daily_sales.csv';
    expect(fs.readFileSync(path.join(dir, gold), 'utf8')).toBe(
      fs.readFileSync(path.join(PIPELINE, 'expected', gold), 'utf8'),
    );
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'quality/dt=2026-05-01/quality_report.json'), 'utf8'));
    expect(report).toMatchObject({ dag_id: DAG, partition: '2026-05-01', status: 'success', trigger: 'schedule' });
    expect(fs.existsSync(path.join(dir, 'quality/dt=2026-05-01/quality_report.md'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'gold/daily_sales/dt=2026-05-01/_manifest.json'))).toBe(true);
    const records = fs.readdirSync(path.join(dir, `_pipewright/runs/${DAG}/2026-05-01`));
    expect(records).toEqual([`${report.run_id}.json`]);
    expect(first.summary('run', 'good')).toContain(`### ${DAG} 2026-05-01: succeeded`);
  });

  it('uploads a failed partition too, fails its step and names the failed task', () => {
    expect(first.outputs('run', 'bad')).toEqual({
      status: 'failed',
      'report-artifact': `pipewright-${DAG}-2026-05-02`,
      'failed-tasks': JSON.stringify([
        { partition: '2026-05-02', task: 'ingest_orders_bronze', failure_class: 'data' },
      ]),
    });
    const failure = first.annotations('run').find((a) => a.message.startsWith('pipewright run-partition:'));
    expect(failure?.message).toBe('pipewright run-partition: 2026-05-02 failed (reports uploaded)');
    const dir = unzip(zipOf(first, `pipewright-${DAG}-2026-05-02`));
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'quality/dt=2026-05-02/quality_report.json'), 'utf8'));
    expect(report).toMatchObject({ status: 'failed', reason: 'rerun after the vendor fix', trigger: 'manual' });
    expect(fs.existsSync(path.join(dir, 'gold'))).toBe(false);
  });

  it('reports the run: state table, Gantt, missing partition, and fails with the failed partitions', () => {
    expect(first.outputs('report', 'report')).toEqual({
      status: 'failed',
      'failed-partitions': '["2026-05-02","2026-05-03"]',
      'alerts-opened': '2',
      'alerts-closed': '0',
    });
    const summary = first.summary('report', 'report');
    expect(summary).toContain(`## ${DAG}: 1 succeeded, 1 failed, 1 missing`);
    expect(summary).toMatch(/\| 2026-05-01 \| ✅ success \| [\d.]+ m?s \| ✅ success/);
    expect(summary).toMatch(/\| 2026-05-02 \| ❌ failed \|[^\n]*❌ failed[^\n]*⛔ upstream_failed/);
    expect(summary).toContain('```mermaid\ngantt');
    expect(summary).toMatch(/ingest_orders_bronze :crit, t\d+, \d+, \d+/);
    expect(summary).toContain('- `2026-05-03`');
    expect(summary).toMatch(/2026-05-02: failed: opened issue #\d+/);
    const failure = first.annotations('report').find((a) => a.message.startsWith('pipewright report:'));
    expect(failure?.message).toBe('pipewright report: 2026-05-02, 2026-05-03 failed or left no report');
  });

  it('keeps one issue per partition: opened, commented on the next failure, closed on recovery', () => {
    expect(second.outputs('report', 'report')).toMatchObject({ status: 'failed', 'alerts-opened': '1' });
    expect(third.outputs('report', 'report')).toMatchObject({ status: 'success', 'alerts-closed': '1' });
    const issues = api.issues.filter((i) => i.body.includes(`pipewright-alert:${DAG}/2026-05-02`));
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.title).toBe(`pipewright: ${DAG} 2026-05-02 failed (data)`);
    expect(issue?.labels).toEqual(['pipewright', 'data-incident']);
    expect(issue?.body).toContain('`ingest_orders_bronze`');
    expect(issue?.body).toContain('data-platform');
    expect(issue?.comments).toHaveLength(2);
    expect(issue?.comments[0]).toContain('### Failed again');
    expect(issue?.comments[1]).toContain('Resolved: partition `2026-05-02`');
    expect(issue?.state).toBe('closed');
    // The partition that never reported has its own issue, still open.
    const missing = api.issues.find((i) => i.body.includes(`pipewright-alert:${DAG}/2026-05-03`));
    expect(missing?.state).toBe('open');
    expect(missing?.body).toContain('No quality report artifact');
  });
});
