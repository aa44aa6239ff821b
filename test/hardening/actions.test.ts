// The same refusals through the bundled plan action, as a runner runs it: a corrupt
// record on the git state branch and an invalid state-branch fail the step with
// one line naming the file or the input, and the backfill reason from a dispatch
// form reaches the summary as text and the log without a workflow command.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitLedger } from '../../src/store/git-ledger.js';
import { git, runBundle, turanmartWorkspace } from '../actions/bundle.js';
import { runRecord } from '../support/records.js';
import { tempRoots } from '../support/temp.js';

const temp = tempRoots('pw-hardening-action-');
const workspaces: string[] = [];
afterEach(() => {
  for (const dir of workspaces.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The TuranMart checkout the bundle tests use, removed after each test. */
function workspace(): string {
  const dir = turanmartWorkspace();
  workspaces.push(dir);
  return dir;
}
const DAG = 'turanmart_daily_sales';
const base = { pipeline: DAG, now: '2026-05-05T08:00:00+05:00' };

/** The `::error::` lines the step printed (what fails it), decoded. */
const errors = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) => l.slice(l.indexOf('::', 2) + 2));

/** A workspace whose origin holds a state branch with one good record and `text` as a second one. */
async function stateBranchWith(text: string): Promise<string> {
  const ws = workspace();
  const origin = temp();
  git(origin, 'init', '-q', '--bare');
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'remote', 'add', 'origin', origin);
  const partition = '2026-05-01';
  await new GitLedger({ repoDir: ws }).write(
    runRecord({ dagId: DAG, partition, runId: 'schedule__good', state: 'success' }),
  );
  const clone = temp();
  git(clone, 'clone', '-q', '--branch', 'pipewright-state', origin, '.');
  const file = path.join(clone, 'runs', DAG, partition, 'schedule__bad.json');
  fs.writeFileSync(file, text);
  git(clone, 'add', '.');
  git(clone, 'commit', '-qm', 'a bad record');
  git(clone, 'push', '-q', 'origin', 'pipewright-state');
  return ws;
}

describe('plan action on a broken state branch', () => {
  it.each([
    ['truncated', '{"dagId": "turanmart_daily_sales", "partition'],
    ['empty', ''],
    ['null', 'null'],
  ])('a %s record fails the step with one line naming the file on the branch', async (_kind, text) => {
    const ws = await stateBranchWith(text);
    const run = runBundle('plan', ws, { ...base, 'state-branch': 'pipewright-state' });
    expect(run.status).toBe(1);
    const lines = errors(run.stdout);
    expect(lines, run.stdout).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^pipewright plan: run record runs/${DAG}/2026-05-01/schedule__bad\\.json on branch 'pipewright-state' .*: remove or repair it with a commit on 'pipewright-state' to continue$`,
      ),
    );
    expect(run.stdout).not.toContain('unexpected error');
  });

  it.each(['a..b', 'state branch', '-x', 'x.lock'])('state-branch %j fails the step with one line', (branch) => {
    const ws = workspace();
    const run = runBundle('plan', ws, { ...base, 'state-branch': branch });
    expect(run.status).toBe(1);
    expect(errors(run.stdout)).toEqual([
      `pipewright plan: state-branch ${JSON.stringify(branch)} is not a valid branch name${branch === 'a..b' || branch === 'x.lock' ? ' (see git check-ref-format)' : ''}: name a branch such as pipewright-state`,
    ]);
  });
});

describe('plan action with a hostile backfill reason', () => {
  it('renders the reason as text in the summary and logs no workflow command', () => {
    const ws = workspace();
    const dataRoot = temp();
    const reason = 'fix <img src=x onerror=alert(1)> [docs](https://evil.example) **now**\n::error::owned';
    const run = runBundle('plan', ws, {
      ...base,
      'state-branch': '',
      'data-root': dataRoot,
      mode: 'backfill',
      start: '2026-05-01',
      end: '2026-05-02',
      reason,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain(
      'Reason: fix \\<img src=x onerror=alert\\(1\\)\\> \\[docs\\]\\(https://evil\\.example\\) \\*\\*now\\*\\* ::error::owned',
    );
    expect(run.summary).not.toMatch(/(^|[^\\])<img/); // an escaped \< is text, not a tag
    expect(run.stdout.split('\n').filter((l) => l.trimStart().startsWith('::error'))).toEqual([]);
  });
});
