// validate keeps its results in node_modules/.cache/pipewright and reuses one
// only while everything it was computed from is unchanged.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../src/contract/cache-file.js';
import { formatDiagnostic, validatePaths } from '../../src/contract/load.js';
import { tempRoots } from '../support/temp.js';

const tempRoot = tempRoots('pw-validate-cache-');

const CONTRACT = `dag_id: cached
description: Cache checks.
owner: tests
tags: [fixture]
partition: daily
start_date: 2026-05-01
tasks:
  - id: load
    handler: tasks/load.ts#load
`;

/** A repository whose handler counts its own imports in imports.log (through a module it imports). */
function repo(): { root: string; pipeline: string; imports: () => number } {
  const root = tempRoot();
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'package-lock.json'), '{ "lockfileVersion": 3 }\n');
  const pipeline = join(root, 'pipelines', 'cached');
  mkdirSync(join(pipeline, 'tasks'), { recursive: true });
  writeFileSync(join(pipeline, 'pipeline.yml'), CONTRACT);
  const log = join(root, 'imports.log');
  writeFileSync(
    join(pipeline, 'tasks', 'count.ts'),
    `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, 'x');\nexport const unit = 1;\n`,
  );
  writeFileSync(
    join(pipeline, 'tasks', 'load.ts'),
    "import { unit } from './count.ts';\nexport async function load(): Promise<number> { return unit; }\n",
  );
  return { root, pipeline, imports: () => (existsSync(log) ? readFileSync(log, 'utf8').length : 0) };
}

const validate = async (root: string, pipeline: string) => {
  const result = await validatePaths([pipeline], { cwd: root });
  return { ...result, lines: result.diagnostics.map((d) => formatDiagnostic(d, root)) };
};

describe('validate cache', () => {
  it('gives the same results from the cache without importing the handler again', async () => {
    const { root, pipeline, imports } = repo();
    const first = await validate(root, pipeline);
    expect(first.lines).toEqual([]);
    expect(imports()).toBe(1);
    expect(existsSync(join(root, 'node_modules', '.cache', 'pipewright'))).toBe(true);
    const second = await validate(root, pipeline);
    expect(second.pipelines).toEqual(first.pipelines);
    expect(second.lines).toEqual([]);
    expect(imports()).toBe(1);
  });

  it('checks a contract again when its bytes change', async () => {
    const { root, pipeline } = repo();
    await validate(root, pipeline);
    writeFileSync(join(pipeline, 'pipeline.yml'), CONTRACT.replace('owner: tests', 'owner: ""'));
    const again = await validate(root, pipeline);
    expect(again.lines).toEqual([expect.stringContaining('owner')]);
    expect(again.pipelines).toEqual([]);
  });

  it('imports the handler again when a module it imports or the lockfile changes', async () => {
    const { root, pipeline, imports } = repo();
    await validate(root, pipeline);
    const count = join(pipeline, 'tasks', 'count.ts');
    writeFileSync(count, readFileSync(count, 'utf8').replace('unit = 1', 'unit = 2'));
    await validate(root, pipeline);
    expect(imports()).toBe(2);
    writeFileSync(join(root, 'package-lock.json'), '{ "lockfileVersion": 3, "packages": {} }\n');
    await validate(root, pipeline);
    expect(imports()).toBe(3);
    await validate(root, pipeline);
    expect(imports()).toBe(3);
  });

  it('keeps no failed import: a broken handler is imported on every run', async () => {
    const { root, pipeline, imports } = repo();
    writeFileSync(join(pipeline, 'tasks', 'load.ts'), "import './count.ts';\nthrow new Error('broken at import');\n");
    expect((await validate(root, pipeline)).lines).toEqual([expect.stringContaining('broken at import')]);
    expect((await validate(root, pipeline)).lines).toEqual([expect.stringContaining('broken at import')]);
    expect(imports()).toBe(2);
  });

  it('locates a handler of a cached contract when its import breaks, without keeping positions in the cache', async () => {
    const { root, pipeline } = repo();
    await validate(root, pipeline);
    const file = join(root, 'node_modules', '.cache', 'pipewright', CACHE_FILE);
    expect(readFileSync(file, 'utf8')).not.toMatch(/"line":/);
    // The contract's checks come from the cache; the import fails, and is reported at the handler's value.
    writeFileSync(join(pipeline, 'tasks', 'load.ts'), 'export const other = 1;\n');
    expect((await validate(root, pipeline)).lines).toEqual([
      "pipelines/cached/pipeline.yml:9:14: error: 'tasks/load.ts' has no export 'load' (it exports: other)",
    ]);
  });

  it('leaves the cache file alone when nothing in it changed, and rewrites it when something did', async () => {
    const { root, pipeline } = repo();
    await validate(root, pipeline);
    const file = join(root, 'node_modules', '.cache', 'pipewright', CACHE_FILE);
    const written = readFileSync(file, 'utf8');
    // A marker the code never writes: still there after a run that found everything in the cache.
    writeFileSync(file, written.replace('{', '{"untouched":true,'));
    await validate(root, pipeline);
    expect(readFileSync(file, 'utf8')).toContain('"untouched":true');
    writeFileSync(join(pipeline, 'pipeline.yml'), CONTRACT.replace('Cache checks.', 'Cache checks, changed.'));
    await validate(root, pipeline);
    expect(readFileSync(file, 'utf8')).not.toContain('"untouched":true');
  });
});
