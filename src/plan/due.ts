// What `status` adds to the ledger's rows: the due partitions that never ran (a ledger
// lists only what ran, so a gap is invisible there) and attempts counted per task (a clean
// five-task run made one attempt per task, not five).
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import { type Partition, partitionsBetween } from '../schedule/partitions.js';
import { contractWindow, latestDuePartition, startMs } from '../schedule/window.js';

/** The part of a run record (RunRecord) attempts are counted from. */
type TaskAttempts = { tasks: ReadonlyArray<{ id: string; attempts: number }> };

type Timing = Pick<Pipeline, 'partition' | 'timezone' | 'startDate' | 'endDate' | 'schedule'>;

/** At most this many never-run partitions are listed; the count is always exact up to MAX_PARTITIONS. */
export const DUE_LISTED = 50;

/**
 * The partitions of the contract's window that are due at `now` and have no run in `latest`,
 * oldest first. A pipeline without a schedule has none: nothing makes its partitions due.
 */
export function dueWithoutRun(pipeline: Timing, latest: ReadonlyMap<string, unknown>, now: Date): Partition[] {
  if (!pipeline.schedule) return [];
  const window = contractWindow(pipeline);
  let last = latestDuePartition(pipeline, now);
  if (window.last && startMs(window.last) < startMs(last)) last = window.last;
  if (startMs(last) < startMs(window.first)) return [];
  let due: Partition[];
  try {
    due = partitionsBetween(pipeline.partition, pipeline.timezone, window.first, last);
  } catch (error) {
    if (error instanceof UsageError) return []; // beyond MAX_PARTITIONS: a start_date typo, reported by plan
    throw error;
  }
  return due.filter((p) => !latest.has(p.key));
}

/** Attempts of each task of a run, e.g. { ingest: 1, build: 3 }. */
export function attemptsByTask(record: TaskAttempts): Record<string, number> {
  return Object.fromEntries(record.tasks.map((t) => [t.id, t.attempts]));
}

/** The most attempts any task of the run needed: 1 for a clean run, whatever its task count. */
export function maxAttempts(record: TaskAttempts): number {
  return record.tasks.reduce((most, t) => Math.max(most, t.attempts), 0);
}

/**
 * `due, never run: 3 partitions: 2026-05-03, 2026-05-05..2026-05-06`: adjacent partitions
 * as one range, so months of gap read as one item (the first DUE_LISTED items).
 */
export function renderDueWithoutRun(partitions: readonly Partition[]): string {
  if (partitions.length === 0) return '';
  const ranges: Array<{ first: Partition; last: Partition }> = [];
  for (const p of partitions) {
    const open = ranges.at(-1);
    if (open && open.last.dataIntervalEnd === p.dataIntervalStart) open.last = p;
    else ranges.push({ first: p, last: p });
  }
  const items = ranges
    .slice(0, DUE_LISTED)
    .map((r) => (r.first === r.last ? r.first.key : `${r.first.key}..${r.last.key}`));
  const more = ranges.length > DUE_LISTED ? `, ... (${ranges.length - DUE_LISTED} more ranges)` : '';
  const n = partitions.length;
  return `due, never run: ${n} partition${n === 1 ? '' : 's'}: ${items.join(', ')}${more}\n`;
}
