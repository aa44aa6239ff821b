// What an upstream publish asks of its downstream pipelines: for each pipeline
// that reads one of its outputs through `from:`, the range of its partitions
// that overlap the upstream partitions just published. The upstream's report
// job dispatches a backfill of that range (reprocess `failed`: missing, waiting
// and stale partitions run, fresh ones are left alone), so a downstream does not
// wait for its own cron.
import type { Pipeline } from '../contract/model.js';
import { partitionContaining, partitionForKey } from '../schedule/partitions.js';
import { contractWindow, startMs } from '../schedule/window.js';

/** A backfill to ask of one downstream pipeline: first and last partition keys, inclusive. */
export interface DownstreamRun {
  dagId: string;
  start: string;
  end: string;
}

/** The pipelines that read an output of `upstream` through `from:`, by dag_id. */
export function downstreamOf(upstream: Pick<Pipeline, 'dagId'>, pipelines: readonly Pipeline[]): Pipeline[] {
  return pipelines
    .filter((p) => Object.values(p.from ?? {}).some((ref) => ref.dagId === upstream.dagId))
    .sort((a, b) => a.dagId.localeCompare(b.dagId));
}

/**
 * For each downstream pipeline, the range of its partitions overlapping the upstream partitions
 * `published` (keys of `upstream`), clipped to the downstream's start_date..end_date.
 */
export function downstreamRuns(
  upstream: Pick<Pipeline, 'dagId' | 'partition' | 'timezone'>,
  published: readonly string[],
  pipelines: readonly Pipeline[],
): DownstreamRun[] {
  if (published.length === 0) return [];
  const intervals = published.map((key) => partitionForKey(upstream.partition, upstream.timezone, key));
  const first = Math.min(...intervals.map((p) => Date.parse(p.dataIntervalStart)));
  const last = Math.max(...intervals.map((p) => Date.parse(p.dataIntervalEnd))) - 1;
  const runs: DownstreamRun[] = [];
  for (const down of downstreamOf(upstream, pipelines)) {
    const at = (ms: number) => partitionContaining(down.partition, down.timezone, new Date(ms));
    const window = contractWindow(down);
    let start = at(first);
    let end = at(last);
    if (startMs(start) < startMs(window.first)) start = window.first;
    if (window.last && startMs(window.last) < startMs(end)) end = window.last;
    if (startMs(end) < startMs(start)) continue; // all of it before the downstream's start_date
    runs.push({ dagId: down.dagId, start: start.key, end: end.key });
  }
  return runs;
}
