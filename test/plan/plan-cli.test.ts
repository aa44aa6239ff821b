// `pipewright plan` and `pipewright graph` as a user runs them: a real process,
// real contracts, a real filesystem ledger in a temp data root.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsLedger } from '../../src/store/fs-ledger.js';
import type { RunRecord, RunState } from '../../src/store/ledger.js';
import { FROM_SOURCE } from '../support/cli.js';
import { runRecord } from '../support/records.js';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
const cli = join(repo, 'src/cli/index.ts');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function pipewright(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  return new Promise((done) => {
    execFile(
      node,
      [...FROM_SOURCE, cli, ...args],
      { cwd: opts.cwd ?? repo, env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '', ...opts.env } },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

interface PlanJson {
  dag_id: string;
  mode: string;
  partitions: Array<{ key: string; data_interval_start: string; data_interval_end: string; reason: string }>;
  count: number;
  matrix: { include: Array<{ label: string; partitions: string }> };
}

const parsePlan = (r: Result): PlanJson => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as PlanJson;
};

function record(dagId: string, partition: string, state: RunState, startedAt: string): RunRecord {
  return runRecord({
    dagId,
    partition,
    runId: `run-${partition}-${startedAt.replace(/\D/g, '')}`,
    reason: 'scheduled tick',
    state,
    startedAt,
  });
}

const DAG = 'turanmart_daily_sales';
let tmp: string;
let dataRoot: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pipewright-plan-'));
  dataRoot = join(tmp, 'data');
  const ledger = new FsLedger(dataRoot);
  // A dropped tick: 05-03 never ran although 05-04 succeeded; 05-05 failed then is running again.
  await ledger.write(record(DAG, '2026-05-01', 'success', '2026-05-02T01:00:00.000Z'));
  await ledger.write(record(DAG, '2026-05-02', 'success', '2026-05-03T01:00:00.000Z'));
  await ledger.write(record(DAG, '2026-05-04', 'success', '2026-05-05T01:00:00.000Z'));
  await ledger.write(record(DAG, '2026-05-05', 'failed', '2026-05-06T01:00:00.000Z'));
  await ledger.write(record(DAG, '2026-05-06', 'failed', '2026-05-07T01:00:00.000Z'));
  const running = record(DAG, '2026-05-06', 'running', '2026-05-07T02:00:00.000Z');
  await ledger.write(running);
  // Live, not killed: this test process holds the partition for that run.
  await ledger.acquire(DAG, running.partition, running.runId);

  const hourly = join(tmp, 'pipelines', 'ny_hourly');
  mkdirSync(hourly, { recursive: true });
  writeFileSync(
    join(hourly, 'pipeline.yml'),
    [
      'dag_id: ny_hourly',
      'description: Hourly partitions in New York, through both DST changes.',
      'owner: tests',
      'tags: [fixture]',
      'schedule: "5 * * * *"',
      'timezone: America/New_York',
      'partition: hourly',
      'start_date: 2000-01-01',
      'catchup: false',
      'tasks:',
      '  - id: say_hello',
      '    command: [echo, "{{ partition }}"]',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pipewright plan: scheduled tick', () => {
  it('heals the dropped tick and retries the failure, but leaves the running partition alone', async () => {
    const plan = parsePlan(
      await pipewright(['plan', DAG, '--now', '2026-05-07T06:00', '--format', 'json', '--data-root', dataRoot]),
    );
    expect(plan.dag_id).toBe(DAG);
    expect(plan.mode).toBe('schedule');
    expect(plan.partitions).toEqual([
      {
        key: '2026-05-03',
        data_interval_start: '2026-05-03T00:00:00.000+05:00',
        data_interval_end: '2026-05-04T00:00:00.000+05:00',
        reason: 'missing',
      },
      {
        key: '2026-05-05',
        data_interval_start: '2026-05-05T00:00:00.000+05:00',
        data_interval_end: '2026-05-06T00:00:00.000+05:00',
        reason: 'failed',
      },
    ]);
    expect(plan.count).toBe(2);
    expect(plan.matrix).toEqual({
      include: [
        { label: '2026-05-03', partitions: '2026-05-03' },
        { label: '2026-05-05', partitions: '2026-05-05' },
      ],
    });
  });

  it('reads the ledger from PIPEWRIGHT_DATA_ROOT when no --data-root is given', async () => {
    const plan = parsePlan(
      await pipewright(['plan', DAG, '--now', '2026-05-05T00:00:00+05:00', '--format', 'json'], {
        env: { PIPEWRIGHT_DATA_ROOT: dataRoot },
      }),
    );
    expect(plan.partitions.map((p) => p.key)).toEqual(['2026-05-03']);
  });

  it('without catchup plans only the latest due hour, keyed uniquely in the fall-back hour', async () => {
    const cwd = tmp;
    const data = join(tmp, 'empty');
    const second = parsePlan(
      await pipewright(
        ['plan', 'ny_hourly', '--now', '2026-11-01T06:30:00Z', '--format', 'json', '--data-root', data],
        {
          cwd,
        },
      ),
    );
    expect(second.partitions.map((p) => [p.key, p.data_interval_start])).toEqual([
      ['2026-11-01T01', '2026-11-01T01:00:00.000-04:00'],
    ]);
    const third = parsePlan(
      await pipewright(
        ['plan', 'ny_hourly', '--now', '2026-11-01T07:30:00Z', '--format', 'json', '--data-root', data],
        {
          cwd,
        },
      ),
    );
    expect(third.partitions.map((p) => [p.key, p.data_interval_start])).toEqual([
      ['2026-11-01T01-0500', '2026-11-01T01:00:00.000-05:00'],
    ]);
  });
});

describe('pipewright plan: backfill', () => {
  it('prints a table by default', async () => {
    const r = await pipewright(['plan', DAG, '--start', '2026-05-01', '--end', '2026-05-04', '--data-root', dataRoot]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'turanmart_daily_sales: backfill: 1 partition in 1 matrix entry',
        '',
        'PARTITION   INTERVAL START                 INTERVAL END                   REASON',
        '2026-05-03  2026-05-03T00:00:00.000+05:00  2026-05-04T00:00:00.000+05:00  missing',
        '',
        'skipped 3 partitions:',
        '  2026-05-01  already succeeded (run run-2026-05-01-20260502010000000): --reprocess completed includes it',
        '  2026-05-02  already succeeded (run run-2026-05-02-20260503010000000): --reprocess completed includes it',
        '  2026-05-04  already succeeded (run run-2026-05-04-20260505010000000): --reprocess completed includes it',
        '',
      ].join('\n'),
    );
  });

  it('reprocesses completed partitions newest first, never the running one', async () => {
    const plan = parsePlan(
      await pipewright([
        'plan',
        DAG,
        '--start',
        '2026-05-01',
        '--end',
        '2026-05-07',
        '--reprocess',
        'completed',
        '--reverse',
        '--format',
        'json',
        '--data-root',
        dataRoot,
      ]),
    );
    expect(plan.mode).toBe('backfill');
    expect(plan.partitions.map((p) => `${p.key}:${p.reason}`)).toEqual([
      '2026-05-07:missing',
      '2026-05-05:failed',
      '2026-05-04:reprocess',
      '2026-05-03:missing',
      '2026-05-02:reprocess',
      '2026-05-01:reprocess',
    ]);
  });

  it('with --reprocess none plans only partitions that never ran', async () => {
    const plan = parsePlan(
      await pipewright([
        'plan',
        DAG,
        '--start',
        '2026-05-01',
        '--end',
        '2026-05-07',
        '--reprocess',
        'none',
        '--format',
        'json',
        '--data-root',
        dataRoot,
      ]),
    );
    expect(plan.partitions.map((p) => p.key)).toEqual(['2026-05-03', '2026-05-07']);
  });

  it('cuts a 1,000-partition hourly backfill into 256 matrix entries', async () => {
    const plan = parsePlan(
      await pipewright(
        ['plan', 'ny_hourly', '--start', '2026-03-01T00', '--end', '2026-04-11T16', '--format', 'json'],
        { cwd: tmp, env: { PIPEWRIGHT_DATA_ROOT: join(tmp, 'empty') } },
      ),
    );
    // 41 days and 17 hours, one hour short on 2026-03-08 when the clocks skip 02:00.
    expect(plan.count).toBe(1000);
    expect(plan.partitions.some((p) => p.key === '2026-03-08T02')).toBe(false);
    expect(plan.matrix.include).toHaveLength(256);
    expect(plan.matrix.include.flatMap((e) => e.partitions.split(' '))).toEqual(plan.partitions.map((p) => p.key));
    expect(plan.matrix.include[0]?.label).toBe('2026-03-01T00..2026-03-01T03');
  });
});

describe('pipewright plan: refusals exit 2 with one line', () => {
  const cases: Array<[string, string[], string]> = [
    [
      'a key that does not fit the grain',
      ['--start', '2026-W18', '--end', '2026-05-03'],
      "'2026-W18' is not a daily partition key: expected YYYY-MM-DD, e.g. 2026-05-02",
    ],
    ['a date that does not exist', ['--start', '2026-02-30', '--end', '2026-05-03'], "'2026-02-30' is not a daily"],
    [
      'an end before the start',
      ['--start', '2026-05-03', '--end', '2026-05-01'],
      "backfill end '2026-05-01' is before its start '2026-05-03'",
    ],
    [
      'a start before start_date',
      ['--start', '2026-04-01', '--end', '2026-05-03'],
      "backfill start '2026-04-01' is before the pipeline's first partition '2026-05-01'",
    ],
    [
      'partitions not due yet',
      ['--start', '2026-05-01', '--end', '2026-05-10', '--now', '2026-05-05T06:00'],
      "backfill end '2026-05-10' is not due yet",
    ],
    ['--start without --end', ['--start', '2026-05-01'], 'a backfill needs both --start and --end'],
    ['--reprocess on a tick', ['--reprocess', 'none'], '--reprocess and --reverse apply to a backfill'],
    [
      'an unknown reprocess mode',
      ['--start', '2026-05-01', '--end', '2026-05-02', '--reprocess', 'all'],
      "--reprocess must be one of failed, completed, none, changed (got 'all')",
    ],
    ['a bad --now', ['--now', 'yesterday'], "--now 'yesterday' is not an ISO 8601 date or date-time"],
    ['a bad --format', ['--format', 'yaml'], "--format must be one of table, json (got 'yaml')"],
  ];
  it.each(cases)('%s', async (_name, flags, message) => {
    const r = await pipewright(['plan', DAG, ...flags, '--data-root', dataRoot]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`pipewright plan: ${message}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a range of more than 100,000 partitions', async () => {
    const r = await pipewright(['plan', 'ny_hourly', '--start', '2014-01-01T00', '--end', '2026-01-01T00'], {
      cwd: tmp,
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'pipewright plan: 2014-01-01T00..2026-01-01T00 holds more than 100,000 hourly partitions; split it into smaller ranges',
    );
  });

  it('an unknown pipeline and a missing dag id', async () => {
    const unknown = await pipewright(['plan', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown pipeline 'nope'");
    const missing = await pipewright(['plan']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('pipewright plan: missing <dag_id>');
  });
});

describe('pipewright graph', () => {
  it('prints Mermaid by default and dot on request', async () => {
    const mermaid = await pipewright(['graph', DAG]);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart/);
    expect(mermaid.stdout).toContain('check_source_available');
    expect(mermaid.stdout).toContain('write_quality_report');
    const dot = await pipewright(['graph', DAG, '--format', 'dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph "turanmart_daily_sales" \{/);
    expect(dot.stdout.trimEnd().endsWith('}')).toBe(true);
  });

  it('refuses an unknown format or pipeline with exit 2', async () => {
    const format = await pipewright(['graph', DAG, '--format', 'svg']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of mermaid, dot (got 'svg')");
    const unknown = await pipewright(['graph', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown pipeline 'nope'");
  });
});
