// `pipewright validate` as a user runs it: a real process, its output and exit code.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FROM_SOURCE } from '../support/cli.js';
import { scratchDir } from '../support/temp.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const node = join(repo, 'node_modules/.bin/node');
const fixtures = join(repo, 'test/fixtures/contracts');

function pipewright(args: string[], cwd = repo) {
  const run = spawnSync(node, [...FROM_SOURCE, join(repo, 'src/cli/index.ts'), 'validate', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('pipewright validate', () => {
  it('exits 0 for the repository pipelines, importing their handlers', () => {
    const { code, stdout } = pipewright([]);
    expect(stdout).toMatch(/^\d+ pipelines?, 0 errors, \d+ warnings?\n$/m);
    expect(code).toBe(0);
  });

  it('exits 1 and prints every problem, then a summary, paths relative to the cwd', () => {
    const { code, stdout } = pipewright(['test/fixtures/contracts/bad_graph', 'test/fixtures/contracts/wrong_folder']);
    expect(stdout.split('\n')).toEqual([
      "test/fixtures/contracts/bad_graph/pipeline.yml:10:9: error: duplicate task id 'extract' (first defined on line 8)",
      "test/fixtures/contracts/bad_graph/pipeline.yml:13:16: error: task 'load' has unknown upstream 'extrakt' (did you mean 'extract'?)",
      "test/fixtures/contracts/bad_graph/pipeline.yml:16:16: error: task 'selfish' depends on itself",
      'test/fixtures/contracts/bad_graph/pipeline.yml:25:16: error: cycle in the task graph: b -> c -> a -> b',
      "test/fixtures/contracts/wrong_folder/pipeline.yml:1:9: error: dag_id 'right_name' must equal its folder name 'wrong_folder'",
      '2 pipelines, 5 errors, 0 warnings',
      '',
    ]);
    expect(code).toBe(1);
  });

  it('searches the default pipelines/ folder under the cwd', () => {
    const cwd = scratchDir('pw-cli-');
    cpSync(join(fixtures, 'valid_minimal'), join(cwd, 'pipelines/valid_minimal'), { recursive: true });
    cpSync(join(fixtures, 'bad_dates'), join(cwd, 'pipelines/bad_dates'), { recursive: true });
    const { code, stdout } = pipewright([], cwd);
    expect(stdout).toContain(
      'pipelines/bad_dates/pipeline.yml:8:11: error: end_date 2026-04-01 is before start_date 2026-05-01\n',
    );
    expect(stdout.endsWith('2 pipelines, 3 errors, 0 warnings\n')).toBe(true);
    expect(code).toBe(1);
  });

  it('prints JSON with --format json', () => {
    const { code, stdout } = pipewright([
      '--format',
      'json',
      '--no-imports',
      'test/fixtures/contracts/wrong_folder/pipeline.yml',
    ]);
    expect(JSON.parse(stdout)).toEqual({
      schema_version: 1,
      contracts: ['test/fixtures/contracts/wrong_folder/pipeline.yml'],
      valid: [],
      errors: 1,
      warnings: 0,
      diagnostics: [
        {
          file: 'test/fixtures/contracts/wrong_folder/pipeline.yml',
          line: 1,
          col: 9,
          severity: 'error',
          message: "dag_id 'right_name' must equal its folder name 'wrong_folder'",
        },
      ],
    });
    expect(code).toBe(1);
  });

  it('exits 2 with one line for a path that does not exist, a bad flag value or an unknown flag', () => {
    const missing = pipewright(['pipelines/nope']);
    expect(missing.stderr).toBe('pipewright validate: no such file or folder: pipelines/nope\n');
    expect(missing.code).toBe(2);
    const timeout = pipewright(['--import-timeout', 'soon']);
    expect(timeout.stderr).toBe(
      "pipewright validate: --import-timeout must be a duration like 5s or 500ms, at most 24.8 days (got 'soon')\n",
    );
    expect(timeout.code).toBe(2);
    const unknown = pipewright(['--strict']);
    expect(unknown.stderr.split('\n')[0]).toMatch(/^pipewright validate: Unknown option '--strict'/);
    expect(unknown.code).toBe(2);
    expect(pipewright(['--format', 'xml']).code).toBe(2);
  });
});
