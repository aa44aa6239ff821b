// `validate` over many contracts checks them on two threads. What it reports must not
// depend on that: the same diagnostics at the same file:line:col in the same order, the
// same pipelines and the same cache, whichever thread checked a contract, and the same
// again when the worker cannot start or stops halfway. Run in processes of their own,
// from source as the CLI runs, so the worker thread loads the way it does for a user.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIN_CONTRACTS_FOR_WORKER } from '../../src/contract/check-threads.js';
import { FROM_SOURCE, NODE, REPO_ROOT } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';

const CHILD = fileURLToPath(new URL('./fixtures/validate-child.ts', import.meta.url));
const tempDir = tempRoots('pw-validate-threads-');

interface ChildOutput {
  files: string[];
  diagnostics: string[];
  pipelines: unknown[];
  split: { here: number; worker: number };
  cache?: Record<string, unknown>;
}

function validate(folder: string, mode: string, cacheDir?: string): ChildOutput {
  const child = spawnSync(NODE, [...FROM_SOURCE, CHILD, folder, mode, ...(cacheDir ? [cacheDir] : [])], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as ChildOutput;
}

/** A valid contract of a few tasks; `extra` is appended to its tasks. */
function contract(dagId: string, opts: { inputs?: string; extra?: string; description?: string } = {}): string {
  return `dag_id: ${dagId}
description: ${opts.description ?? `Pipeline ${dagId}.`}
owner: tests
tags: [tests]
schedule: "0 6 * * *"
timezone: Asia/Almaty
partition: daily
start_date: 2026-05-01
inputs:
  ${opts.inputs ?? `raw: raw/${dagId}/dt={{ ds }}/data.csv`}
outputs:
  out: gold/${dagId}/dt={{ ds }}/data.csv
tasks:
  - id: extract
    command: [python, -m, steps.extract, "{{ outputs.out }}", "--ds={{ ds }}"]
  - id: load
    upstream: [extract]
    retries: 1
    command: [python, -m, steps.load, "{{ outputs.out }}"]
${opts.extra ?? ''}`;
}

/** One way to get a contract wrong (or right) per remainder: every kind of result, many times over. */
function variant(i: number, dagId: string): string | Uint8Array {
  switch (i % 13) {
    case 1:
      return contract(dagId, { extra: '  - id: broken\n   command: [python]\n' });
    case 2:
      return contract(dagId, { extra: '  - id: typo\n    retires: 2\n    command: [python, -m, steps.x]\n' });
    case 3:
      return contract(dagId, { extra: '  - id: load\n    command: [python, -m, steps.again]\n' });
    case 4:
      return contract(dagId, {
        extra:
          '  - id: a\n    upstream: [b]\n    command: [python]\n  - id: b\n    upstream: [a]\n    command: [python]\n',
      });
    case 5:
      return contract(dagId, { extra: '  - id: late\n    command: [python, "{{ dss }}", "{{ outputs.nope }}"]\n' });
    case 6:
      return contract(dagId, { extra: '  - id: missing\n    handler: tasks/missing.ts#run\n' });
    case 7: {
      const text = Buffer.from(contract(dagId, { description: 'Bad byte: X here.' }));
      text[text.indexOf('X')] = 0xff;
      return text;
    }
    case 8:
      return `# key AKIAABCDEFGHIJKLMNOP\n${contract(dagId)}`;
    case 9:
      return contract(dagId).replace('0 6 * * *', '0 25 * * *');
    case 10:
      return contract(dagId, {
        extra: '  - id: anchored\n    command: &cmd [python, -m, steps.a]\n  - id: aliased\n    command: *cmd\n',
      });
    case 11:
      return contract(dagId, {
        extra:
          '  - id: typo_program\n    command: [pyton3, x.py]\n  - id: wrong_export\n    handler: tasks/step.ts#nope\n',
      });
    case 12:
      return contract(dagId, {
        inputs: i % 2 ? 'raw:\n    from: pipeline_0.out' : 'raw:\n    from: no_such_pipeline.out',
      });
    default:
      return contract(dagId, { extra: '  - id: handled\n    upstream: [load]\n    handler: tasks/step.ts#run\n' });
  }
}

function repository(count: number): string {
  const root = tempDir();
  for (let i = 0; i < count; i++) {
    const dagId = `pipeline_${i}`;
    const dir = join(root, 'pipelines', dagId);
    mkdirSync(join(dir, 'tasks'), { recursive: true });
    writeFileSync(join(dir, 'pipeline.yml'), variant(i, dagId));
    writeFileSync(join(dir, 'tasks', 'step.ts'), 'export function run(): void {}\n');
  }
  writeFileSync(join(root, 'package.json'), '{ "name": "threads-test", "private": true }\n');
  return root;
}

describe('validate on two threads', () => {
  it('reports exactly what one thread reports, in the same order, and leaves the same cache', () => {
    const count = MIN_CONTRACTS_FOR_WORKER + 39;
    const root = repository(count);
    const here = validate(root, 'here', join(root, 'cache-here'));
    expect(here.split).toEqual({ here: count, worker: 0 });
    // Every kind of result is there: errors, warnings, located handlers, lineage, valid pipelines.
    const text = here.diagnostics.join('\n');
    for (const expected of [
      'YAML:',
      'retires',
      "duplicate task id 'load'",
      'cycle in the task graph',
      "unknown template variable '{{ dss }}'",
      "handler module 'tasks/missing.ts' not found",
      'invalid UTF-8',
      'literal credential',
      "program 'pyton3' is not on PATH",
      "has no export 'nope'",
      'no_such_pipeline',
    ])
      expect(text).toContain(expected);
    expect(here.pipelines.length).toBeGreaterThan(30);

    for (const cached of [false, true]) {
      const cacheDir = cached ? join(root, 'cache-worker') : undefined;
      const both = validate(root, 'worker', cacheDir);
      expect(both.split.worker).toBeGreaterThan(0);
      expect(both.split.here + both.split.worker).toBe(count);
      expect(both.files).toEqual(here.files);
      expect(both.diagnostics).toEqual(here.diagnostics);
      expect(both.pipelines).toEqual(here.pipelines);
      // Handler positions the worker found itself (cache) or left to this thread (no cache) read the same.
      if (cached) expect(both.cache).toEqual(here.cache);
    }
    // From the cache the worker's run left: nothing to check, the same report.
    const again = validate(root, 'worker', join(root, 'cache-worker'));
    expect(again.split).toEqual({ here: 0, worker: 0 });
    expect(again.diagnostics).toEqual(here.diagnostics);
  });

  it('checks everything on this thread when the worker cannot start or stops halfway', () => {
    const root = repository(MIN_CONTRACTS_FOR_WORKER);
    const here = validate(root, 'here');
    for (const mode of ['no-worker', 'dying-worker']) {
      const fallback = validate(root, mode);
      expect(fallback.split).toEqual({ here: MIN_CONTRACTS_FOR_WORKER, worker: 0 });
      expect(fallback.diagnostics).toEqual(here.diagnostics);
      expect(fallback.pipelines).toEqual(here.pipelines);
    }
  });

  it('starts no worker for fewer contracts', () => {
    const root = repository(MIN_CONTRACTS_FOR_WORKER - 1);
    expect(validate(root, 'worker').split).toEqual({ here: MIN_CONTRACTS_FOR_WORKER - 1, worker: 0 });
  });
});
