// The same refusals through the bundled plan action, as a runner runs it: a corrupt
// record on the git state branch and an invalid state-branch fail the step with
// one line naming the file or the input, and the backfill reason from a dispatch
// form reaches the summary as text and the log without a workflow command.
import { spawn } from 'node:child_process';
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

/** An HTTP origin in a child process (runBundle blocks this one) that answers every request with `status`. */
async function refusingOrigin(status: number): Promise<{ url: string; stop(): void }> {
  const server = spawn(process.execPath, [
    '-e',
    `require('node:http').createServer((q, s) => { s.writeHead(${status}, { 'content-type': 'text/plain' }); s.end('Write access to repository not granted.\\n'); })` +
      `.listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
  ]);
  const port = await new Promise<string>((resolve, reject) => {
    server.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
    server.once('exit', (code) => reject(new Error(`origin exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/turanmart/shop.git`, stop: () => server.kill() };
}

describe('plan action when origin refuses the state branch', () => {
  it.each([403, 401])('HTTP %i fails the step with one line naming what was refused and the fix', async (status) => {
    const origin = await refusingOrigin(status);
    try {
      const ws = workspace();
      git(ws, 'init', '-q', '-b', 'main');
      git(ws, 'remote', 'add', 'origin', origin.url);
      const run = runBundle('plan', ws, { ...base, 'state-branch': 'pipewright-state', 'github-token': 'ghs_x' });
      expect(run.status).toBe(1);
      expect(errors(run.stdout)).toEqual([
        `pipewright plan: origin refused to let the run ledger fetch branch 'pipewright-state' (HTTP ${status}): ` +
          `give the job permissions: contents: read and pass github-token: \${{ github.token }} to the action`,
      ]);
      expect(run.stdout).not.toMatch(/unexpected error|\n\s+at /);
    } finally {
      origin.stop();
    }
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
