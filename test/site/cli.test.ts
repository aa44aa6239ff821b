// `pipewright site` as a user runs it: where it refuses to write, that it
// rebuilds its own folder, and that it reads the ledger from a git state branch.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitLedger } from '../../src/store/git-ledger.js';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { runRecord } from '../support/records.js';
import { tempRoots } from '../support/temp.js';

const temp = tempRoots('pw-site-cli-');
const PIPELINES = join(REPO_ROOT, 'pipelines');

function latestCell(indexHtml: string): string {
  const match = /<td data-field="latest"[^>]*>(.*?)<\/td>/s.exec(indexHtml);
  return (match?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
}

describe('pipewright site', () => {
  it('refuses a folder holding files it did not write, and writes nothing', () => {
    const out = join(temp(), 'docs');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.md'), 'mine\n');
    const result = pipewright(REPO_ROOT, ['site', '--out', out, '--pipelines', PIPELINES, '--data-root', temp()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('already holds files that pipewright did not write');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user's mistake
    expect(readFileSync(join(out, 'notes.md'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });

  it('rebuilds its own site in place, with an empty ledger showing no runs', () => {
    const out = join(temp(), 'site');
    const dataRoot = temp();
    for (let i = 0; i < 2; i++) {
      const result = pipewright(REPO_ROOT, ['site', '--out', out, '--pipelines', PIPELINES, '--data-root', dataRoot]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(`open ${join(out, 'index.html')}`);
    }
    expect(latestCell(readFileSync(join(out, 'index.html'), 'utf8'))).toBe('· no run');
    expect(existsSync(join(out, 'pipelines/turanmart_daily_sales/index.html'))).toBe(true);
  });

  it('keeps the previous site whole when a rebuild fails', () => {
    const root = temp();
    const out = join(root, 'site');
    const dataRoot = join(root, 'data');
    const args = ['site', '--out', out, '--pipelines', PIPELINES, '--data-root', dataRoot];
    expect(pipewright(REPO_ROOT, args).status).toBe(0);
    // A run record cut short (a disk that filled up): the ledger refuses it.
    const partition = join(dataRoot, '_pipewright/runs/turanmart_daily_sales/2026-05-01');
    mkdirSync(partition, { recursive: true });
    writeFileSync(join(partition, 'schedule__cut.json'), '{"dag_id": "turanmart_daily_sales", "partit');
    const failed = pipewright(REPO_ROOT, args);
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('is not valid JSON');
    expect(latestCell(readFileSync(join(out, 'index.html'), 'utf8'))).toBe('· no run');
    expect(readdirSync(root).sort()).toEqual(['data', 'site']);
  });

  it('reports an invalid contract at its file:line:col and builds nothing', () => {
    const out = join(temp(), 'site');
    const result = pipewright(REPO_ROOT, ['site', '--out', out, '--pipelines', 'test/fixtures/contracts/bad_graph']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/bad_graph\/pipeline\.yml:\d+:\d+: error: duplicate task id 'extract'/);
    expect(existsSync(out)).toBe(false);
  });

  it('needs --out', () => {
    const result = pipewright(REPO_ROOT, ['site']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing --out DIR');
  });

  it('reads the run ledger from a git state branch', async () => {
    const root = temp();
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });
    const origin = join(root, 'origin.git');
    const checkout = join(root, 'checkout');
    git(root, 'init', '--quiet', '--bare', '-b', 'main', origin);
    git(root, 'clone', '--quiet', origin, checkout);
    const ledger = new GitLedger({ repoDir: checkout, branch: 'pipewright-state' });
    for (const [partition, state] of [
      ['2026-05-01', 'success'],
      ['2026-05-02', 'failed'],
    ] as const) {
      await ledger.write(
        runRecord({
          partition,
          state,
          runId: `schedule__${partition}`,
          startedAt: `${partition}T01:00:00.000Z`,
          dataIntervalStart: `${partition}T00:00:00.000+05:00`,
          dataIntervalEnd: `${partition}T00:00:00.000+05:00`,
        }),
      );
    }
    const out = join(root, 'site');
    const result = pipewright(checkout, [
      'site',
      '--out',
      out,
      '--pipelines',
      PIPELINES,
      '--state-branch',
      'pipewright-state',
      '--data-root',
      join(root, 'data'),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(latestCell(readFileSync(join(out, 'index.html'), 'utf8'))).toBe('2026-05-02 ✗ failed');
    const grid = readFileSync(join(out, 'pipelines/turanmart_daily_sales/grid.js'), 'utf8');
    expect(grid).toContain('"2026-05-01"');
    expect(existsSync(join(out, 'pipelines/turanmart_daily_sales/runs/2026-05.js'))).toBe(true);
  });
});
