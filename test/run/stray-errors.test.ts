// A handler whose code throws where nothing can catch it (an 'error' event with
// no listener) must fail its task, not kill the run: the record and the report
// are the evidence an on-call engineer needs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { pipewright } from '../support/cli.js';
import { scratchDir } from '../support/temp.js';

const CONTRACT = `dag_id: stray
description: A handler that leaks an error event.
owner: tests
tags: [test]
partition: daily
start_date: 2026-05-01
outputs:
  quality_report: quality/dt={{ ds }}/quality_report.json
tasks:
  - id: leak
    handler: tasks/leak.ts#leak
  - id: after
    upstream: [leak]
    trigger_rule: all_done
    handler: tasks/leak.ts#after
`;

const HANDLERS = `import { EventEmitter } from 'node:events';

export async function leak(ctx) {
  const source = new EventEmitter();
  // Nobody listens: Node would throw this out of the event loop.
  setTimeout(() => source.emit('error', new Error('socket hang up while reading the export')), 10);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

export async function after(ctx) {
  return { metrics: { after_ran: 1 } };
}
`;

it('fails the leaking task with its error, runs the all_done task, and records the run', () => {
  const cwd = scratchDir('pipewright-stray-');
  const dir = path.join(cwd, 'pipelines/stray');
  mkdirSync(path.join(dir, 'tasks'), { recursive: true });
  writeFileSync(path.join(dir, 'pipeline.yml'), CONTRACT);
  writeFileSync(path.join(dir, 'tasks/leak.ts'), HANDLERS);

  const result = pipewright(cwd, ['run', 'stray', '--date', '2026-05-01', '--data-root', 'data']);
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toContain("leak failed (code): unhandled error in the task's code");
  const report = JSON.parse(readFileSync(path.join(cwd, 'data/quality/dt=2026-05-01/quality_report.json'), 'utf8'));
  expect(report.status).toBe('failed');
  expect(report.tasks).toEqual([
    expect.objectContaining({ id: 'leak', state: 'failed', attempts: 1, failure_class: 'code' }),
    expect.objectContaining({ id: 'after', state: 'success' }),
  ]);
  expect(report.tasks[0].error).toContain('socket hang up while reading the export');
});
