// One partition run from start to evidence: lock, repair of a torn publish,
// `running` record, the DAG over staged outputs, then write–audit–publish: only a
// run that succeeded publishes (src/store/commit.ts), a failed one leaves the live
// version untouched and its staged outputs for inspection. Last the final record
// and the quality report, which is evidence and always describes the latest run.
import path from 'node:path';
import type { Pipeline, Task } from '../contract/model.js';
import { errorMessage } from '../errors.js';
import { toJsonText } from '../json.js';
import type { Logger } from '../log.js';
import { buildReport, type QualityReport, renderReportMarkdown } from '../quality/report.js';
import { dsOf, partitionForKey } from '../schedule/partitions.js';
import {
  createVersion,
  discardVersionCopies,
  type PartitionManifest,
  publishVersion,
  readPartitionManifest,
  repairPartition,
  unpublishedRuns,
} from '../store/commit.js';
import { openDataRoot } from '../store/data-root.js';
import { FsObjectStore } from '../store/fs-store.js';
import { type PartitionRef, runStagingKey, versionKey } from '../store/layout.js';
import {
  type FileChecksum,
  type LockingLedger,
  nextSequence,
  type RunRecord,
  type RunState,
  type TaskRecord,
  type Trigger,
} from '../store/ledger.js';
import { checksumObject, writeManifestFor } from '../store/manifest.js';
import { deletePrefix, type ObjectStore, storeForRun } from '../store/object-store.js';
import { resolvePartitionKeys } from '../store/paths.js';
import { newRunId } from '../store/run-id.js';
import type { PartitionInfo } from './attempt.js';
import { type Clock, systemClock } from './clock.js';
import { gitHead } from './code-version.js';
import { executeDag } from './dag-run.js';
import { prefixLogger } from './prefix-logger.js';
import { RunStaging } from './staging.js';
import { runTask, type TaskOutcome, type TaskStateListener } from './task.js';

/** The output whose path receives the quality report (JSON, and Markdown beside it). */
export const QUALITY_REPORT_OUTPUT = 'quality_report';

/** Staging folders of runs that did not publish are kept this long for inspection and resume. */
export const STAGING_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface RunPartitionOptions {
  pipeline: Pipeline;
  /** The partition key, e.g. 2026-05-02. */
  partition: string;
  /** The folder (or s3:// address) the run reads and publishes, as named in messages and records. */
  dataRoot: string;
  /** The data root's objects; default: the folder `dataRoot`. */
  store?: ObjectStore;
  trigger: Trigger;
  reason: string;
  runId?: string;
  ledger: LockingLedger;
  logger: Logger;
  onTaskState?: TaskStateListener;
  /** Default: `git rev-parse HEAD` in the pipeline folder, when it is a git work tree. */
  codeVersion?: string;
  /** Aborting ends running tasks (commands are killed), starts nothing new, and still records the run. */
  signal?: AbortSignal;
  /** Tests pass a fast clock; the default is real time. */
  clock?: Clock;
  /** Between SIGTERM and SIGKILL of a timed-out command (default 5 s). */
  killGraceMs?: number;
  /** Why this partition runs (the plan's reason, or `manual`); recorded. */
  planReason?: string;
  /** Reuse the staged outputs of the tasks the partition's last failed run finished. */
  resume?: boolean;
}

export interface RunPartitionResult {
  outcome: 'ran';
  record: RunRecord;
  report: QualityReport;
  /** Where the report went: paths on a folder, s3:// addresses in a bucket. */
  reportPaths?: { json: string; markdown: string };
  /** The same, as keys relative to the data root. */
  reportKeys?: { json: string; markdown: string };
}

export type PartitionOutcome =
  | RunPartitionResult
  | {
      /** `onlyIfChanged` found the inputs and code of the live version: nothing ran, nothing was recorded. */
      outcome: 'unchanged';
      partition: string;
      liveVersion: string;
    };

/** deferred wins (the partition runs again next tick), then any failure, else success. */
export function runStateOf(tasks: TaskRecord[]): RunState {
  if (tasks.some((t) => t.state === 'deferred')) return 'deferred';
  if (tasks.some((t) => t.state === 'failed' || t.state === 'upstream_failed')) return 'failed';
  return 'success';
}

/**
 * Checksums of the inputs present now. With `known` (the live version's), an object
 * whose size and modification time are unchanged keeps its recorded checksum.
 * A `from:` input lies under its upstream's data root; its path is relative to that root.
 */
