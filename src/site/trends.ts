// Each partition's metrics over time, from the last successful run of each
// partition, with the points an order of magnitude away from the series'
// median called out (a day that lost 90% of its orders should stand out).

import { numericMetrics } from '../run/status.js';
import type { PartitionHistory } from './history.js';

export interface TrendPoint {
  partition: string;
  value: number;
}

export interface Trend {
  metric: string;
  /** Oldest partition first. */
  points: TrendPoint[];
  median: number;
  /** Points at least 10× above or below the median. */
  outliers: TrendPoint[];
}

const OUTLIER_FACTOR = 10;

export function trends(partitions: readonly PartitionHistory[]): Trend[] {
  const series = new Map<string, TrendPoint[]>();
  // Oldest partition first; the values `status` shows: numeric metrics, `row_count` falling back to the outputs' rows.
  // Keys of one grain order the same by code unit as by locale, and ten years of them sort 20× faster.
  const oldestFirst = [...partitions].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of oldestFirst) {
    const run = p.runs.findLast((r) => r.state === 'success');
    if (!run) continue;
    const values = numericMetrics(run.metrics);
    if (values.row_count === undefined && run.outputs.length > 0) {
      values.row_count = run.outputs.reduce((sum, o) => sum + o.rows, 0);
    }
    for (const [metric, value] of Object.entries(values)) {
      const points = series.get(metric);
      if (points) points.push({ partition: p.key, value });
      else series.set(metric, [{ partition: p.key, value }]);
    }
  }
  return [...series.entries()]
    .sort(([a], [b]) => (a === 'row_count' ? -1 : b === 'row_count' ? 1 : a.localeCompare(b)))
    .map(([metric, points]) => {
      const median = medianOf(points.map((p) => p.value));
      return { metric, points, median, outliers: points.filter((p) => isOutlier(p.value, median)) };
    });
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function isOutlier(value: number, median: number): boolean {
  if (median === 0) return false;
  const ratio = value / median;
  return ratio >= OUTLIER_FACTOR || ratio <= 1 / OUTLIER_FACTOR;
}
