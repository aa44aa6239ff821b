import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../store/ledger.js';
import { buildReport, renderReportMarkdown } from './report.js';

const failed: RunRecord = {
  dagId: 'turanmart_daily_sales',
  partition: '2026-05-02',
  runId: 'manual__20260503T010000Z__a1b2c3',
  trigger: 'manual',
  reason: 'rerun after | fix',
  codeVersion: '0123456789abcdef0123',
  state: 'failed',
  startedAt: '2026-05-03T01:00:00.000Z',
  endedAt: '2026-05-03T01:01:05.500Z',
  dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
  dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
  tasks: [
    { id: 'ingest', state: 'success', attempts: 2, durationMs: 1500 },
    {
      id: 'validate',
      state: 'failed',
      attempts: 1,
      durationMs: 320,
      failureClass: 'data',
      error: 'failed checks on bronze',
    },
    { id: 'build', state: 'upstream_failed', attempts: 0, durationMs: 0 },
  ],
  checks: [
    {
      name: 'row_count',
      dataset: 'bronze',
      status: 'passed',
      severity: 'error',
      details: '12 rows, expected at least 1',
    },
    {
      name: 'numeric(total)',
      dataset: 'bronze',
      status: 'warned',
      severity: 'warning',
      details: '1 non-numeric value',
    },
    {
      name: 'date_in_partition(order_date)',
      dataset: 'bronze',
      status: 'failed',
      severity: 'error',
      details: '3 rows outside 2026-05-02 (first: line 14, order_date=2026-05-03)',
    },
  ],
  metrics: { revenue_total: 0.1 + 0.2, order_count: 12, row_count: 12 },
  inputs: [{ path: 'raw/orders/dt=2026-05-02/orders.csv', rows: 12, bytes: 900, sha256: 'a'.repeat(64) }],
  outputs: [{ path: 'bronze/orders/dt=2026-05-02/orders.csv', rows: 12, bytes: 880, sha256: 'b'.repeat(64) }],
};

describe('buildReport', () => {
  it('turns the run record into the snake_case report', () => {
    const report = buildReport(failed);
    expect(Object.keys(report)).toEqual([
      'dag_id',
      'partition',
      'run_id',
      'status',
      'reason',
      'trigger',
      'code_version',
      'started_at',
      'ended_at',
      'data_interval',
      'tasks',
      'checks',
      'metrics',
      'inputs',
      'outputs',
      'publication',
      'live_version',
      'staging_dir',
      'plan_reason',
      'changes',
    ]);
    expect(report).toMatchObject({
      dag_id: 'turanmart_daily_sales',
      status: 'failed',
      code_version: '0123456789abcdef0123',
      data_interval: { start: '2026-05-02T00:00:00.000+05:00', end: '2026-05-03T00:00:00.000+05:00' },
      outputs: [{ path: 'bronze/orders/dt=2026-05-02/orders.csv', rows: 12, bytes: 880, sha256: 'b'.repeat(64) }],
    });
    expect(report.tasks[0]).toEqual({
      id: 'ingest',
      state: 'success',
      attempts: 2,
      duration_ms: 1500,
      failure_class: null,
      error: null,
    });
    expect(report.tasks[1]).toMatchObject({ failure_class: 'data', error: 'failed checks on bronze' });
    expect(report.checks[1]).toEqual({
      name: 'numeric(total)',
      dataset: 'bronze',
      status: 'warned',
      severity: 'warning',
      details: '1 non-numeric value',
    });
    expect(Object.keys(report.metrics)).toEqual(['order_count', 'revenue_total', 'row_count']);
  });

  it('keeps absent optional fields as null so every report has the same shape', () => {
    const { codeVersion: _c, endedAt: _e, ...running } = failed;
    const report = buildReport({ ...running, state: 'running' });
    expect(report.code_version).toBeNull();
    expect(report.ended_at).toBeNull();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('renderReportMarkdown', () => {
  const md = renderReportMarkdown(buildReport(failed));

  it('opens with the status in plain words and the first cause', () => {
    const [headline, , cause] = md.split('\n');
    expect(headline).toBe('### turanmart_daily_sales 2026-05-02: failed');
    expect(cause).toBe(
      '**Cause:** check date_in_partition(order_date) on bronze failed: 3 rows outside 2026-05-02 (first: line 14, order_date=2026-05-03)',
    );
    expect(md).toContain('reason: rerun after \\| fix');
    expect(md).toContain('took 1 min 6 s, code 0123456789ab');
  });

  it('has a task table, a checks table with failures first, metrics and short checksums', () => {
    expect(md).toContain('| validate | failed | 1 | 320 ms | data: failed checks on bronze |');
    expect(md).toContain('| ingest | success | 2 | 1.5 s |  |');
    expect(md).toContain('#### Checks (1 failed, 1 warned, 1 passed)');
    const checkRows = md.split('\n').filter((l) => l.includes('| bronze |'));
    expect(checkRows.map((l) => l.split(' | ')[2])).toEqual(['failed', 'warned', 'passed']);
    expect(md).toContain('| revenue_total | 0.3 |');
    expect(md).toContain(`| bronze/orders/dt=2026-05-02/orders.csv | 12 | 880 | \`${'b'.repeat(12)}\` |`);
    expect(md).not.toContain('b'.repeat(13));
  });

  it('a successful run has no cause line', () => {
    const ok = renderReportMarkdown(buildReport({ ...failed, state: 'success', checks: [], tasks: [] }));
    expect(ok.startsWith('### turanmart_daily_sales 2026-05-02: succeeded\n\nRun `manual__')).toBe(true);
    expect(ok).not.toContain('Cause');
    expect(ok).not.toContain('#### Checks');
  });
});
