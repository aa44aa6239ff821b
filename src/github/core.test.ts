// The workflow commands of src/github/core.ts are the ones @actions/core's root
// writes, byte for byte (its output delimiter is random: compared as DELIMITER).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as upstream from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ours from './core.js';

type Core = Pick<
  typeof upstream,
  'setOutput' | 'info' | 'debug' | 'error' | 'warning' | 'notice' | 'setSecret' | 'setFailed' | 'group'
>;

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What `use` writes to stdout and to $GITHUB_OUTPUT (or stdout alone when `withFile` is false), and the exit code it sets. */
async function written(core: Core, use: (core: Core) => unknown, withFile = true) {
  const dir = mkdtempSync(join(tmpdir(), 'pw-core-'));
  dirs.push(dir);
  const file = join(dir, 'output');
  writeFileSync(file, '');
  vi.stubEnv('GITHUB_OUTPUT', withFile ? file : '');
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  await use(core);
  spy.mockRestore();
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  const output = readFileSync(file, 'utf8').replaceAll(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER');
  return { stdout, output, exitCode };
}

const cases: Record<string, [(core: Core) => unknown, boolean?]> = {
  'an output to $GITHUB_OUTPUT': [(c) => c.setOutput('matrix', { include: [{ partition: '2026-05-01' }] })],
  'an output without $GITHUB_OUTPUT': [(c) => c.setOutput('count', 3), false],
  'a multi-line output': [(c) => c.setOutput('summary', 'a\nb%c')],
  'a log line': [(c) => c.info('plain % text: 100%')],
  'a debug line': [(c) => c.debug('look\nhere')],
  'an annotated error': [
    (c) => c.error('bad: 50%\nsecond', { file: 'p.yml', startLine: 3, startColumn: 5, title: 'a:b,c' }),
  ],
  'a warning from an Error': [(c) => c.warning(new Error('slow'))],
  'a notice': [(c) => c.notice('fyi', { file: 'x' })],
  'a mask': [(c) => c.setSecret('s3cr3t')],
  'a failure': [(c) => c.setFailed('pipewright plan: no such pipeline')],
  'a group': [(c) => c.group('Plan', async () => c.info('inside'))],
};

describe('the workflow commands', () => {
  for (const [name, [use, withFile]] of Object.entries(cases)) {
    it(`writes ${name} as @actions/core does`, async () => {
      expect(await written(ours, use, withFile)).toEqual(await written(upstream, use, withFile));
    });
  }

  it('reads inputs as @actions/core does: trimmed, spaces as underscores, a missing required one refused', () => {
    vi.stubEnv('INPUT_DATA_ROOT', '  s3://lake/p \n');
    vi.stubEnv('INPUT_PIPELINES-DIR', 'pipelines');
    for (const name of ['data root', 'pipelines-dir', 'absent'])
      expect(ours.getInput(name)).toBe(upstream.getInput(name));
    expect(() => ours.getInput('absent', { required: true })).toThrow('Input required and not supplied: absent');
    expect(() => upstream.getInput('absent', { required: true })).toThrow('Input required and not supplied: absent');
  });
});
