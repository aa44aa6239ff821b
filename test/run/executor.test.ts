// The executor end to end in-process: real handler modules, real commands, a real
// filesystem ledger in a temp data root.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SensorSpec, Task } from '../../src/contract/model.js';
import { PartitionBusyError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { type Clock, sleep, systemClock } from '../../src/run/clock.js';
import { runPartition } from '../../src/run/partition.js';
import { FsLedger } from '../../src/store/fs-ledger.js';
import type { TaskState } from '../../src/store/ledger.js';
import { FIXTURES, handler, isAlive, pipeline, readTrace, task, tempDir } from './support.js';

async function run(tasks: Task[], opts: { maxActiveTasks?: number; clock?: Clock; dataRoot?: string } = {}) {
  const dataRoot = opts.dataRoot ?? tempDir('exec');
  const states: Array<[string, TaskState | 'running', number]> = [];
  const result = await runPartition({
    pipeline: pipeline(tasks, {
      maxActiveTasks: opts.maxActiveTasks ?? 4,
      outputs: { sales: 'gold/dt={{ ds }}/sales.csv', quality_report: 'quality/dt={{ ds }}/report.json' },
    }),
    partition: '2026-05-02',
    dataRoot,
    trigger: 'manual',
    reason: 'test',
    ledger: new FsLedger(dataRoot),
    logger: silentLogger,
    onTaskState: (id, state, attempt) => states.push([id, state, attempt]),
    clock: opts.clock,
    killGraceMs: 200,
  });
  const byId = Object.fromEntries(result.record.tasks.map((t) => [t.id, t]));
  return { ...result, dataRoot, states, byId, trace: readTrace(dataRoot) };
}

describe('dependency order and concurrency', () => {
  it('runs tasks after their upstreams, independent ones together, never more than max_active_tasks', async () => {
    // a -> (b, c, d, e) -> f ; with a limit of 2 the four middle tasks run two at a time.
    const middle = ['b', 'c', 'd', 'e'];
    const tasks = [
      task('a', handler('work')),
      ...middle.map((id) => task(id, handler('work'), { upstream: ['a'] })),
      task('f', handler('work'), { upstream: middle }),
    ];
    const { record, trace } = await run(tasks, { maxActiveTasks: 2 });
    expect(record.state).toBe('success');
    const at = (id: string, event: string) => trace.find((e) => e.task === id && e.event === event)?.at ?? Number.NaN;
    for (const id of middle) {
      expect(at(id, 'start')).toBeGreaterThanOrEqual(at('a', 'end'));
      expect(at('f', 'start')).toBeGreaterThanOrEqual(at(id, 'end'));
    }
    // Replay starts and ends: the number of tasks in flight never passes 2, and does reach it.
    let inFlight = 0;
    let peak = 0;
    for (const e of [...trace].sort((x, y) => x.at - y.at || (x.event === 'end' ? -1 : 1))) {
      inFlight += e.event === 'start' ? 1 : -1;
      peak = Math.max(peak, inFlight);
    }
    expect(peak).toBe(2);
  });
});

describe('trigger rules in a run', () => {
  it('all_success → upstream_failed, all_done runs, none_failed → upstream_failed, one_failed runs', async () => {
    const tasks = [
      task('broken', handler('fail')),
      task('strict', handler('work'), { upstream: ['broken'] }),
      task('after_strict', handler('work'), { upstream: ['strict'] }),
      task('cleanup', handler('work'), { upstream: ['broken'], triggerRule: 'all_done' }),
      task('careful', handler('work'), { upstream: ['broken'], triggerRule: 'none_failed' }),
      task('alert', handler('work'), { upstream: ['broken'], triggerRule: 'one_failed' }),
    ];
    const { record, byId, trace } = await run(tasks);
    expect(record.state).toBe('failed');
    expect(byId.broken?.state).toBe('failed');
    expect(byId.strict?.state).toBe('upstream_failed');
    expect(byId.after_strict?.state).toBe('upstream_failed');
    expect(byId.cleanup?.state).toBe('success');
    expect(byId.careful?.state).toBe('upstream_failed');
    expect(byId.alert?.state).toBe('success');
    const ran = new Set(trace.map((e) => e.task));
    expect([...ran].sort()).toEqual(['alert', 'broken', 'cleanup']);
  });

  it('one_failed is skipped when nothing failed, and a skip passes through none_failed but not all_success', async () => {
    const tasks = [
      task('ok', handler('work')),
      task('alert', handler('work'), { upstream: ['ok'], triggerRule: 'one_failed' }),
      task('strict', handler('work'), { upstream: ['alert'] }),
      task('lenient', handler('work'), { upstream: ['alert'], triggerRule: 'none_failed' }),
    ];
    const { record, byId } = await run(tasks);
    expect(byId.alert?.state).toBe('skipped');
    expect(byId.strict?.state).toBe('skipped');
    expect(byId.lenient?.state).toBe('success');
    expect(record.state).toBe('success');
  });
});

describe('retries and failure classes', () => {
  it('a transient failure is retried with growing waits until it succeeds', async () => {
    const waits: number[] = [];
    const clock: Clock = {
      ...systemClock,
      random: () => 0.5,
      sleep: (ms, signal) => {
        waits.push(ms);
        return sleep(ms, signal);
      },
    };
    const tasks = [
      task('fetch', handler('flaky'), {
        policy: { retries: 3, retryDelayMs: 20, retryBackoff: 'exponential', maxRetryDelayMs: 1000 },
      }),
    ];
    const { record, byId, states, trace } = await run(tasks, { clock });
    expect(record.state).toBe('success');
    expect(byId.fetch).toMatchObject({ state: 'success', attempts: 3 });
    expect(waits).toEqual([30, 60]);
    expect(states.filter(([, s]) => s === 'up_for_retry').map(([, , a]) => a)).toEqual([1, 2]);
    expect(trace.map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(record.metrics).toEqual({ attempts_needed: 3 });
  });

  it('a data contract error fails at once: one attempt despite retries, nothing downstream runs', async () => {
    const tasks = [
      task('ingest', handler('badData'), { policy: { retries: 3 } }),
      task('publish', handler('writeSales'), { upstream: ['ingest'] }),
    ];
    const { record, byId, trace, dataRoot } = await run(tasks);
    expect(record.state).toBe('failed');
    expect(byId.ingest).toMatchObject({ state: 'failed', attempts: 1, failureClass: 'data' });
    expect(byId.ingest?.error).toContain('order_total is missing');
    expect(byId.publish).toMatchObject({
      state: 'upstream_failed',
      error: 'upstream ingest failed (trigger rule all_success)',
    });
    expect(trace.filter((e) => e.task === 'publish')).toEqual([]);
    expect(existsSync(path.join(dataRoot, 'gold'))).toBe(false);
  });

  it('a code error is not retried unless the task opts in', async () => {
    const plain = await run([task('bug', handler('fail'), { policy: { retries: 2 } })]);
    expect(plain.byId.bug).toMatchObject({ state: 'failed', attempts: 1, failureClass: 'code' });
    expect(plain.byId.bug?.error).toContain('this handler has a bug');
    const optedIn = await run([task('bug', handler('fail'), { policy: { retries: 2, retryOnCodeError: true } })]);
    expect(optedIn.byId.bug).toMatchObject({ state: 'failed', attempts: 3, failureClass: 'code' });
  });

  it('a missing handler export is a code error naming what the module does export', async () => {
    const { byId } = await run([task('typo', handler('wrokSales'))]);
    expect(byId.typo).toMatchObject({ state: 'failed', failureClass: 'code', attempts: 1 });
    expect(byId.typo?.error).toMatch(/no exported function 'wrokSales'.*writeSales/);
  });
});

describe('timeouts', () => {
  it('a handler that ignores its signal still fails as timeout when its time is up', async () => {
    const { byId } = await run([task('stuck', handler('hang'), { policy: { timeoutMs: 150, retries: 1 } })]);
    expect(byId.stuck).toMatchObject({ state: 'failed', failureClass: 'timeout', attempts: 2 });
    expect(byId.stuck?.error).toContain('timed out after 150ms');
  });

  it('a handler that honours its signal sees the abort', async () => {
    const { byId, trace } = await run([task('sleeper', handler('politeSleeper'), { policy: { timeoutMs: 100 } })]);
    expect(byId.sleeper).toMatchObject({ state: 'failed', failureClass: 'timeout' });
    expect(trace.map((e) => e.event)).toContain('aborted:TimeoutError');
  });

  it('a hung command is killed with everything it started, even what ignores SIGTERM', async () => {
    const dataRoot = tempDir('kill');
    const pids = path.join(dataRoot, 'pids');
    // The shell ignores TERM (and so do its children): only the SIGKILL after the grace ends them.
    const script = `trap '' TERM; sleep 100 & echo $! >> "${pids}"; echo $$ >> "${pids}"; wait`;
    const tasks = [
      task(
        'hung',
        { kind: 'command', argv: ['sh', '-c', script], exitCodes: { transient: [], data: [] } },
        { policy: { timeoutMs: 300 } },
      ),
    ];
    const { byId } = await run(tasks, { dataRoot });
    expect(byId.hung).toMatchObject({ state: 'failed', failureClass: 'timeout', attempts: 1 });
    const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    expect(started).toHaveLength(2);
    for (const pid of started) expect(isAlive(pid)).toBe(false);
  });
});

describe('commands', () => {
  it('gets the partition as env vars and its templated arguments literally, never through a shell', async () => {
    const dataRoot = tempDir('cmd');
    const tasks = [
      task('print', {
        kind: 'command',
        argv: [process.execPath, 'print-args.mjs', '{{ ds }};rm -rf "$HOME"', '$(touch pwned)', '{{ outputs.sales }}'],
        exitCodes: { transient: [], data: [] },
      }),
    ];
    const p = pipeline(tasks, {
      inputs: { raw_orders: 'raw/dt={{ ds }}/orders.csv' },
      outputs: { sales: 'gold/dt={{ ds }}/sales.csv', report: 'out/{{ ds_nodash }}.json' },
    });
    const result = await runPartition({
      pipeline: p,
      partition: '2026-05-02',
      dataRoot,
      trigger: 'manual',
      reason: 'env test',
      ledger: new FsLedger(dataRoot),
      logger: silentLogger,
      runId: 'manual__env_test',
    });
    expect(result.record.state, result.record.tasks[0]?.error).toBe('success');
    const seen = JSON.parse(readFileSync(path.join(dataRoot, 'out/20260502.json'), 'utf8'));
    expect(seen.argv).toEqual([
      '2026-05-02;rm -rf "$HOME"',
      '$(touch pwned)',
      // Commands write into their attempt's staging folder; the run publishes it when it succeeds.
      path.join(
        dataRoot,
        '_pipewright/staging/test_dag/2026-05-02/manual__env_test/print.1/gold/dt=2026-05-02/sales.csv',
      ),
    ]);
    expect(seen.cwd).toBe(FIXTURES);
    expect(existsSync(path.join(FIXTURES, 'pwned'))).toBe(false);
    expect(seen.env).toMatchObject({
      PIPEWRIGHT_DS: '2026-05-02',
      PIPEWRIGHT_PARTITION: '2026-05-02',
      PIPEWRIGHT_DATA_INTERVAL_START: '2026-05-02T00:00:00.000+05:00',
      PIPEWRIGHT_DATA_INTERVAL_END: '2026-05-03T00:00:00.000+05:00',
      PIPEWRIGHT_RUN_ID: 'manual__env_test',
      PIPEWRIGHT_ATTEMPT: '1',
      PIPEWRIGHT_DATA_ROOT: dataRoot,
      PIPEWRIGHT_INPUT_RAW_ORDERS: path.join(dataRoot, 'raw/dt=2026-05-02/orders.csv'),
      PIPEWRIGHT_OUTPUT_SALES: seen.argv[2],
    });
  });

  it('maps exit codes to failure classes: transient is retried, data is not', async () => {
    const exit = (code: number) => ({
      kind: 'command' as const,
      argv: ['sh', '-c', `echo "going down with ${code}" >&2; exit ${code}`],
      exitCodes: { transient: [75], data: [65] },
    });
    const { byId } = await run([
      task('flaky', exit(75), { policy: { retries: 1 } }),
      task('bad', exit(65), { policy: { retries: 1 } }),
      task('other', exit(3), { policy: { retries: 1 } }),
    ]);
    expect(byId.flaky).toMatchObject({ failureClass: 'transient', attempts: 2 });
    expect(byId.bad).toMatchObject({ failureClass: 'data', attempts: 1 });
    expect(byId.other).toMatchObject({ failureClass: 'code', attempts: 1 });
    expect(byId.other?.error).toBe('sh exited with code 3: going down with 3');
  });

  it('a program that does not exist is a code error saying so', async () => {
    const { byId } = await run([
      task('ghost', { kind: 'command', argv: ['no-such-program-here'], exitCodes: { transient: [], data: [] } }),
    ]);
    expect(byId.ghost).toMatchObject({ state: 'failed', failureClass: 'code' });
    expect(byId.ghost?.error).toContain('command not found: no-such-program-here');
  });
});

describe('sensors', () => {
  const sensorTasks = (onTimeout: 'fail' | 'defer', timeoutMs: number) => [
    task(
      'wait_source',
      { kind: 'sensor', path: 'raw/dt={{ ds }}/orders.csv', pokeIntervalMs: 20, timeoutMs, onTimeout },
      { policy: { retries: 2 } },
    ),
    task('ingest', handler('work'), { upstream: ['wait_source'] }),
    task('report', handler('work'), { upstream: ['ingest'], triggerRule: 'all_done' }),
  ];

  it('succeeds once the file appears and lets the rest run', async () => {
    const dataRoot = tempDir('sensor');
    const file = path.join(dataRoot, 'raw/dt=2026-05-02/orders.csv');
    setTimeout(() => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'order_id\n1\n');
    }, 100);
    const { record, byId } = await run(sensorTasks('fail', 5000), { dataRoot });
    expect(byId.wait_source).toMatchObject({ state: 'success', attempts: 1 });
    expect(record.state).toBe('success');
  });

  it('fails past its deadline without retrying, and downstream is upstream_failed', async () => {
    const { record, byId } = await run(sensorTasks('fail', 100));
    expect(byId.wait_source).toMatchObject({ state: 'failed', attempts: 1, failureClass: 'timeout' });
    expect(byId.wait_source?.error).toContain('raw/dt=2026-05-02/orders.csv did not appear within 100ms');
    expect(byId.ingest?.state).toBe('upstream_failed');
    expect(record.state).toBe('failed');
  });

  it('defers the whole partition past its deadline when asked: nothing downstream runs, not even all_done', async () => {
    const { record, byId, trace, reportPaths } = await run(sensorTasks('defer', 100));
    expect(record.state).toBe('deferred');
    expect(byId.wait_source?.state).toBe('deferred');
    expect(byId.ingest).toMatchObject({ state: 'deferred', attempts: 0 });
    expect(byId.report).toMatchObject({ state: 'deferred', attempts: 0 });
    expect(trace).toEqual([]);
    expect(reportPaths && existsSync(reportPaths.json)).toBe(true);
  });

  it('past give_up_after (from the interval end) defers at once instead of waiting its timeout again', async () => {
    const waits: number[] = [];
    const clock: Clock = {
      ...systemClock,
      sleep: (ms, signal) => {
        waits.push(ms);
        return sleep(ms, signal);
      },
    };
    const [sensor, ...rest] = sensorTasks('defer', 3_600_000);
    const late = { ...sensor!, spec: { ...(sensor!.spec as SensorSpec), giveUpAfterMs: 3 * 3_600_000 } };
    const { record, byId } = await run([late, ...rest], { clock });
    expect(record.state).toBe('deferred');
    expect(waits).toEqual([]);
    // 2026-05-02 in Asia/Almaty ends 2026-05-03T00:00+05:00; three hours later is 2026-05-02T22:00Z.
    expect(byId.wait_source?.error).toContain(
      "did not appear by 2026-05-02T22:00:00.000Z (give_up_after 3h00m from the interval's end); deferred to the next tick",
    );
  });
});

