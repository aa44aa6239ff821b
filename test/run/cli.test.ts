// `pipewright run | backfill | status` as a user runs them: a real process, a real
// pipeline folder and data root in a temp dir.
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { FROM_SOURCE } from '../support/cli.js';
import { REPO, tempDir } from './support.js';

const NODE = path.join(REPO, 'node_modules/.bin/node');
const CLI = path.join(REPO, 'src/cli/index.ts');

const CONTRACT = `dag_id: cli_dag
description: A small pipeline the CLI tests run.
owner: tests
tags: [test]
schedule: "0 6 * * *"
timezone: Asia/Almaty
partition: daily
start_date: 2026-05-01
catchup: true
max_active_runs: 2
max_active_tasks: 2
outputs:
  sales: gold/dt={{ ds }}/sales.csv
  quality_report: quality/dt={{ ds }}/quality_report.json
tasks:
  - id: produce
    handler: tasks/produce.ts#produce
  - id: summarize
    upstream: [produce]
    trigger_rule: all_done
    handler: tasks/produce.ts#summarize
`;

// A user's handler: no imports from pipewright at run time.
const HANDLERS = `import { existsSync } from 'node:fs';
import { join } from 'node:path';

export async function produce(ctx) {
  if (existsSync(join(ctx.dataRoot, 'fail-' + ctx.ds))) throw new ctx.errors.DataContractError('bad export for ' + ctx.ds);
  const day = Number(ctx.ds.slice(8));
  await ctx.writer.writeFile(ctx.outputs.sales, 'order_date,revenue\\n' + ctx.ds + ',' + day + '.50\\n');
  ctx.logger.info('wrote sales for ' + ctx.ds);
  return { metrics: { row_count: 1, revenue_total: day + '.50' } };
}

export async function summarize(ctx) {
  return { metrics: { summarized: 1 } };
}
`;

function project(): { cwd: string; dataRoot: string } {
  const cwd = tempDir('cli');
  const dir = path.join(cwd, 'pipelines/cli_dag');
  mkdirSync(path.join(dir, 'tasks'), { recursive: true });
  writeFileSync(path.join(dir, 'pipeline.yml'), CONTRACT);
  writeFileSync(path.join(dir, 'tasks/produce.ts'), HANDLERS);
  return { cwd, dataRoot: path.join(cwd, 'data') };
}

function cli(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(NODE, [...FROM_SOURCE, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '', PIPEWRIGHT_DEBUG: '' },
    timeout: 60_000,
  });
}

describe('pipewright run', () => {
  it('runs one partition, shows each state change, and prints the status and report path', () => {
    const { cwd, dataRoot } = project();
    const r = cli(cwd, 'run', 'cli_dag', '--date', '2026-05-02', '--data-root', 'data', '--reason', 'first try');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cli_dag 2026-05-02: success in \S+ \(run manual__\S+\)$/m);
    expect(r.stdout).toContain('report: data/quality/dt=2026-05-02/quality_report.json');
    // Not a terminal: one line per state change, and the task's own log lines prefixed with its id.
    expect(r.stderr).toMatch(/produce\s+running \(attempt 1\)/);
    expect(r.stderr).toMatch(/produce\s+success/);
    expect(r.stderr).toContain('produce: wrote sales for 2026-05-02');
    expect(r.stderr).not.toContain('\x1b[');
    const report = JSON.parse(readFileSync(path.join(dataRoot, 'quality/dt=2026-05-02/quality_report.json'), 'utf8'));
    expect(report).toMatchObject({ status: 'success', reason: 'first try', trigger: 'manual' });
    expect(readFileSync(path.join(dataRoot, 'gold/dt=2026-05-02/sales.csv'), 'utf8')).toBe(
      'order_date,revenue\n2026-05-02,2.50\n',
    );
  });

  it('exits 1 when the partition fails and still writes its report', () => {
    const { cwd, dataRoot } = project();
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(path.join(dataRoot, 'fail-2026-05-02'), '');
    const r = cli(cwd, 'run', 'cli_dag', '--date', '2026-05-02', '--data-root', 'data');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('cli_dag 2026-05-02: failed');
    // The handler's place leads the error: the user's file:line:col, then their frames.
    expect(r.stderr).toContain(
      'produce failed (data): cli_dag/tasks/produce.ts:5:63: bad export for 2026-05-02\n    at produce (cli_dag/tasks/produce.ts:5:63)\n',
    );
    const report = JSON.parse(readFileSync(path.join(dataRoot, 'quality/dt=2026-05-02/quality_report.json'), 'utf8'));
    expect(report.status).toBe('failed');
    expect(existsSync(path.join(dataRoot, 'gold/dt=2026-05-02/sales.csv'))).toBe(false);
  });

  it('exits 2 with one line for a key that is not a daily partition', () => {
    const { cwd } = project();
    const r = cli(cwd, 'run', 'cli_dag', '--date', '2026-13-02', '--data-root', 'data');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("'2026-13-02' is not a daily partition key");
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('exits 1 saying the partition is busy while another live run holds it', async () => {
    const { cwd, dataRoot } = project();
    const lock = await new FsLedger(dataRoot).acquire('cli_dag', '2026-05-02', 'manual__someone_else');
    try {
      // Async spawn: this process must stay responsive while the CLI checks the lock.
      const child = spawn(
        NODE,
        [...FROM_SOURCE, CLI, 'run', 'cli_dag', '--date', '2026-05-02', '--data-root', 'data'],
        {
          cwd,
        },
      );
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^pipewright run: partition cli_dag\/2026-05-02 is busy: run manual__someone_else\b.* holds it\n$/,
      );
    } finally {
      await lock.release();
    }
  });
});