async function checksumInputs(
  storeOf: (name: string) => ObjectStore,
  keys: Record<string, string>,
  known: FileChecksum[] = [],
): Promise<FileChecksum[]> {
  // All at once: in a bucket each checksum's download is the run's copy, which the tasks then follow.
  const sums = await Promise.all(
    Object.entries(keys).map(async ([name, key]): Promise<FileChecksum | undefined> => {
      const store = storeOf(name);
      const info = await store.head(key);
      if (!info) return undefined;
      const mtimeMs = info.lastModified.getTime();
      const same = known.find((k) => k.path === key && k.bytes === info.size && k.mtimeMs === mtimeMs);
      return same ?? { ...(await checksumObject(store, key, { size: info.size })), mtimeMs };
    }),
  );
  return sums.filter((sum) => sum !== undefined);
}

/** What differs between the live version and a run about to start: inputs by checksum, and the code. */
export function changesSince(live: PartitionManifest, inputs: FileChecksum[], codeVersion?: string): string[] {
  const changes: string[] = [];
  const before = new Map(live.inputs.map((i) => [i.path, i]));
  for (const input of inputs) {
    const old = before.get(input.path);
    if (!old) changes.push(`input ${input.path} is new`);
    else if (old.sha256 !== input.sha256) {
      changes.push(`input ${input.path} changed (sha256 ${old.sha256.slice(0, 12)} -> ${input.sha256.slice(0, 12)})`);
    }
    before.delete(input.path);
  }
  for (const gone of before.keys()) changes.push(`input ${gone} is gone`);
  if ((live.codeVersion ?? '') !== (codeVersion ?? '')) {
    changes.push(`code ${short(live.codeVersion)} -> ${short(codeVersion)}`);
  }
  return changes;
}

function short(version: string | undefined): string {
  return version === undefined ? 'unknown' : version.slice(0, 12);
}

/**
 * Tasks of the last failed run a resumed run may reuse: they succeeded, their
 * upstream tasks are reused too, the inputs and code are those of that run, and
 * their staged files still match their checksums.
 */
async function reusableTasks(
  pipeline: Pipeline,
  previous: RunRecord | undefined,
  inputs: FileChecksum[],
  codeVersion: string | undefined,
  store: ObjectStore,
  logger: Logger,
): Promise<Map<string, TaskRecord>> {
  const reused = new Map<string, TaskRecord>();
  if (!previous || (previous.state !== 'failed' && previous.state !== 'running')) return reused;
  if ((previous.codeVersion ?? '') !== (codeVersion ?? '')) {
    logger.info(`resume: nothing reused, the code changed since run ${previous.runId}`);
    return reused;
  }
  const sums = (list: FileChecksum[]) =>
    list
      .map((i) => `${i.path}:${i.sha256}`)
      .sort()
      .join('\n');
  if (sums(previous.inputs) !== sums(inputs)) {
    logger.info(`resume: nothing reused, the inputs changed since run ${previous.runId}`);
    return reused;
  }
  const before = new Map(previous.tasks.map((t) => [t.id, t]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const task of pipeline.tasks) {
      const old = before.get(task.id);
      if (reused.has(task.id) || !old || old.state !== 'success' || task.resume === 'never') {
        continue;
      }
      if (!task.upstream.every((id) => reused.has(id))) continue;
      if (!(await stagedFilesIntact(old, store))) continue;
      reused.set(task.id, { ...old, reusedFrom: old.reusedFrom ?? previous.runId });
      grew = true;
    }
  }
  return reused;
}

