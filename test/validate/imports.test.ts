// Handler import checks: each module is imported by plain Node in a child
// process, and its failures are reported at the module's own file:line:col.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validatePaths } from '../../src/contract/load.js';
import { scratchDir } from '../support/temp.js';

/** A throwaway repository holding one pipeline whose tasks are `handlers` (task id -> handler spec). */
function project(handlers: Record<string, string>, files: Record<string, string>): { root: string; pipeline: string } {
  const root = scratchDir('pw-imports-');
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  const pipeline = join(root, 'pipelines/imports_demo');
  mkdirSync(pipeline, { recursive: true });
  const tasks = Object.entries(handlers).map(([id, spec]) => `  - id: ${id}\n    handler: ${spec}\n`);
  writeFileSync(
    join(pipeline, 'pipeline.yml'),
    `dag_id: imports_demo\ndescription: Import checks.\nowner: tests\ntags: [fixture]\npartition: daily\nstart_date: 2026-05-01\ntasks:\n${tasks.join('')}`,
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(pipeline, path)), { recursive: true });
    writeFileSync(join(pipeline, path), text);
  }
  return { root, pipeline };
}

async function check(handlers: Record<string, string>, files: Record<string, string>, importTimeoutMs = 5_000) {
  const { root, pipeline } = project(handlers, files);
  const result = await validatePaths([pipeline], { importTimeoutMs });
  return result.diagnostics.map((d) => formatDiagnostic(d, root));
}

