// What a user sees when a bucket data root is wrong, through the real CLI on
// versitygw: one line naming the bucket and the fix (exit 2) before any task
// runs, and a handler that uses paths on a bucket told the stream API's name.
// Command tasks, which need paths, get local copies staged in and out.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { testRoots } from '../support/data-roots.js';
import { tempRoots } from '../support/temp.js';

const testRoot = testRoots('pipewright-bucket-cli-');
const tempRoot = tempRoots('pipewright-bucket-cli-project-');

/** A project with one small pipeline: a path-API handler and a command copying the input. */
function project(): string {
  const dir = tempRoot();
  const pipelineDir = path.join(dir, 'pipelines', 'copy_files');
  mkdirSync(path.join(pipelineDir, 'tasks'), { recursive: true });
  writeFileSync(
    path.join(pipelineDir, 'pipeline.yml'),
    `dag_id: copy_files
description: Copies an export, with a command and with a handler.
owner: tests
tags: [fixture]
partition: daily
start_date: 2026-05-01
inputs:
  export: in/dt={{ ds }}/export.csv
outputs:
  copied: out/dt={{ ds }}/copied.csv
  by_path: out/dt={{ ds }}/by_path.csv
tasks:
  - id: wait_for_the_drop
    sensor:
      path: in/dt={{ ds }}/
      poke_interval: 1s
      timeout: 10s
  - id: copy_with_cp
    upstream: [wait_for_the_drop]
    command: [cp, "{{ inputs.export }}", "{{ outputs.copied }}"]
  - id: write_by_path
    upstream: [copy_with_cp]
    retries: 0
    handler: tasks/by_path.ts#writeByPath
`,
  );
  writeFileSync(
    path.join(pipelineDir, 'tasks', 'by_path.ts'),
    `import type { TaskContext } from 'pipewright';
export async function writeByPath(ctx: TaskContext) {
  await ctx.writer.writeFile(ctx.outputs.by_path, 'a,b\\n');
}
`,
  );
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

describe('a bucket data root told what is wrong', () => {
  it('refuses a bucket that does not exist before any task runs: one line, exit 2', () => {
    const root = testRoot('bucket');
    const result = pipewright(
      REPO_ROOT,
      ['run', 'turanmart_daily_sales', '--date', '2026-05-01', '--data-root', 's3://no-such-bucket/data'],
      root.env,
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('s3://no-such-bucket');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the endpoint it cannot reach in one line, without a stack', () => {
    const root = testRoot('bucket');
    const result = pipewright(
      REPO_ROOT,
      ['run', 'turanmart_daily_sales', '--date', '2026-05-01', '--data-root', root.dataRoot],
      { ...root.env, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9', AWS_MAX_ATTEMPTS: '1' },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('127.0.0.1:9');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stages a command task in and out; a handler using paths is told to use ctx.read/ctx.write', async () => {
    const root = testRoot('bucket');
    await root.put('in/dt=2026-05-01/export.csv', 'id,total\n1,2.50\n');
    const result = pipewright(
      project(),
      ['run', 'copy_files', '--date', '2026-05-01', '--data-root', root.dataRoot],
      root.env,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `by_path.ts:3:42: ctx.outputs.by_path is a path, and the data root ${root.dataRoot} is a bucket: use ctx.read(NAME) and ctx.write(NAME, data)`,
    );
    const runs = path.join(root.dir, '_pipewright/runs/copy_files/2026-05-01');
    const [name] = readdirSync(runs);
    const record = JSON.parse(readFileSync(path.join(runs, name as string), 'utf8'));
    // A sensor path ending in / waits for any object under that prefix (Airflow's S3KeySensor, prefix mode).
    expect(record.tasks.find((t: { id: string }) => t.id === 'wait_for_the_drop').state).toBe('success');
    expect(result.stderr).toContain('in/dt=2026-05-01/ is there (poke 1)');
    const copy = record.tasks.find((t: { id: string }) => t.id === 'copy_with_cp');
    expect(copy.state).toBe('success');
    // The command's output went up into the run's staging, with the checksum of what cp wrote.
    const staged = path.join(root.dir, copy.outputs[0].path);
    expect(readFileSync(staged, 'utf8')).toBe('id,total\n1,2.50\n');
  });
});
