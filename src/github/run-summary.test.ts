import { describe, expect, it } from 'vitest';
import { partitionReport } from '../../test/support/reports.js';
import { partitionGantt, runSummaryMarkdown } from './run-summary.js';

const reports = [
  partitionReport('2026-05-03', 'failed', [
    { id: 'ingest', state: 'success' },
    { id: 'validate', state: 'failed', attempts: 3, failureClass: 'data', error: 'bad | rows' },
    { id: 'publish', state: 'upstream_failed', attempts: 0 },
  ]),
  partitionReport(
    '2026-05-02',
    'success',
    [
      { id: 'ingest', state: 'success' },
      { id: 'validate', state: 'success' },
      { id: 'publish', state: 'success' },
    ],
    { durationMs: 75_000 },
  ),
];

describe('runSummaryMarkdown', () => {
  it('shows partition × task states, durations and where each report is', () => {
    const md = runSummaryMarkdown(reports);
    expect(md).toContain('## turanmart_daily_sales: 2 partitions (1 succeeded, 1 failed)');
    expect(md).toContain('| Partition | Status | Duration | ingest | validate | publish | Report artifact |');
    expect(md).toContain(
      '| 2026-05-02 | ✅ success | 1 min 15 s | ✅ success | ✅ success | ✅ success | `pipewright-turanmart_daily_sales-2026-05-02` |',
    );
    expect(md).toContain(
      '| 2026-05-03 | ❌ failed | 42.0 s | ✅ success | ❌ failed (3 attempts) | ⛔ upstream_failed |',
    );
    // Partitions sorted, whatever order the artifacts were downloaded in.
    expect(md.indexOf('| 2026-05-02 |')).toBeLessThan(md.indexOf('| 2026-05-03 |'));
  });

  it('says so when the run produced no reports', () => {
    expect(runSummaryMarkdown([])).toBe('No partition reports were found for this run.\n');
  });
});

describe('partitionGantt', () => {
  it('draws one bar per partition run from its start to its end, failed ones critical', () => {
    const gantt = partitionGantt(reports);
    const start2 = Date.parse('2026-05-02T01:00:00.000Z');
    const start3 = Date.parse('2026-05-03T01:00:00.000Z');
    expect(gantt).toBe(
      [
        '```mermaid',
        'gantt',
        '  dateFormat x',
        '  axisFormat %H:%M:%S',
        '  section turanmart_daily_sales',
        `  2026-05-02 :done, p0, ${start2}, ${start2 + 75_000}`,
        `  2026-05-03 :crit, p1, ${start3}, ${start3 + 42_000}`,
        '```',
        '',
      ].join('\n'),
    );
  });

  it('keeps a colon in a key from ending the bar title', () => {
    const hourly = partitionReport('2026-05-02T06:00', 'success', [], { startedAt: '2026-05-02T07:00:00.000Z' });
    expect(partitionGantt([hourly])).toContain('  2026-05-02T06.00 :done, p0,');
  });
});
