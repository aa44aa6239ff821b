// Broken state gets one line naming the file and the fix, exit 1 (state to repair)
// or 2 (a bad flag), and nothing is written: a data root that is a file, a device
// or read-only, pipewright's folders replaced by files, a pipeline.yml that is a
// folder, corrupt run records, and a link that leads out of the data root.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { contract, DAG, expectOneLine, tree, writePipeline } from './support.js';

const temp = tempRoots('pw-hardening-state-');

function project(): { root: string; cwd: string } {
  const root = temp();
  const cwd = path.join(root, 'project');
  writePipeline(cwd, DAG, contract(DAG));
  return { root, cwd };
}

/** Runs `args` and checks the refusal: exit code, one line matching `pattern`, `root` unchanged. */
function refused(root: string, cwd: string, args: string[], status: number, pattern: RegExp): void {
  const before = tree(root);
  const result = pipewright(cwd, args);
  expect(result.status, result.stderr).toBe(status);
  expectOneLine(result.stderr, pattern);
  expect(tree(root)).toEqual(before);
}

const run = (dataRoot: string, date = '2026-05-01') => ['run', DAG, '--date', date, '--data-root', dataRoot];

describe('a data root that cannot hold data', () => {
  it('is a file or /dev/null: exit 2, one line naming it', () => {
    const { root, cwd } = project();
    writeFileSync(path.join(cwd, 'data'), 'not a folder');
    refused(
      root,
      cwd,
      run('data'),
      2,
      /^pipewright run: data root .*\/project\/data is not a folder: point --data-root/,
    );
    refused(root, cwd, run('/dev/null'), 2, /^pipewright run: data root \/dev\/null is not a folder/);
    refused(
      root,
      cwd,
      ['plan', DAG, '--data-root', '/dev/null'],
      2,
      /^pipewright plan: data root \/dev\/null is not a folder/,
    );
  });

  it('does not exist yet under a link that leads nowhere or to a file: exit 2, one line, nothing written', () => {
    const { root, cwd } = project();
    symlinkSync(path.join(root, 'unmounted'), path.join(root, 'dangling'));
    writeFileSync(path.join(root, 'notes.txt'), 'a file\n');
    symlinkSync(path.join(root, 'notes.txt'), path.join(root, 'to-file'));
    refused(
      root,
      cwd,
      run(path.join(root, 'dangling', 'lake', 'data')),
      2,
      /^pipewright run: data root .*\/dangling\/lake\/data cannot be created: .*\/dangling is a link to .*\/unmounted, which does not exist: create it, or point --data-root/,
    );
    refused(
      root,
      cwd,
      run(path.join(root, 'to-file', 'data')),
      2,
      /^pipewright run: data root .*\/to-file\/data cannot be created: .*\/to-file is not a folder: point --data-root/,
    );
  });

  it('is read-only (a read-only tmpfs): exit 1, one line naming it and the fix', (ctx) => {
    const { root, cwd } = project();
    const mount = path.join(root, 'ro');
    mkdirSync(mount);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mount]);
    if (mounted.status !== 0) ctx.skip(`cannot mount a tmpfs here: ${mounted.stderr}`);
    try {
      refused(
        root,
        cwd,
        run(mount),
        1,
        /^pipewright run: .*\/ro: the file system is read-only: make the data root writable/,
      );
    } finally {
      execFileSync('umount', [mount]);
    }
  });

  it('is full while the lock is taken (a full tmpfs): exit 1, one line, no temp file left', (ctx) => {
    const { root, cwd } = project();
    const mount = path.join(root, 'full');
    mkdirSync(mount);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
    if (mounted.status !== 0) ctx.skip(`cannot mount a tmpfs here: ${mounted.stderr}`);
    try {
      mkdirSync(path.join(mount, '_pipewright', 'locks', DAG), { recursive: true });
      // Fill every block: the lock's content then cannot be written.
      spawnSync('dd', ['if=/dev/zero', `of=${path.join(mount, 'filler')}`, 'bs=4k']);
      const result = pipewright(cwd, run(mount));
      expect(result.status, result.stderr).toBe(1);
      expectOneLine(result.stderr, /the disk is full: free space under the data root and run again/);
      expect(readdirSync(path.join(mount, '_pipewright', 'locks', DAG))).toEqual([]);
    } finally {
      execFileSync('umount', [mount]);
    }
  });

  it('has a file where pipewright keeps its runs: run and status exit 1, one line', () => {
    const { root, cwd } = project();
    mkdirSync(path.join(cwd, 'data', '_pipewright'), { recursive: true });
    writeFileSync(path.join(cwd, 'data', '_pipewright', 'runs'), '');
    const line =
      /^pipewright (run|status): .*\/data\/_pipewright\/runs is not a folder: pipewright keeps its state there; move it aside$/;
    refused(root, cwd, run('data'), 1, line);
    refused(root, cwd, ['status', DAG, '--data-root', 'data'], 1, line);
  });

  it('has a folder linked to a place outside it: refused before anything is written there', () => {
    const { root, cwd } = project();
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(path.join(cwd, 'data', 'out'), { recursive: true });
    // The link sits where the partition's folder goes: out/dt=2026-05-01 -> ../../elsewhere.
    symlinkSync(elsewhere, path.join(cwd, 'data', 'out', 'dt=2026-05-01'));
    refused(
      root,
      cwd,
      run('data'),
      1,
      /^pipewright run: .*dt=2026-05-01 is a link to .*\/elsewhere, outside the data root/,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    symlinkSync(elsewhere, path.join(cwd, 'data', 'linked'));
    writePipeline(cwd, DAG, contract(DAG, { top: 'outputs:\n  out: linked/{{ ds }}/x.txt' }));
    refused(
      root,
      cwd,
      run('data'),
      1,
      /^pipewright run: .*\/data\/linked is a link to .*\/elsewhere, outside the data root/,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    // pipewright's own folder, linked out: the ledger and locks would land elsewhere.
    rmSync(path.join(cwd, 'data', 'linked'));
    symlinkSync(elsewhere, path.join(cwd, 'data', '_pipewright'));
    const line = /^pipewright run: .*\/data\/_pipewright is a link to .*\/elsewhere, outside the data root/;
    refused(root, cwd, run('data'), 1, line);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('a contract file that cannot be read as one', () => {
  it('pipeline.yml is a folder: exit 2, one line', () => {
    const root = temp();
    const cwd = path.join(root, 'project');
    mkdirSync(path.join(cwd, 'pipelines', DAG, 'pipeline.yml'), { recursive: true });
    refused(
      root,
      cwd,
      run('data'),
      2,
      /^pipewright run: .*pipeline\.yml: is a folder, not a file: pipeline\.yml must be a YAML file$/,
    );
  });
});

describe('a run record that is not one', () => {
  const records: Record<string, string> = {
    empty: '',
    truncated: '{\n  "dagId": "good",\n  "partition": "2026-05-',
    garbage: 'PK\u0003\u0004 not json at all',
    null: 'null',
    list: '[]',
  };
  it.each(Object.entries(records))('%s: status and backfill exit 1 with one line naming the file', (kind, text) => {
    const { root, cwd } = project();
    const first = pipewright(cwd, run('data'));
    expect(first.status, first.stderr).toBe(0);
    const dir = path.join(cwd, 'data', '_pipewright', 'runs', DAG, '2026-05-01');
    const [name] = readdirSync(dir);
    writeFileSync(path.join(dir, name!), text);
    const line = new RegExp(
      `^pipewright (status|backfill): run record .*/2026-05-01/${name!.replace(/[.]/g, '\\.')} (is empty|is not valid JSON|holds (null|a list), not a run record).*: move it aside to continue$`,
    );
    refused(root, cwd, ['status', DAG, '--data-root', 'data'], 1, line);
    refused(
      root,
      cwd,
      ['backfill', DAG, '--start', '2026-05-01', '--end', '2026-05-02', '--reason', kind, '--data-root', 'data'],
      1,
      line,
    );
  });
});
