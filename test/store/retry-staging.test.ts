// Where each attempt's outputs go, through the real CLI on a folder and on a
// bucket (versitygw): in a bucket a task's first attempt writes straight into the
// run's version (no server-side copy at the publish), a retry into its own
// staging prefix. Either way what is published is the successful attempt's bytes,
// and the version holds nothing a failed attempt left.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { ROOT_KINDS, testRoots } from '../support/data-roots.js';
import { tempRoots } from '../support/temp.js';

const testRoot = testRoots('pipewright-retry-staging-');
const tempRoot = tempRoots('pipewright-retry-staging-project-');
const DS = '2026-05-01';
const VERSIONS = `_pipewright/versions/sums/${DS}`;

/** One task that writes both outputs on its first attempt and fails, then only `total` on its retry. */
function project(): string {
  const dir = tempRoot();
  const pipelineDir = path.join(dir, 'pipelines', 'sums');
  mkdirSync(path.join(pipelineDir, 'tasks'), { recursive: true });
  writeFileSync(
    path.join(pipelineDir, 'pipeline.yml'),
    `dag_id: sums
description: Sums an export, failing once on the way.
owner: tests
tags: [fixture]
partition: daily
start_date: 2026-05-01
inputs:
  export: in/dt={{ ds }}/export.csv
outputs:
  total: out/dt={{ ds }}/total.csv
  scratch: out/dt={{ ds }}/scratch.csv
tasks:
  - id: sum
    retries: 1
    retry_delay: 1s
    handler: tasks/sum.ts#sum
`,
  );
  writeFileSync(
    path.join(pipelineDir, 'tasks', 'sum.ts'),
    `import type { TaskContext } from 'pipewright';
export async function sum(ctx: TaskContext) {
  if (ctx.attempt === 1) {
    await ctx.write('total', 'total\\n1\\n');
    await ctx.write('scratch', 'left by attempt 1\\n');
    throw new ctx.errors.TransientError('the warehouse hiccuped');
  }
  await ctx.write('total', 'total\\n2\\n');
}
`,
  );
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe.each(ROOT_KINDS)('a retried task on a %s', (kind) => {
  it("publishes the retry's bytes, and its version holds nothing the failed attempt left", async () => {
    const root = testRoot(kind);
    await root.put(`in/dt=${DS}/export.csv`, 'id,total\n1,2\n');
    const result = pipewright(project(), ['run', 'sums', '--date', DS, '--data-root', root.dataRoot], root.env);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('the warehouse hiccuped');
    expect(readFileSync(path.join(root.dir, `out/dt=${DS}/total.csv`), 'utf8')).toBe('total\n2\n');

    const runs = path.join(root.dir, `_pipewright/runs/sums/${DS}`);
    const [name] = readdirSync(runs);
    const record = JSON.parse(readFileSync(path.join(runs, name as string), 'utf8'));
    expect(record.tasks[0]).toMatchObject({ id: 'sum', state: 'success', attempts: 2 });
    const runId = record.run_id as string;
    // The retry wrote into its own staging prefix, never where the first attempt wrote.
    expect(record.tasks[0].outputs.map((o: { path: string }) => o.path)).toEqual([
      `_pipewright/staging/sums/${DS}/${runId}/sum.2/out/dt=${DS}/total.csv`,
    ]);
    // The version: the retry's total and the marker; the first attempt's scratch is gone, and so is staging.
    expect(filesUnder(path.join(root.dir, VERSIONS, runId))).toEqual(['_version.json', `out/dt=${DS}/total.csv`]);
    expect(readFileSync(path.join(root.dir, VERSIONS, runId, `out/dt=${DS}/total.csv`), 'utf8')).toBe('total\n2\n');
    expect(filesUnder(path.join(root.dir, '_pipewright/staging')).filter((f) => f.includes(runId))).toEqual([]);
  });

  it('writes a first attempt in place: a bucket keeps it as the version without copying it', async () => {
    const root = testRoot(kind);
    await root.put(`in/dt=${DS}/export.csv`, 'id,total\n1,2\n');
    const dir = project();
    // Succeeds at once: no retry.
    writeFileSync(
      path.join(dir, 'pipelines/sums/tasks/sum.ts'),
      `import type { TaskContext } from 'pipewright';
export async function sum(ctx: TaskContext) {
  await ctx.write('total', 'total\\n3\\n');
}
export async function look(ctx: TaskContext) {
  for await (const _ of ctx.read('total'));
}
`,
    );
    // A second task that only reads: the output it finds in the version is not its own.
    const contract = path.join(dir, 'pipelines/sums/pipeline.yml');
    writeFileSync(
      contract,
      `${readFileSync(contract, 'utf8')}  - id: look
    upstream: [sum]
    handler: tasks/sum.ts#look
`,
    );
    const result = pipewright(dir, ['run', 'sums', '--date', DS, '--data-root', root.dataRoot], root.env);
    expect(result.status, result.stderr).toBe(0);
    const runs = path.join(root.dir, `_pipewright/runs/sums/${DS}`);
    const record = JSON.parse(readFileSync(path.join(runs, readdirSync(runs)[0] as string), 'utf8'));
    const runId = record.run_id as string;
    expect(record.tasks.map((t: { outputs?: unknown[] }) => t.outputs?.length ?? 0)).toEqual([1, 0]);
    const staged = record.tasks[0].outputs[0].path;
    expect(staged).toBe(
      kind === 'bucket'
        ? `${VERSIONS}/${runId}/out/dt=${DS}/total.csv`
        : `_pipewright/staging/sums/${DS}/${runId}/sum.1/out/dt=${DS}/total.csv`,
    );
    expect(filesUnder(path.join(root.dir, VERSIONS, runId))).toEqual(['_version.json', `out/dt=${DS}/total.csv`]);
    expect(readFileSync(path.join(root.dir, `out/dt=${DS}/total.csv`), 'utf8')).toBe('total\n3\n');
  });
});
