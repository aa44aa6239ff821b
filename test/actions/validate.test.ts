// The validate bundle as the runner runs it: clean contracts, located
// annotations for broken ones, and the contract diff of a pull request.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { git, runBundle, turanmartWorkspace } from './bundle.js';

const CONTRACT = 'pipelines/turanmart_daily_sales/pipeline.yml';

describe('validate action', () => {
  it('passes the TuranMart contract with counts, a pipeline row and its DAG', () => {
    const ws = turanmartWorkspace();
    const run = runBundle('validate', ws, { pipelines: 'pipelines', 'import-timeout': '10s' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toEqual({ 'pipeline-count': '1', pipelines: '1', errors: '0', warnings: '0' });
    expect(run.annotations).toEqual([]);
    expect(run.summary).toContain(
      `| turanmart_daily_sales | data-platform | 0 6 * * * (Asia/Almaty) | 5 | ✅ valid | ${CONTRACT} |`,
    );
    expect(run.summary).toContain('```mermaid\nflowchart LR');
    expect(run.summary).toContain('build_daily_sales_gold -.->|all_done| write_quality_report');
  });

  it('annotates each mistake at its file, line and column and fails the step', () => {
    const ws = turanmartWorkspace();
    const file = path.join(ws, CONTRACT);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text
        .replace('upstream: [validate_bronze_orders]', 'upstream: [validate_bronz_orders]')
        .replace('timezone: Asia/Almaty', 'timezone: Asia/Almati'),
    );
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const upstreamLine = lines.findIndex((l) => l.includes('validate_bronz_orders')) + 1;
    const run = runBundle('validate', ws, { pipelines: 'pipelines/*/pipeline.yml' });
    expect(run.status).toBe(1);
    expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(2);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.file === CONTRACT);
    const upstream = errors.find((a) => a.message.includes('validate_bronz_orders'));
    expect(upstream?.properties).toMatchObject({ line: String(upstreamLine), col: expect.stringMatching(/^\d+$/) });
    expect(upstream?.message).toContain('validate_bronze_orders'); // did you mean
    expect(errors.some((a) => a.message.includes('Asia/Almati') && a.properties.line === '8')).toBe(true);
    expect(run.summary).toContain(`| ${CONTRACT}:${upstreamLine}:`);
    // The row shows what parsed, although the contract has errors.
    expect(run.summary).toMatch(
      /\| turanmart_daily_sales \| data-platform \| 0 6 \* \* \* \(Asia\/Almati\) \| +5 \| ❌ \d+ errors/,
    );
    // The step's failure is one line, not a stack.
    const failure = run.annotations.at(-1);
    expect(failure?.message).toMatch(/^pipewright validate: \d+ errors in the contracts/);
  });

  it('annotates a caller whose cron disagrees with the contract at its line in the workflow file', () => {
    const ws = turanmartWorkspace();
    const caller = '.github/workflows/turanmart-daily-sales.yml';
    fs.mkdirSync(path.join(ws, '.github/workflows'), { recursive: true });
    const text = fs.readFileSync(path.join(REPO_ROOT, caller), 'utf8');
    fs.writeFileSync(path.join(ws, caller), text.replace('- cron: "0 6 * * *"', '- cron: "0 7 * * *"'));
    const run = runBundle('validate', ws, { pipelines: 'pipelines', 'import-timeout': '10s' });
    expect(run.status).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('- cron:')) + 1;
    expect(run.annotations.find((a) => a.properties.file === caller)).toMatchObject({
      level: 'error',
      message: `cron '0 7 * * *' disagrees with the contract of 'turanmart_daily_sales' (schedule '0 6 * * *'): use cron: "0 6 * * *"`,
      properties: { line: String(line), col: '13' },
    });
  });

  it('on a pull request, summarises what changed against the base branch', () => {
    const ws = turanmartWorkspace();
    fs.writeFileSync(path.join(ws, '.gitignore'), 'node_modules\nsrc\n');
    git(ws, 'init', '-q', '-b', 'main');
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'base');
    git(ws, 'checkout', '-q', '-b', 'feature');
    const file = path.join(ws, CONTRACT);
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('schedule: "0 6 * * *"', 'schedule: "30 5 * * *"')
        .replace('owner: data-platform', 'owner: sales-analytics'),
    );
    const copy = path.join(ws, 'pipelines', 'turanmart_weekly');
    fs.mkdirSync(copy);
    fs.writeFileSync(
      path.join(copy, 'pipeline.yml'),
      'dag_id: turanmart_weekly\ndescription: Weekly sales.\nowner: data-platform\ntags: [sales]\nschedule: "@weekly"\ntimezone: UTC\npartition: weekly\n' +
        'start_date: 2026-01-05\ntasks:\n  - id: say\n    command: [echo, hi]\n',
    );
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'change');
    const run = runBundle('validate', ws, { pipelines: 'pipelines' }, { GITHUB_BASE_REF: 'main' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.pipelines).toBe('2');
    expect(run.summary).toContain('## Changes against `main`');
    expect(run.summary).toContain('- `turanmart_weekly`: pipeline added');
    expect(run.summary).toContain('- `turanmart_daily_sales`: 2 changes');
    expect(run.summary).toContain('| schedule | 0 6 * * * | 30 5 * * * |');
    expect(run.summary).toContain('| owner | data-platform | sales-analytics |');
  });

  it('refuses a bad input with one line and validates nothing', () => {
    const ws = turanmartWorkspace();
    const run = runBundle('validate', ws, { pipelines: 'pipelines', 'import-timeout': 'soon' });
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual([
      {
        level: 'error',
        properties: {},
        message: `pipewright validate: input 'import-timeout' must be a duration like 5s, 500ms or 2m, at most 24.8 days (got "soon")`,
      },
    ]);
    expect(run.outputs).toEqual({});
    expect(run.summary).toBe('');
  });
  it('finds the same import problem whether the import process started before the action loaded or after', () => {
    // A repository of its own (a package.json, its own node_modules): no cache yet, so the entry starts the
    // import process first; the second run has the first's cache and starts it after reading the contracts.
    const ws = turanmartWorkspace();
    fs.rmSync(path.join(ws, 'node_modules'));
    fs.mkdirSync(path.join(ws, 'node_modules'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', 'csv-parse'), path.join(ws, 'node_modules', 'csv-parse'));
    fs.writeFileSync(path.join(ws, 'package.json'), '{ "private": true }\n');
    const file = path.join(ws, CONTRACT);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('#buildDailySalesGold', '#buildDailySalesGould'));
    const line =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('#buildDailySalesGould')) + 1;
    const cache = path.join(ws, 'node_modules', '.cache', 'pipewright');
    for (const cached of [false, true]) {
      expect(fs.existsSync(cache)).toBe(cached);
      const run = runBundle('validate', ws, { pipelines: 'pipelines', 'import-timeout': '10s' });
      expect(run.status).toBe(1);
      expect(run.annotations.filter((a) => a.properties.file === CONTRACT)).toEqual([
        {
          level: 'error',
          properties: { file: CONTRACT, line: String(line), col: '14', title: 'pipewright: contract error' },
          message: expect.stringMatching(/has no export 'buildDailySalesGould' \(it exports: .*buildDailySalesGold/),
        },
      ]);
    }
  });
});