describe('validate: handler imports', () => {
  it('accepts TypeScript handlers that Node can run by stripping types, importing each module once', async () => {
    const lines = await check(
      { first: 'tasks/ok.ts#first', second: 'tasks/ok.ts#second' },
      {
        'tasks/ok.ts':
          "import type { Stats } from 'node:fs';\nexport function first(s?: Stats): number { return 1; }\nexport const second = async (): Promise<void> => {};\n",
      },
    );
    expect(lines).toEqual([]);
  });

  it('reports a syntax error at the module file:line:col', async () => {
    const lines = await check(
      { t: 'tasks/broken.mjs#run' },
      { 'tasks/broken.mjs': 'export function run() {}\nconst x = ;\n' },
    );
    expect(lines).toEqual([
      "pipelines/imports_demo/tasks/broken.mjs:2:11: error: cannot import the handler module: SyntaxError: Unexpected token ';'",
    ]);
  });

  it('reports an error thrown at import time where it was thrown, even in a module the handler imports', async () => {
    const lines = await check(
      { t: 'tasks/main.ts#run' },
      {
        'tasks/main.ts': "import { rate } from './config.ts';\nexport const run = () => rate;\n",
        'tasks/config.ts':
          "export const rate: number = 1;\nif (!process.env.NOPE_RATE) throw new Error('NOPE_RATE is not set');\n",
      },
    );
    expect(lines).toEqual([
      'pipelines/imports_demo/tasks/config.ts:2:35: error: cannot import the handler module: Error: NOPE_RATE is not set',
    ]);
  });

  it('reports a missing export with the exports the module does have', async () => {
    const lines = await check(
      { t: 'tasks/some.ts#buildSales' },
      { 'tasks/some.ts': 'export function buildSale() {}\nexport const VERSION = 2;\n' },
    );
    expect(lines).toEqual([
      "pipelines/imports_demo/pipeline.yml:9:14: error: 'tasks/some.ts' has no export 'buildSales' (it exports: VERSION, buildSale)",
    ]);
  });

  it('reports an export that is not a function, a missing module and a path escaping the repository', async () => {
    const lines = await check(
      { a: 'tasks/value.ts#limit', b: 'tasks/nowhere.ts#run', c: '../../../outside.ts#run' },
      { 'tasks/value.ts': 'export const limit = 5;\n' },
    );
    expect(lines[0]).toBe(
      "pipelines/imports_demo/pipeline.yml:9:14: error: 'limit' exported by 'tasks/value.ts' is not a function",
    );
    expect(lines[1]).toBe(
      "pipelines/imports_demo/pipeline.yml:11:14: error: handler module 'tasks/nowhere.ts' not found (looked for pipelines/imports_demo/tasks/nowhere.ts)",
    );
    expect(lines[2]).toMatch(
      /^pipelines\/imports_demo\/pipeline.yml:13:14: error: handler module '..\/..\/..\/outside.ts' climbs out of the pipeline folder/,
    );
  });

  it('reports an import that does not finish within the budget', async () => {
    const lines = await check(
      { t: 'tasks/slow.ts#run' },
      { 'tasks/slow.ts': 'export function run() {}\nawait new Promise((r) => setTimeout(r, 30_000));\n' },
      800,
    );
    expect(lines).toEqual([
      "pipelines/imports_demo/pipeline.yml:9:14: error: importing 'tasks/slow.ts' took longer than 800ms (--import-timeout): move slow work into the handler function",
    ]);
  });

  it('checks every module of a run, past one that throws and one that hangs', async () => {
    const lines = await check(
      {
        a: 'tasks/a.ts#run',
        b: 'tasks/throws.ts#run',
        c: 'tasks/slow.ts#run',
        d: 'tasks/d.ts#run',
        e: 'tasks/d.ts#nope',
      },
      {
        'tasks/a.ts': 'export function run() {}\n',
        'tasks/throws.ts': "export function run() {}\nthrow new Error('no config');\n",
        'tasks/slow.ts': 'export function run() {}\nawait new Promise((r) => setTimeout(r, 30_000));\n',
        'tasks/d.ts': 'export function run() {}\n',
      },
      1_500,
    );
    expect(lines).toEqual([
      "pipelines/imports_demo/pipeline.yml:13:14: error: importing 'tasks/slow.ts' took longer than 1500ms (--import-timeout): move slow work into the handler function",
      "pipelines/imports_demo/pipeline.yml:17:14: error: 'tasks/d.ts' has no export 'nope' (it exports: run)",
      expect.stringMatching(/^pipelines\/imports_demo\/tasks\/throws\.ts:2:7: error: .*no config/),
    ]);
  });

  it('warns about network access at import time, located at the call, and blocks it', async () => {
    const lines = await check(
      { t: 'tasks/chatty.ts#run' },
      {
        'tasks/chatty.ts': [
          "import https from 'node:https';",
          "import net from 'node:net';",
          "https.get('https://api.example.com/rates').on('error', () => {});",
          "net.connect(5432, 'db.example.com').on('error', () => {});",
          "const rates = await fetch('https://api.example.com/v2').catch(() => undefined);",
          'export function run() { return rates; }',
          '',
        ].join('\n'),
      },
    );
    expect(lines).toEqual([
      'pipelines/imports_demo/tasks/chatty.ts:3:7: warning: network access while importing the handler module (HTTPS request to https://api.example.com/rates, blocked): do I/O inside the handler function',
      'pipelines/imports_demo/tasks/chatty.ts:4:5: warning: network access while importing the handler module (a connection to db.example.com:5432, blocked): do I/O inside the handler function',
      'pipelines/imports_demo/tasks/chatty.ts:5:21: warning: network access while importing the handler module (fetch of https://api.example.com/v2, blocked): do I/O inside the handler function',
    ]);
  });

  it('blocks node:http however the handler loads it: a named import or require()', async () => {
    const lines = await check(
      { t: 'tasks/loader.ts#run' },
      {
        'tasks/loader.ts': [
          "import { request } from 'node:http';",
          "import { createRequire } from 'node:module';",
          "request('http://metadata.internal/token').on('error', () => {}).end();",
          "createRequire(import.meta.url)('https').get('https://api.example.com/x').on('error', () => {});",
          'export function run() {}',
          '',
        ].join('\n'),
      },
    );
    expect(lines).toEqual([
      'pipelines/imports_demo/tasks/loader.ts:3:1: warning: network access while importing the handler module (HTTP request to http://metadata.internal/token, blocked): do I/O inside the handler function',
      'pipelines/imports_demo/tasks/loader.ts:4:41: warning: network access while importing the handler module (HTTPS request to https://api.example.com/x, blocked): do I/O inside the handler function',
    ]);
  });

  it('reports TypeScript that Node cannot strip (enum, parameter property) at its own line:col', async () => {
    const lines = await check(
      { a: 'tasks/enum.ts#run', b: 'tasks/props.ts#run' },
      {
        'tasks/enum.ts': 'export function run() {}\nexport enum Region { North, South }\n',
        'tasks/props.ts':
          'class Client {\n  constructor(private url: string) {}\n}\nexport const run = () => new Client("x");\n',
      },
    );
    expect(lines).toEqual([
      'pipelines/imports_demo/tasks/enum.ts:2:8: error: TypeScript enum is not supported: handlers run without a build step (Node strips types), so use a const object or a union of string literals instead',
      'pipelines/imports_demo/tasks/props.ts:2:23: error: TypeScript parameter property is not supported: handlers run without a build step (Node strips types), so declare the field and assign it in the constructor instead',
    ]);
  });

  it('reports a relative import that does not exist at the import statement', async () => {
    const lines = await check(
      { t: 'tasks/uses_helper.ts#run' },
      {
        'tasks/uses_helper.ts': "// helpers\nimport { parse } from './helper.js';\nexport const run = parse;\n",
        'tasks/helper.ts': 'export const parse = () => 1;\n',
      },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^pipelines\/imports_demo\/tasks\/uses_helper.ts:2:23: error: cannot import the handler module: Error: Cannot find module '.*helper.js' imported from/,
    );
  });

  it('imports the handlers of pipelines folders apart, whichever folder the import process started ahead for', async () => {
    const root = scratchDir('pw-imports-');
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
    const contract = (dagId: string, handler: string) =>
      `dag_id: ${dagId}\ndescription: Import checks.\nowner: tests\ntags: [fixture]\npartition: daily\nstart_date: 2026-05-01\ntasks:\n  - id: load\n    handler: ${handler}\n`;
    // The first contract read names only a missing module: the process started for its folder goes unused.
    const pipelines: Array<[string, string, string]> = [
      ['a/pipelines/first_one', 'tasks/missing.ts#load', ''],
      ['b/pipelines/second_one', 'tasks/load.ts#load', 'export function load(): void {}\n'],
      ['c/pipelines/third_one', 'tasks/load.ts#nope', 'export function load(): void {}\n'],
    ];
    for (const [folder, handler, code] of pipelines) {
      const dir = join(root, folder);
      mkdirSync(join(dir, 'tasks'), { recursive: true });
      writeFileSync(join(dir, 'pipeline.yml'), contract(folder.split('/').pop()!, handler));
      if (code) writeFileSync(join(dir, 'tasks', 'load.ts'), code);
    }
    const result = await validatePaths([join(root, 'a'), join(root, 'b'), join(root, 'c')], { cacheDir: false });
    expect(result.diagnostics.map((d) => formatDiagnostic(d, root))).toEqual([
      "a/pipelines/first_one/pipeline.yml:9:14: error: handler module 'tasks/missing.ts' not found (looked for a/pipelines/first_one/tasks/missing.ts)",
      "c/pipelines/third_one/pipeline.yml:9:14: error: 'tasks/load.ts' has no export 'nope' (it exports: load)",
    ]);
  });
});
