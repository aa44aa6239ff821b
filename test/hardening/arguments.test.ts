// Arguments a user (or a workflow_dispatch form) passes: a partition outside the
// contract's window is refused by `run` as by `backfill`, and a newline in a flag
// never produces an output line a runner would read as a workflow command.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHandler } from '../../src/run/kinds/handler.js';
import { pipewright } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { contract, DAG, expectOneLine, tree, writePipeline } from './support.js';

const temp = tempRoots('pw-hardening-args-');

/** True when any line of `text` would start a workflow command on a runner. */
const commandLines = (text: string) => text.split(/\r\n|\r|\n/).filter((l) => l.trimStart().startsWith('::'));

function project(top?: string): { root: string; cwd: string } {
  const root = temp();
  const cwd = path.join(root, 'project');
  const text = contract(DAG);
  writePipeline(cwd, DAG, top ? text.replace('start_date: "2026-05-01"', `start_date: "2026-05-01"\n${top}`) : text);
  return { root, cwd };
}

describe('run refuses partitions the contract does not allow, as backfill does', () => {
  it.each([
    [
      'before start_date',
      '2026-04-30',
      /is before the pipeline's first partition '2026-05-01' \(start_date 2026-05-01\)/,
    ],
    ['after end_date', '2026-05-04', /is after the pipeline's last partition '2026-05-03' \(end_date 2026-05-03\)/],
    ['not due yet', '2999-01-01', /is not due yet: its data interval ends 2999-01-02T00:00:00\.000\+00:00/],
  ])('%s: exit 2, one line, nothing written', (what, date, pattern) => {
    const { root, cwd } = project(what === 'after end_date' ? 'end_date: "2026-05-03"' : undefined);
    const before = tree(root);
    const result = pipewright(cwd, ['run', DAG, '--date', date, '--data-root', 'data']);
    expect(result.status, result.stderr).toBe(2);
    expectOneLine(result.stderr, new RegExp(`^pipewright run: partition '${date}' ${pattern.source}`));
    expect(tree(root)).toEqual(before);
    const backfill = pipewright(cwd, [
      'backfill',
      DAG,
      '--start',
      date,
      '--end',
      date,
      '--reason',
      'x',
      '--data-root',
      'data',
    ]);
    expect(backfill.status).toBe(2);
    expectOneLine(
      backfill.stderr,
      new RegExp(`^pipewright backfill: backfill (start|end) '${date}' ${pattern.source}`),
    );
  });
});

describe('a key of the wrong shape', () => {
  it('is refused in plain English for every grain', () => {
    const root = temp();
    const cwd = path.join(root, 'project');
    writePipeline(cwd, DAG, contract(DAG, { partition: 'hourly' }));
    const result = pipewright(cwd, ['run', DAG, '--date', '2026-05-01', '--data-root', 'data']);
    expect(result.status).toBe(2);
    expectOneLine(result.stderr, /^pipewright run: '2026-05-01' is not an hourly partition key/);
  });
});

describe('a newline in a flag cannot start a workflow command', () => {
  const injected = '\n::error title=owned::owned\n::set-output name=x::y';
  it.each([
    ['--date', ['run', DAG, '--date', `2026-05-01${injected}`, '--data-root', 'data']],
    ['--data-root', ['run', DAG, '--date', '2026-05-01', '--data-root', `data${injected}`]],
    ['--start', ['backfill', DAG, '--start', `2026-05-01${injected}`, '--end', '2026-05-02', '--reason', 'x']],
    ['a command name', [`run${injected}`]],
  ])('%s: exit 2, one line, no line starting with ::', (_flag, args) => {
    const { root, cwd } = project();
    const before = tree(root);
    const result = pipewright(cwd, args);
    expect(result.status, result.stderr).toBe(2);
    expect(commandLines(result.stdout + result.stderr)).toEqual([]);
    if (_flag !== 'a command name') expectOneLine(result.stderr, /^pipewright (run|backfill): .*\\n::error/);
    expect(tree(root)).toEqual(before);
  });

  it('validate quotes a contract value holding a newline without a command line', () => {
    const { cwd } = project();
    writePipeline(cwd, DAG, contract(DAG, { top: `outputs:\n  out: ${JSON.stringify(`/x${injected}`)}` }));
    const result = pipewright(cwd, ['validate', 'pipelines', '--no-imports']);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain("error: output 'out' path '/x\\n::error title=owned::owned");
    expect(commandLines(result.stdout + result.stderr)).toEqual([]);
  });

  it('--reason is recorded as given and echoed without a command line', () => {
    const { cwd } = project();
    const result = pipewright(cwd, [
      'run',
      DAG,
      '--date',
      '2026-05-01',
      '--data-root',
      'data',
      '--reason',
      `fix${injected}`,
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(commandLines(result.stdout + result.stderr)).toEqual([]);
  });
});

describe('run imports only handler modules validation accepts', () => {
  it('refuses a module outside the pipeline folder without importing it', async () => {
    const { root, cwd } = project();
    const dir = path.join(cwd, 'pipelines', DAG);
    const evil =
      "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./evil-ran', import.meta.url), 'x');\nexport function x() {}\n";
    writeFileSync(path.join(root, 'evil.mjs'), evil);
    for (const module of ['../../../evil.mjs', path.join(root, 'evil.mjs')])
      await expect(loadHandler(dir, { kind: 'handler', module, exportName: 'x' })).rejects.toThrow(
        `refusing handler module ${module}: it is outside the pipeline folder`,
      );
    expect(existsSync(path.join(root, 'evil-ran'))).toBe(false);
  });
});