async function stagedFilesIntact(task: TaskRecord, store: ObjectStore): Promise<boolean> {
  for (const output of task.outputs ?? []) {
    try {
      if ((await checksumObject(store, output.path)).sha256 !== output.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Removes what earlier runs wrote and did not publish (staging, unmarked versions), last written more than `maxAgeMs` ago. */
async function sweepStaging(store: ObjectStore, ref: PartitionRef, maxAgeMs: number, now: number): Promise<void> {
  for (const [prefix, written] of await unpublishedRuns(store, ref)) {
    if (now - written > maxAgeMs) await deletePrefix(store, prefix);
  }
}

async function hasObjects(store: ObjectStore, prefix: string): Promise<boolean> {
  for await (const _ of store.list(prefix)) return true;
  return false;
}

/** The Markdown report beside its JSON: `x.json` -> `x.md`. */
export function markdownPathFor(jsonPath: string): string {
  const ext = path.extname(jsonPath);
  return ext === '.json' ? `${jsonPath.slice(0, -ext.length)}.md` : `${jsonPath}.md`;
}

/** The path API's paths of the inputs, each under its own store's folder. */
function pathsOf(keys: Record<string, string>, storeOf: (name: string) => ObjectStore): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, key] of Object.entries(keys)) {
    const owner = storeOf(name);
    if (owner instanceof FsObjectStore) paths[name] = owner.pathOf(key);
  }
  return paths;
}

/** Stores of the `from:` inputs whose upstream publishes into another data root than this run's. */
async function upstreamStores(pipeline: Pipeline, store: ObjectStore): Promise<Record<string, ObjectStore>> {
  const stores: Record<string, ObjectStore> = {};
  for (const [name, ref] of Object.entries(pipeline.from ?? {})) {
    if (ref.dataRoot === undefined) continue;
    const other = await openDataRoot(ref.dataRoot);
    if (other.url !== store.url) stores[name] = other;
  }
  return stores;
}

/** Runs the partition now. */
export async function runPartition(opts: RunPartitionOptions): Promise<RunPartitionResult> {
  const result = await runPartitionUnlessUnchanged(opts, false);
  if (result.outcome !== 'ran') throw new Error('unreachable: a run that was not asked to compare always runs');
  return result;
}

/**
 * With `onlyIfChanged` (reprocess `changed`), runs a partition that has a live
 * version only when its inputs or code differ from that version's.
 */
export async function runPartitionUnlessUnchanged(
  opts: RunPartitionOptions,
  onlyIfChanged: boolean,
): Promise<PartitionOutcome> {
  const { pipeline, ledger, logger, dataRoot } = opts;
  // In a bucket, the run keeps local copies of what it writes and reads until it ends (made only once it holds the lock).
  const { store, close: dropRunCopies } = storeForRun(opts.store ?? new FsObjectStore(dataRoot));
  const fs = store instanceof FsObjectStore ? store : undefined;
  const clock = opts.clock ?? systemClock;
  const window = partitionForKey(pipeline.partition, pipeline.timezone, opts.partition);
  const partition: PartitionInfo = { ...window, ds: dsOf(window, pipeline.timezone) };
  const keys = resolvePartitionKeys(pipeline, window);
  // A `from:` input lies under its upstream's data root, which may be another store.
  const upstream = await upstreamStores(pipeline, store);
  const storeOf = (name: string): ObjectStore => upstream[name] ?? store;
  const inputPaths = fs ? pathsOf(keys.inputs, storeOf) : {};
  const ref: PartitionRef = { dagId: pipeline.dagId, partition: partition.key };
  const runId = opts.runId ?? newRunId(opts.trigger, new Date(clock.now()));
  const lock = await ledger.acquire(pipeline.dagId, partition.key, runId);
  // A bucket lease lost mid-run (taken over after it lapsed) stops the tasks and the publish.
  const signal = lock.lost ? (opts.signal ? AbortSignal.any([opts.signal, lock.lost]) : lock.lost) : opts.signal;
  try {
    const repaired = await repairPartition(store, ref);
    if (repaired) logger.warning(`finished the publish of run ${repaired} that was interrupted`);
    await sweepStaging(store, ref, STAGING_MAX_AGE_MS, Date.now());
    const live = await readPartitionManifest(store, ref);
    const codeVersion = opts.codeVersion ?? (await gitHead(pipeline.dir));
    // Taken as the run starts, and awaited only where needed: a big input is read by a worker thread
    // while the first tasks work, instead of before them (the start record lists the inputs once known).
    // From a bucket, the checksum's download is the run's local copy, which the tasks follow as it grows.
    const inputsAtStart = checksumInputs(storeOf, keys.inputs, onlyIfChanged ? live?.inputs : undefined);
    inputsAtStart.catch(() => {});
    const inputs = onlyIfChanged || opts.resume ? await inputsAtStart : undefined;
    let changes: string[] | undefined;
    if (onlyIfChanged && live && inputs) {
      changes = changesSince(live, inputs, codeVersion);
      if (changes.length === 0) return { outcome: 'unchanged', partition: partition.key, liveVersion: live.runId };
    }
    const history = await ledger.runs(pipeline.dagId, partition.key);
    const previous = opts.resume ? history.at(-1) : undefined;
    const reused = await reusableTasks(pipeline, previous, inputs ?? [], codeVersion, store, logger);
    if (reused.size > 0) logger.info(`resume: reusing ${[...reused.keys()].join(', ')} from run ${previous?.runId}`);

    const record: RunRecord = {
      dagId: pipeline.dagId,
      partition: partition.key,
      runId,
      trigger: opts.trigger,
      reason: opts.reason,
      codeVersion,
      state: 'running',
      sequence: nextSequence(history),
      startedAt: new Date(Date.now()).toISOString(),
      dataIntervalStart: partition.dataIntervalStart,
      dataIntervalEnd: partition.dataIntervalEnd,
      tasks: [],
      checks: [],
      metrics: {},
      inputs: inputs ?? [],
      outputs: [],
      publication: 'none',
      ...(live ? { liveVersion: live.runId } : {}),
      ...(opts.planReason ? { planReason: opts.planReason } : {}),
      ...(changes ? { changes } : {}),
    };
    await ledger.write(record);

    const { [QUALITY_REPORT_OUTPUT]: reportKey, ...staged } = keys.outputs;
    const staging = new RunStaging(
      store,
      ref,
      runId,
      staged,
      keys.inputs,
      reportKey === undefined ? {} : { [QUALITY_REPORT_OUTPUT]: reportKey },
      upstream,
    );
    for (const [id, task] of reused) staging.reuse(id, task.outputs ?? []);
    staging.checkWhileWriting(pipeline.tasks, { partition, timezone: pipeline.timezone });
    const onState: TaskStateListener = opts.onTaskState ?? (() => {});
    const runOne = async (task: Task): Promise<TaskOutcome> => {
      const earlier = reused.get(task.id);
      if (earlier) {
        onState(task.id, 'success', 0);
        return {
          record: earlier,
          metrics: earlier.metrics ?? {},
          checks: (previous?.checks ?? []).filter((c) => c.taskId === task.id),
        };
      }
      const outcome = await runTask(
        {
          pipeline,
          task,
          runId,
          partition,
          dataRoot,
          store,
          inputKeys: keys.inputs,
          inputs: inputPaths,
          logger: prefixLogger(logger, `${task.id}: `),
          clock,
          killGraceMs: opts.killGraceMs ?? 5000,
        },
        (attempt) => staging.open(task.id, attempt),
        onState,
        signal,
      );
      return { ...outcome, checks: outcome.checks.map((c) => ({ ...c, taskId: task.id })) };
    };
    let versionMade = false;
    try {
      const dag = await executeDag({
        tasks: pipeline.tasks,
        maxActiveTasks: pipeline.maxActiveTasks,
        onState,
        cancel: signal,
        runTask: runOne,
      });
      record.inputs = await inputsAtStart;
      record.tasks = dag.tasks;
      record.metrics = dag.metrics;
      record.checks = dag.checks;
      record.state = runStateOf(dag.tasks);
      if (record.state === 'success' && lock.lost?.aborted) {
        throw new Error(`not publishing: ${errorMessage(lock.lost.reason)}`);
      }
      if (record.state === 'success') {
        // Audit passed: the staged outputs become the live version, together.
        const now = new Date();
        const staged = staging.stagedOutputs();
        const version = await createVersion(store, ref, runId, staged, { codeVersion, inputs: record.inputs, now });
        versionMade = true;
        await publishVersion(store, ref, runId, {
          action: 'publish',
          retainVersions: pipeline.retainVersions,
          now,
          ahead: await Promise.all(staged.map((o) => o.versioned)),
        });
        record.outputs = version.files.map(({ name: _, ...file }) => file);
        record.publication = 'published';
        record.liveVersion = runId;
        // Its files now live on as the version's copies; the staging names are no longer needed.
        await deletePrefix(store, `${runStagingKey(ref, runId)}/`);
      }
    } catch (error) {
      // A bug of ours or a publish that failed, not a task: close the record so the ledger never keeps a ghost `running`.
      record.state = 'failed';
      record.metrics = { ...record.metrics, executor_error: errorMessage(error) };
      logger.error(`executor error: ${errorMessage(error)}`);
    }
    record.inputs = await inputsAtStart.catch(() => record.inputs);
    if (record.publication !== 'published') {
      // Once its version is made, a journal may name its files: a later repair or prune removes them.
      await discardVersionCopies(store, staging.stagedOutputs(), { keepVersion: versionMade }).catch(() => {});
      const stagedAny = staging.stagedOutputs().length > 0;
      record.publication = stagedAny ? 'staged' : 'none';
      // In a bucket a task's first attempt wrote into the run's unfinished version, a retry into staging.
      for (const dir of [runStagingKey(ref, runId), versionKey(ref, runId)]) {
        if (record.stagingDir === undefined && (await hasObjects(store, `${dir}/`))) record.stagingDir = dir;
      }
    }
    record.endedAt = new Date().toISOString();
    await ledger.write(record);

    const report = buildReport(record);
    if (reportKey === undefined) return { outcome: 'ran', record, report };
    // Written whatever the state: the evidence of a failure matters most.
    const markdownKey = markdownPathFor(reportKey);
    await store.write(reportKey, toJsonText(report));
    await store.write(markdownKey, renderReportMarkdown(report));
    await writeManifestFor(store, reportKey, runId);
    const where = (key: string) => (fs ? fs.pathOf(key) : store.describe(key));
    const reportPaths = { json: where(reportKey), markdown: where(markdownKey) };
    return { outcome: 'ran', record, report, reportPaths, reportKeys: { json: reportKey, markdown: markdownKey } };
  } finally {
    await dropRunCopies();
    await lock.release();
  }
}