describe('the run record and its evidence', () => {
  it('records running at start and the final state, outputs with manifests, metrics and the report', async () => {
    const dataRoot = tempDir('record');
    const input = path.join(dataRoot, 'raw/dt=2026-05-02/orders.csv');
    mkdirSync(path.dirname(input), { recursive: true });
    writeFileSync(input, 'order_id,order_total\n1,12.50\n2,7.25\n');
    const p = pipeline([task('publish', handler('writeSales'))], {
      inputs: { raw_orders: 'raw/dt={{ ds }}/orders.csv' },
      outputs: {
        sales: 'gold/dt={{ ds }}/sales.csv',
        never_written: 'gold/dt={{ ds }}/other.csv',
        quality_report: 'quality/dt={{ ds }}/quality_report.json',
      },
    });
    const ledger = new FsLedger(dataRoot);
    const seenStates: string[] = [];
    const { record, report, reportPaths } = await runPartition({
      pipeline: p,
      partition: '2026-05-02',
      dataRoot,
      trigger: 'manual',
      reason: 'first load',
      ledger,
      logger: silentLogger,
      codeVersion: 'abc123',
      onTaskState: () => {
        // Read synchronously, while the task is under way: the ledger must already say running.
        const dir = path.join(dataRoot, '_pipewright/runs/test_dag/2026-05-02');
        for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
          seenStates.push(JSON.parse(readFileSync(path.join(dir, name), 'utf8')).state);
        }
      },
    });
    expect(seenStates[0]).toBe('running');
    expect(record).toMatchObject({ state: 'success', reason: 'first load', trigger: 'manual', codeVersion: 'abc123' });
    expect(record.metrics).toEqual({ row_count: 2, revenue_total: '19.75' });
    expect(record.inputs).toEqual([expect.objectContaining({ path: 'raw/dt=2026-05-02/orders.csv', rows: 2 })]);
    expect(record.outputs.map((o) => o.path)).toEqual(['gold/dt=2026-05-02/sales.csv']);
    expect(existsSync(path.join(dataRoot, 'gold/dt=2026-05-02/_manifest.json'))).toBe(true);
    const stored = await ledger.runs('test_dag', '2026-05-02');
    expect(stored.map((r) => r.state)).toEqual(['success']);
    expect(reportPaths?.json).toBe(path.join(dataRoot, 'quality/dt=2026-05-02/quality_report.json'));
    expect(JSON.parse(readFileSync(reportPaths!.json, 'utf8'))).toEqual({ schema_version: 1, ...report });
    expect(readFileSync(reportPaths!.markdown, 'utf8')).toContain('publish');
  });

  it('writes the quality report when the run fails too', async () => {
    const { record, reportPaths } = await run([task('bug', handler('fail'))]);
    expect(record.state).toBe('failed');
    const report = JSON.parse(readFileSync(reportPaths!.json, 'utf8'));
    expect(report.status).toBe('failed');
    expect(report.tasks[0]).toMatchObject({ id: 'bug', state: 'failed', failure_class: 'code' });
  });

  it('refuses a partition another live run holds', async () => {
    const dataRoot = tempDir('busy');
    const ledger = new FsLedger(dataRoot);
    const lock = await ledger.acquire('test_dag', '2026-05-02', 'manual__other');
    try {
      await expect(run([task('a', handler('work'))], { dataRoot })).rejects.toBeInstanceOf(PartitionBusyError);
      expect(readTrace(dataRoot)).toEqual([]);
    } finally {
      await lock.release();
    }
    const { record } = await run([task('a', handler('work'))], { dataRoot });
    expect(record.state).toBe('success');
  });
});
