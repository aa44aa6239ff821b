import { describe, expect, it } from 'vitest';
import { runRecord } from '../../test/support/records.js';
import { attemptsByTask, dueWithoutRun, maxAttempts, renderDueWithoutRun } from './due.js';

const pipeline = {
  partition: 'daily' as const,
  timezone: 'Asia/Almaty',
  startDate: '2026-05-01',
  endDate: undefined,
  schedule: '0 6 * * *',
};
const NOW = new Date('2026-05-06T07:00:00+05:00'); // 2026-05-01..05 are due

describe('dueWithoutRun', () => {
  it('lists the due partitions the ledger has no run for, oldest first', () => {
    const latest = new Map([
      ['2026-05-01', runRecord({ partition: '2026-05-01', state: 'success' })],
      ['2026-05-04', runRecord({ partition: '2026-05-04', state: 'failed' })],
    ]);
    expect(dueWithoutRun(pipeline, latest, NOW).map((p) => p.key)).toEqual(['2026-05-02', '2026-05-03', '2026-05-05']);
    expect(renderDueWithoutRun(dueWithoutRun(pipeline, latest, NOW))).toBe(
      'due, never run: 3 partitions: 2026-05-02..2026-05-03, 2026-05-05\n',
    );
  });

  it('is empty before the first partition is due and for a pipeline without a schedule', () => {
    expect(dueWithoutRun(pipeline, new Map(), new Date('2026-05-01T12:00:00+05:00'))).toEqual([]);
    expect(dueWithoutRun({ ...pipeline, schedule: undefined }, new Map(), NOW)).toEqual([]);
  });
});

describe('attempts per task', () => {
  const task = (id: string, attempts: number) => ({ id, attempts });
  it('counts a clean five-task run as one attempt, and a retried task as its own attempts', () => {
    const clean = { tasks: ['a', 'b', 'c', 'd', 'e'].map((id) => task(id, 1)) };
    expect(maxAttempts(clean)).toBe(1);
    const retried = { tasks: [task('ingest', 1), task('build', 3)] };
    expect(attemptsByTask(retried)).toEqual({ ingest: 1, build: 3 });
    expect(maxAttempts(retried)).toBe(3);
  });
});
