// A small project on disk for the hardening corpus: one pipeline whose handler
// writes its output and a marker, a data root, and what a user sees (exit code,
// stderr lines). Everything lives in one temp folder, so "nothing written" is
// checked by listing that folder before and after.
import { lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const DAG = 'good';

/** A valid contract; `top` replaces the datasets, `task` adds keys to the one task. */
export function contract(dagId: string, opts: { top?: string; task?: string; partition?: string } = {}): string {
  return [
    `dag_id: ${dagId}`,
    'description: A pipeline for the hardening corpus.',
    'owner: tests',
    'tags: [test]',
    `partition: ${opts.partition ?? 'daily'}`,
    'start_date: "2026-05-01"',
    opts.top ?? 'outputs:\n  out: out/dt={{ ds }}/x.txt',
    'tasks:',
    '  - id: t',
    '    handler: tasks/t.mjs#run',
    ...(opts.task ? [opts.task] : []),
    '',
  ].join('\n');
}

/** Writes its output and a marker beside the project, so a test can tell whether it ran. */
export const HANDLER = `import { writeFileSync } from 'node:fs';
export async function run(ctx) {
  writeFileSync(new URL('../../../ran-' + ctx.ds, import.meta.url), 'ran');
  if (ctx.outputs.out) await ctx.writer.writeFile(ctx.outputs.out, 'hello ' + ctx.ds + '\\n');
}
`;

/** `pipelines/<dagId>/pipeline.yml` (text or bytes) and its handler module under `cwd`. */
export function writePipeline(cwd: string, dagId: string, content: string | Uint8Array): string {
  const dir = path.join(cwd, 'pipelines', dagId);
  mkdirSync(path.join(dir, 'tasks'), { recursive: true });
  writeFileSync(path.join(dir, 'tasks', 't.mjs'), HANDLER);
  writeFileSync(path.join(dir, 'pipeline.yml'), content);
  return dir;
}

/** Every path under `dir` (links not followed), relative and sorted. */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      out.push(path.relative(dir, full));
      if (lstatSync(full).isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** The one line a refusal prints: no stack, no "internal error", no line a runner would read as a command. */
export function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/internal error|^\s+at /);
}