describe('pipewright backfill', () => {
  it('--dry-run prints the plan and runs nothing', () => {
    const { cwd, dataRoot } = project();
    const r = cli(
      cwd,
      'backfill',
      'cli_dag',
      '--start',
      '2026-05-01',
      '--end',
      '2026-05-03',
      '--reason',
      'look first',
      '--dry-run',
      '--data-root',
      'data',
    );
    expect(r.status, r.stderr).toBe(0);
    for (const key of ['2026-05-01', '2026-05-02', '2026-05-03']) expect(r.stdout).toContain(key);
    expect(r.stdout).toContain('dry run: nothing was run');
    expect(existsSync(dataRoot)).toBe(false);
  });

  it('requires a reason', () => {
    const { cwd } = project();
    const r = cli(cwd, 'backfill', 'cli_dag', '--start', '2026-05-01', '--end', '2026-05-03');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing --reason');
  });

  it('one failed day fails the backfill but not the other days; --reprocess failed reruns only that day', async () => {
    const { cwd, dataRoot } = project();
    mkdirSync(dataRoot, { recursive: true });
    const marker = path.join(dataRoot, 'fail-2026-05-02');
    writeFileSync(marker, '');
    const args = ['backfill', 'cli_dag', '--start', '2026-05-01', '--end', '2026-05-03', '--data-root', 'data'];
    const first = cli(cwd, ...args, '--reason', 'initial load');
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('3 partitions: 2 ok, 1 failed');
    expect(first.stderr).toMatch(/2026-05-02 failed\s+produce: cli_dag\/tasks\/produce\.ts:5:63: bad export/);

    rmSync(marker);
    const second = cli(cwd, ...args, '--reason', 'source fixed', '--reprocess', 'failed');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('1 partition: 1 ok, 0 failed');

    const ledger = new FsLedger(dataRoot);
    const runs = async (key: string) => (await ledger.runs('cli_dag', key)).map((r) => [r.state, r.trigger, r.reason]);
    expect(await runs('2026-05-01')).toEqual([['success', 'backfill', 'initial load']]);
    expect(await runs('2026-05-02')).toEqual([
      ['failed', 'backfill', 'initial load'],
      ['success', 'backfill', 'source fixed'],
    ]);
    expect(await runs('2026-05-03')).toEqual([['success', 'backfill', 'initial load']]);

    const status = cli(cwd, 'status', 'cli_dag', '--data-root', 'data', '--format', 'json');
    expect(status.status, status.stderr).toBe(0);
    const { partitions: rows } = JSON.parse(status.stdout);
    expect(rows.map((r: { partition: string; state: string }) => [r.partition, r.state])).toEqual([
      ['2026-05-01', 'success'],
      ['2026-05-02', 'success'],
      ['2026-05-03', 'success'],
    ]);
    // A clean two-task run: one attempt each, so 1 (not the sum over tasks).
    expect(rows[1]).toMatchObject({ trigger: 'backfill', attempts: 1, rows: 1, reason: 'source fixed' });
    expect(Object.values(rows[1].attempts_by_task)).toEqual([1, 1]);
    expect(rows[1].metrics).toMatchObject({ revenue_total: 2.5, summarized: 1 });

    const table = cli(cwd, 'status', 'cli_dag', '--data-root', 'data');
    expect(table.stdout).toMatch(
      /^PARTITION\s+STATE\s+RUN ID\s+TRIGGER\s+ATTEMPTS\s+DURATION\s+ROWS\s+REVENUE_TOTAL\s+SUMMARIZED\s+LIVE VERSION\s+REASON$/m,
    );
    expect(table.stdout).toMatch(
      /^2026-05-02\s+success\s+backfill__\S+\s+backfill\s+1\s+\S+\s+1\s+2\.5\s+1\s+this run\s+source fixed$/m,
    );
  });
});
