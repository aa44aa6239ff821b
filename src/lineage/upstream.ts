// Which upstream partitions a downstream partition reads, and whether they are
// published. The rule is one for every pair of grains: a downstream partition
// needs each upstream partition whose data interval overlaps its own, so a
// weekly partition needs its seven days, a daily one its 24 hours (23 or 25 on
// the days the clock changes), and an hourly one the day that holds it.
// Published means the upstream partition has a partition manifest (the commit
// marker a publish writes last, src/store/commit.ts).
import { join, resolve } from 'node:path';
import type { Pipeline, UpstreamInput } from '../contract/model.js';
import { StateError } from '../errors.js';
import { type Partition, partitionContaining, partitionsBetween } from '../schedule/partitions.js';
import { readPartitionManifest } from '../store/commit.js';
import { openDataRoot } from '../store/data-root.js';
import type { RunRecord } from '../store/ledger.js';

/** One upstream partition a downstream partition reads. */
export interface UpstreamPartition {
  dagId: string;
  /** The upstream's partition key. */
  partition: string;
}

/** When an upstream partition's live version was published, and by which run. */
export interface Publication {
  publishedAt: string;
  runId: string;
}

/** Reads whether an upstream partition is published; the planner's only view of other pipelines. */
export type PublicationReader = (ref: UpstreamInput, partition: string) => Promise<Publication | undefined>;

/** The upstream partitions whose data intervals overlap `partition`'s, oldest first. */
export function upstreamPartitions(
  partition: Pick<Partition, 'dataIntervalStart' | 'dataIntervalEnd'>,
  upstream: NonNullable<UpstreamInput['upstream']>,
): Partition[] {
  const start = new Date(Date.parse(partition.dataIntervalStart));
  const lastInstant = new Date(Date.parse(partition.dataIntervalEnd) - 1);
  const first = partitionContaining(upstream.partition, upstream.timezone, start);
  const last = partitionContaining(upstream.partition, upstream.timezone, lastInstant);
  return partitionsBetween(upstream.partition, upstream.timezone, first, last);
}

/**
 * The data root an upstream publishes into: the one this run was given (a shared root, such
 * as a bucket on GitHub), else the upstream's default `<its folder>/data`.
 */
export function upstreamDataRoot(ref: UpstreamInput): string {
  if (ref.dataRoot !== undefined) return ref.dataRoot;
  if (!ref.upstream) throw new Error(`from: ${ref.dagId}.${ref.output} was not resolved`);
  return join(ref.upstream.dir, 'data');
}

/** Reads partition manifests under each upstream's data root. */
export const manifestPublications: PublicationReader = async (ref, partition) => {
  const store = await openDataRoot(upstreamDataRoot(ref));
  const manifest = await readPartitionManifest(store, { dagId: ref.dagId, partition });
  return manifest ? { publishedAt: manifest.publishedAt, runId: manifest.runId } : undefined;
};

/** What a downstream partition's upstream partitions look like right now. */
export interface UpstreamState {
  /** Upstream partitions not yet published. */
  waiting: UpstreamPartition[];
  /** Upstream partitions published after `since` (empty without `since`). */
  changed: UpstreamPartition[];
}

/**
 * The upstream partitions of `partition` across all of `pipeline`'s `from:` inputs, split into
 * those not published and those republished after `since` (the start of the run that read them).
 */
export async function upstreamState(
  pipeline: Pick<Pipeline, 'from'>,
  partition: Pick<Partition, 'dataIntervalStart' | 'dataIntervalEnd'>,
  read: PublicationReader,
  since?: string,
): Promise<UpstreamState> {
  const waiting: UpstreamPartition[] = [];
  const changed: UpstreamPartition[] = [];
  const seen = new Set<string>();
  for (const ref of Object.values(pipeline.from ?? {})) {
    if (!ref.upstream) continue;
    for (const up of upstreamPartitions(partition, ref.upstream)) {
      const id = `${ref.dagId}\0${up.key}`;
      if (seen.has(id)) continue; // two outputs of one upstream partition are published together
      seen.add(id);
      const publication = await read(ref, up.key);
      const entry = { dagId: ref.dagId, partition: up.key };
      if (!publication) waiting.push(entry);
      else if (since !== undefined && Date.parse(publication.publishedAt) > Date.parse(since)) changed.push(entry);
    }
  }
  return { waiting, changed };
}

