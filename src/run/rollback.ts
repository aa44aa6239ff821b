// `rollback`: make a retained version of a partition live again — a pointer move
// (links, no recompute) — and record it in the ledger as its own entry. A
// rolled-back partition is pinned: ticks leave it alone until a `completed`
// reprocess or an unpin. `repair`: finish publishes a killed process left half done.
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import { toJsonText } from '../json.js';
import { buildReport, renderReportMarkdown } from '../quality/report.js';
import { partitionForKey } from '../schedule/partitions.js';
import {
  type PartitionManifest,
  pendingJournals,
  publishVersion,
  readPartitionManifest,
  readVersion,
  repairPartition,
  setPinned,
} from '../store/commit.js';
import { FsObjectStore } from '../store/fs-store.js';
import type { PartitionRef } from '../store/layout.js';
import { type LockingLedger, nextSequence, type RunRecord } from '../store/ledger.js';
import { writeManifestFor } from '../store/manifest.js';
import type { ObjectStore } from '../store/object-store.js';
import { resolvePartitionKeys } from '../store/paths.js';
import { newRunId } from '../store/run-id.js';
import { markdownPathFor, QUALITY_REPORT_OUTPUT } from './partition.js';

export interface RollbackOptions {
  pipeline: Pipeline;
  partition: string;
  dataRoot: string;
  /** The data root's objects; default: the folder `dataRoot`. */
  store?: ObjectStore;
  ledger: LockingLedger;
  reason: string;
  /** The run whose version to restore; default: the version the latest publish replaced. */
  to?: string;
  /** Instead of moving the live version, release the pin of an earlier rollback. */
  unpin?: boolean;
  now?: Date;
}

export interface RollbackResult {
  record: RunRecord;
  manifest: PartitionManifest;
  /** The version that was live before. */
  replaced: string;
}

export async function rollbackPartition(opts: RollbackOptions): Promise<RollbackResult> {
  const { pipeline, ledger } = opts;
  const store = opts.store ?? new FsObjectStore(opts.dataRoot);
  const now = opts.now ?? new Date();
  const window = partitionForKey(pipeline.partition, pipeline.timezone, opts.partition);
  const ref: PartitionRef = { dagId: pipeline.dagId, partition: window.key };
  const runId = newRunId('rollback', now);
  const lock = await ledger.acquire(ref.dagId, ref.partition, runId);
  try {
    await repairPartition(store, ref);
    const live = await readPartitionManifest(store, ref);
    if (!live) throw new UsageError(`${ref.dagId} ${ref.partition} has no published version to roll back`);
    let manifest: PartitionManifest;
    if (opts.unpin) {
      if (!live.pinned)
        throw new UsageError(`${ref.dagId} ${ref.partition} is not pinned (live version ${live.runId})`);
      manifest = await setPinned(store, ref, false);
    } else {
      const target = opts.to ?? live.versions[0];
      if (target === undefined) {
        throw new UsageError(
          `${ref.dagId} ${ref.partition} keeps no earlier version (retain_versions: ${pipeline.retainVersions}); nothing to roll back to`,
        );
      }
      if (target === live.runId) throw new UsageError(`${target} is already the live version of ${ref.partition}`);
      if (!live.versions.includes(target) || !(await readVersion(store, ref, target))) {
        const kept = live.versions.length ? live.versions.join(', ') : 'none';
        throw new UsageError(`${ref.partition} has no retained version ${target} (retained: ${kept})`);
      }
      manifest = await publishVersion(store, ref, target, {
        action: 'rollback',
        retainVersions: pipeline.retainVersions,
        now,
      });
    }
    // The restored version's own run gives the metrics a reader of status expects to see.
    const history = await ledger.runs(ref.dagId, ref.partition);
    const origin = history.find((r) => r.runId === manifest.runId);
    const record: RunRecord = {
      dagId: ref.dagId,
      partition: ref.partition,
      runId,
      trigger: 'rollback',
      reason: opts.reason,
      codeVersion: manifest.codeVersion,
      state: 'success',
      sequence: nextSequence(history),
      startedAt: now.toISOString(),
      endedAt: new Date().toISOString(),
      dataIntervalStart: window.dataIntervalStart,
      dataIntervalEnd: window.dataIntervalEnd,
      tasks: [],
      checks: origin?.checks ?? [],
      metrics: origin?.metrics ?? {},
      inputs: manifest.inputs,
      outputs: manifest.files.map(({ name: _, versionPath: __, ...file }) => file),
      publication: opts.unpin ? 'none' : 'rolled_back',
      liveVersion: manifest.runId,
      planReason: opts.unpin ? 'unpin' : `rollback from ${live.runId}`,
      pinned: manifest.pinned,
    };
    await ledger.write(record);
    const reportKey = resolvePartitionKeys(pipeline, window).outputs[QUALITY_REPORT_OUTPUT];
    if (reportKey !== undefined) {
      const report = buildReport(record);
      await store.write(reportKey, toJsonText(report));
      await store.write(markdownPathFor(reportKey), renderReportMarkdown(report));
      await writeManifestFor(store, reportKey, runId);
    }
    return { record, manifest, replaced: live.runId };
  } finally {
    await lock.release();
  }
}

/** Finishes every half-done publish of a pipeline; partitions held by a live run are left to it. */
export async function repairPipeline(
  pipeline: Pipeline,
  dataRoot: string,
  ledger: LockingLedger,
  store: ObjectStore = new FsObjectStore(dataRoot),
): Promise<Array<{ partition: string; repaired?: string; busy?: string }>> {
  const results: Array<{ partition: string; repaired?: string; busy?: string }> = [];
  for (const partition of await pendingJournals(store, pipeline.dagId)) {
    const ref = { dagId: pipeline.dagId, partition };
    let lock: { release(): Promise<void> };
    try {
      lock = await ledger.acquire(ref.dagId, partition, newRunId('manual'));
    } catch (error) {
      results.push({ partition, busy: (error as Error).message });
      continue;
    }
    try {
      results.push({ partition, repaired: await repairPartition(store, ref) });
    } finally {
      await lock.release();
    }
  }
  return results;
}
