// Scenario 5: a pull request breaks the contract. The shop's small caller runs
// pipewright-pr.yml on `pull_request`; validate fails with `::error` annotations
// at the contract's file, line and column — the same places the CLI reports.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActRun, pinnedAction, REPO_ROOT, runAct } from '../support/act.js';
import { pipewright } from '../support/cli.js';
import { createShopRepo, DAG, releaseDir } from './harness.js';

const CONTRACT = `pipelines/${DAG}/pipeline.yml`;
const PR_CALLER = `name: pull-request
on: pull_request
permissions: {}
jobs:
  pipewright:
    uses: pipewright/pipewright/.github/workflows/pipewright-pr.yml@v1
    permissions:
      contents: read
    with:
      test-command: ""
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=dev', '-c', 'user.email=dev@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

describe('the pull-request checks in act on a broken contract', () => {
  let run: ActRun;
  let shopDir: string;
  let broken: string;

  beforeAll(async () => {
    const shop = createShopRepo({ '.github/workflows/pull-request.yml': PR_CALLER });
    shopDir = shop.dir;
    const good = fs.readFileSync(path.join(shop.dir, CONTRACT), 'utf8');
    // A typo in an upstream id and a retry count that is not a number.
    broken = good
      .replace('upstream: [validate_bronze_orders]', 'upstream: [validate_bronze_order]')
      .replace('retries: 2', 'retries: two');
    expect(broken).not.toBe(good);
    git(shop.dir, 'checkout', '--quiet', '-b', 'tweak-retries');
    fs.writeFileSync(path.join(shop.dir, CONTRACT), broken);
    git(shop.dir, 'commit', '--quiet', '-am', 'tweak retries');
    run = await runAct({
      repo: shop.dir,
      workflow: '.github/workflows/pull-request.yml',
      event: 'pull_request',
      eventPayload: {
        pull_request: { number: 7, base: { ref: 'main' }, head: { ref: 'tweak-retries' } },
      },
      localRepositories: {
        'pipewright/pipewright@v1': releaseDir(),
        [pinnedAction('actions/setup-node')]: path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'setup-node'),
      },
      timeoutMs: 150_000,
    });
  }, 200_000);

  it('fails the validate job, and with it the workflow', () => {
    expect(run.exitCode).not.toBe(0);
    expect(run.jobResult('validate')).toBe('failure');
    expect(run.jobRuns('expected-outputs')).toEqual([]);
  });

  it('annotates each error at the file, line and column the CLI reports', () => {
    const cli = spawnCliValidate(shopDir);
    const located = [...cli.matchAll(/^(pipelines\/[^:]+):(\d+):(\d+): error: (.+)$/gm)].map((m) => ({
      file: m[1],
      line: m[2],
      col: m[3],
      message: m[4],
    }));
    expect(located.length).toBeGreaterThanOrEqual(2);
    const annotations = run
      .annotations('validate')
      .filter((a) => a.level === 'error' && a.properties.file)
      .map((a) => ({ file: a.properties.file, line: a.properties.line, col: a.properties.col, message: a.message }));
    expect(annotations).toEqual(located);
    // Each points into the lines the pull request changed.
    const lines = broken.split('\n');
    const lineOf = (text: string) => String(lines.findIndex((l) => l.includes(text)) + 1);
    expect(annotations.map((a) => a.line).sort()).toEqual(
      [lineOf('retries: two'), lineOf('upstream: [validate_bronze_order]')].sort(),
    );
    expect(annotations.every((a) => a.file === CONTRACT)).toBe(true);
  });

  it('lists every problem and compares with the base branch in the job summary', () => {
    const summary = run.summary('validate');
    expect(summary).toContain('# pipewright validate');
    expect(summary).toContain('validate_bronze_order');
    expect(summary).toContain('## Changes against `origin/main`');
  });
});

/** The CLI's own located errors for the shop's contracts, run from the shop's root. */
function spawnCliValidate(cwd: string): string {
  const result = pipewright(cwd, ['validate']);
  return `${result.stdout}${result.stderr}`;
}
