import { describe, expect, it } from 'vitest';
import type { QualityReport } from './report.js';
import { ganttChart, summarizeRun } from './run-summary.js';

function report(partition: string, status: QualityReport['status'], failing?: string): QualityReport {
  const base = Date.parse(`${partition}T01:00:00Z`);
  const tasks = ['ingest', 'validate', 'build'].map((id, i) => {
    const failed = id === failing;
    const after = failing !== undefined && i > ['ingest', 'validate', 'build'].indexOf(failing);
    return {
      id,
      state: failed ? ('failed' as const) : after ? ('upstream_failed' as const) : ('success' as const),
      attempts: 1,
      duration_ms: 1500,
      failure_class: failed ? ('data' as const) : null,
      error: failed ? 'failed checks on bronze' : null,
      started_at: new Date(base + i * 2000).toISOString(),
      ended_at: new Date(base + i * 2000 + 1500).toISOString(),
    };
  });
  return {
    dag_id: 'sales',
    partition,
    run_id: `run-${partition}`,
    status,
    reason: 'tick',
    trigger: 'schedule',
    code_version: null,
    started_at: new Date(base).toISOString(),
    ended_at: new Date(base + 6000).toISOString(),
    data_interval: { start: '', end: '' },
    tasks,
    checks: failing
      ? [{ name: 'not_null', dataset: 'bronze', status: 'failed', severity: 'error', details: '3 nulls in order_id' }]
      : [],
    metrics: {},
    inputs: [],
    outputs: [],
    publication: status === 'success' ? 'published' : 'staged',
    live_version: null,
    staging_dir: null,
    plan_reason: null,
    changes: [],
  };
}

describe('summarizeRun', () => {
  it('tables partitions × tasks, lists failed checks and planned partitions without a report', () => {
    const summary = summarizeRun({
      dagId: 'sales',
      taskOrder: ['ingest', 'validate', 'build'],
      reports: [report('2026-05-02', 'failed', 'validate'), report('2026-05-01', 'success')],
      planned: ['2026-05-01', '2026-05-02', '2026-05-03'],
    });
    expect(summary.outcome).toBe('failed');
    expect(summary.failed).toEqual(['2026-05-02', '2026-05-03']);
    expect(summary.missing).toEqual(['2026-05-03']);
    const md = summary.markdown;
    expect(md).toContain('## sales: 1 succeeded, 1 failed, 1 missing');
    expect(md).toContain('| Partition | Status | Took | ingest | validate | build |');
    expect(md).toContain(
      '| 2026-05-01 | ✅ success | 6.0 s | ✅ success (1.5 s) | ✅ success (1.5 s) | ✅ success (1.5 s) |',
    );
    expect(md).toContain(
      '| 2026-05-02 | ❌ failed | 6.0 s | ✅ success (1.5 s) | ❌ failed (1.5 s) | ⛔ upstream_failed (1.5 s) |',
    );
    expect(md).toContain('| 2026-05-02 | not_null | bronze | 3 nulls in order_id |');
    expect(md).toContain('| 2026-05-02 | validate | data | failed checks on bronze |');
    expect(md).toContain('- `2026-05-03`');
  });

  it('draws each task as a Gantt bar from its start to its end, failures marked critical', () => {
    const gantt = ganttChart([report('2026-05-02', 'failed', 'validate')]) ?? '';
    const start = Date.parse('2026-05-02T01:00:00Z');
    expect(gantt.split('\n')).toEqual([
      'gantt',
      '    title Task durations',
      '    dateFormat x',
      '    axisFormat %H:%M:%S',
      '    section 2026-05-02',
      `    ingest :done, t0, ${start}, ${start + 1500}`,
      `    validate :crit, t1, ${start + 2000}, ${start + 3500}`,
      `    build :t2, ${start + 4000}, ${start + 5500}`,
    ]);
  });

  it('labels the time axis in milliseconds when the tasks took milliseconds', () => {
    const fast = report('2026-05-02', 'success');
    const start = Date.parse('2026-05-02T01:00:00Z');
    fast.tasks = fast.tasks.map((t, i) => ({
      ...t,
      started_at: new Date(start + i * 4).toISOString(),
      ended_at: new Date(start + i * 4 + 3).toISOString(),
    }));
    expect(ganttChart([fast])?.split('\n')[3]).toBe('    axisFormat %S.%L s');
  });

  it('puts tasks in rows once there are more than six of them and more tasks than partitions', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const wide = (partition: string) => ({
      ...report(partition, 'success'),
      tasks: ids.map((id) => ({ ...report(partition, 'success').tasks[0]!, id })),
    });
    const md = summarizeRun({
      dagId: 'sales',
      taskOrder: ids,
      reports: [wide('2026-05-01'), wide('2026-05-02')],
      planned: ['2026-05-01', '2026-05-02'],
    }).markdown;
    expect(md).toContain('| Task | 2026-05-01 | 2026-05-02 |');
    expect(md).toContain('| Status | ✅ success | ✅ success |');
    expect(md).toContain('| Took | 6.0 s | 6.0 s |');
    expect(md).toContain('| g | ✅ success (1.5 s) | ✅ success (1.5 s) |');
    expect(md).not.toContain('| Partition | Status | Took |');
  });

  it('calls a run with nothing planned and nothing reported no-work', () => {
    const summary = summarizeRun({ dagId: 'sales', taskOrder: [], reports: [], planned: [] });
    expect(summary).toMatchObject({ outcome: 'no-work', failed: [], missing: [] });
    expect(summary.markdown).toBe('## sales: nothing to run\n');
  });

  it('succeeds when every planned partition reported success or was deferred', () => {
    const deferred = { ...report('2026-05-02', 'deferred'), tasks: [] };
    const summary = summarizeRun({
      dagId: 'sales',
      taskOrder: ['ingest'],
      reports: [report('2026-05-01', 'success'), deferred],
      planned: ['2026-05-01', '2026-05-02'],
    });
    expect(summary.outcome).toBe('success');
    expect(summary.markdown).toContain('1 succeeded, 0 failed, 1 deferred');
  });
});