/** `turanmart_daily_sales 2026-05-02, 2026-05-03`: upstream partitions grouped by pipeline. */
export function describeUpstream(partitions: readonly UpstreamPartition[]): string {
  const byDag = new Map<string, string[]>();
  for (const p of partitions) byDag.set(p.dagId, [...(byDag.get(p.dagId) ?? []), p.partition]);
  return [...byDag].map(([dagId, keys]) => `${dagId} ${keys.join(', ')}`).join('; ');
}

/**
 * `pipeline` with each `from:` input pointed at the data root its upstream publishes into: the
 * same root when this run was given one (a shared folder or bucket), else the upstream's own
 * default root, as each pipeline's default root is its own `data/` folder.
 */
export function withUpstreamRoots<P extends Pick<Pipeline, 'dir' | 'from'>>(pipeline: P, dataRoot: string): P {
  const entries = Object.entries(pipeline.from ?? {});
  if (entries.length === 0) return pipeline;
  // A bucket is always shared: pipelines that name one read each other's outputs there.
  const bucket = /^s3:\/\//i.test(dataRoot);
  const shared = bucket || resolve(dataRoot) !== resolve(pipeline.dir, 'data');
  const from = Object.fromEntries(
    entries.map(([name, ref]) => {
      const { dataRoot: _old, ...rest } = ref;
      const root = bucket ? dataRoot : resolve(dataRoot);
      return [name, { ...rest, dataRoot: shared ? root : upstreamDataRoot(rest) }];
    }),
  );
  return { ...pipeline, from };
}

/** A succeeded partition whose upstream partitions were published again after its run started. */
export interface StalePartition {
  key: string;
  upstream: UpstreamPartition[];
}

/** The stale partitions among the latest runs, for `status`; the next tick replans them as `upstream_changed`. */
export async function stalePartitions(
  pipeline: Pick<Pipeline, 'from' | 'partition' | 'timezone'>,
  latest: ReadonlyMap<string, RunRecord>,
  read: PublicationReader = manifestPublications,
): Promise<StalePartition[]> {
  if (Object.keys(pipeline.from ?? {}).length === 0) return [];
  const stale: StalePartition[] = [];
  for (const [key, run] of [...latest].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (run.state !== 'success' || run.pinned) continue;
    const { changed } = await upstreamState(pipeline, run, read, run.startedAt);
    if (changed.length > 0) stale.push({ key, upstream: changed });
  }
  return stale;
}

/** `stale: 1 partition (an upstream partition was published again since it ran): ...`, or ''. */
export function renderStale(stale: readonly StalePartition[]): string {
  if (stale.length === 0) return '';
  const n = stale.length;
  const items = stale.map((s) => `  ${s.key}  ${describeUpstream(s.upstream)} published again since it ran\n`);
  return `stale: ${n} partition${n === 1 ? '' : 's'} (the next tick runs ${n === 1 ? 'it' : 'them'} again):\n${items.join('')}`;
}

/**
 * Refuses to run a partition whose upstream partitions are not published (a manual `run`: the
 * planner would have left it waiting), before anything is written.
 */
export async function assertUpstreamPublished(
  pipeline: Pick<Pipeline, 'dagId' | 'from'>,
  partition: Partition,
  read: PublicationReader = manifestPublications,
): Promise<void> {
  const { waiting } = await upstreamState(pipeline, partition, read);
  if (waiting.length === 0) return;
  const roots = [...new Set(Object.values(pipeline.from ?? {}).map(upstreamDataRoot))].join(', ');
  throw new StateError(
    `${pipeline.dagId} ${partition.key} waits for ${describeUpstream(waiting)}, not published under ${roots}: ` +
      'run the upstream partition first (or the same data root it publishes into); nothing was run',
  );
}
