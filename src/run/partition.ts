// One partition run from start to evidence: lock, repair of a torn publish,
// `running` record, the DAG over staged outputs, then write–audit–publish: only a
// run that succeeded publishes (src/store/commit.ts), a failed one leaves the live
// version untouched and its staged outputs for inspection. Last the final record
// and the quality report, which is evidence and always describes the latest run.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Pipeline, Task } from '../contract/model.js';
import { errorMessage } from '../errors.js';
import { toJsonText } from '../json.js';
import type { Logger } from '../log.js';
import { buildReport, type QualityReport, renderReportMarkdown } from '../quality/report.js';
import { dsOf, partitionForKey } from '../schedule/partitions.js';
import { createAtomicWriter } from '../store/atomic.js';
import {
  createVersion,
  type PartitionManifest,
  publishVersion,
  readPartitionManifest,
  repairPartition,
} from '../store/commit.js';
import { type PartitionRef, partitionStagingDir, runStagingDir } from '../store/layout.js';
import {
  type FileChecksum,
  type LockingLedger,
  nextSequence,
  type RunRecord,
  type RunState,
  type TaskRecord,
  type Trigger,
} from '../store/ledger.js';
import { checksumFile, writeManifest } from '../store/manifest.js';
import { relativeToRoot, resolvePartitionPaths } from '../store/paths.js';
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
  dataRoot: string;
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
  reportPaths?: { json: string; markdown: string };
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

async function fileStat(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size, mtimeMs: Math.trunc(info.mtimeMs) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checksums of the inputs present now. With `known` (the live version's), a file
 * whose size and modification time are unchanged keeps its recorded checksum.
 * A `from:` input lies under its upstream's data root; its path is relative to that root.
 */
async function checksumInputs(
  files: Record<string, string>,
  dataRoot: string,
  known: FileChecksum[] = [],
  from: Pipeline['from'] = {},
): Promise<FileChecksum[]> {
  const sums: FileChecksum[] = [];
  for (const [name, file] of Object.entries(files)) {
    const info = await fileStat(file);
    if (!info) continue;
    const root = from[name]?.dataRoot ?? dataRoot;
    const rel = relativeToRoot(root, file);
    const same = known.find((k) => k.path === rel && k.bytes === info.size && k.mtimeMs === info.mtimeMs);
    sums.push(same ?? { ...(await checksumFile(file, root)), mtimeMs: info.mtimeMs });
  }
  return sums;
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
  dataRoot: string,
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
      if (!(await stagedFilesIntact(old, dataRoot))) continue;
      reused.set(task.id, { ...old, reusedFrom: old.reusedFrom ?? previous.runId });
      grew = true;
    }
  }
  return reused;
}

async function stagedFilesIntact(task: TaskRecord, dataRoot: string): Promise<boolean> {
  for (const output of task.outputs ?? []) {
    try {
      if ((await checksumFile(output.path, dataRoot)).sha256 !== output.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Removes staging folders of earlier runs older than `maxAgeMs` (never the live version's: it has none). */
async function sweepStaging(dataRoot: string, ref: PartitionRef, maxAgeMs: number, now: number): Promise<void> {
  const dir = partitionStagingDir(dataRoot, ref);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const info = await stat(path.join(dir, name)).catch(() => undefined);
    if (info && now - info.mtimeMs > maxAgeMs) await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/** The Markdown report beside its JSON: `x.json` -> `x.md`. */
export function markdownPathFor(jsonPath: string): string {
  const ext = path.extname(jsonPath);
  return ext === '.json' ? `${jsonPath.slice(0, -ext.length)}.md` : `${jsonPath}.md`;
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
  const clock = opts.clock ?? systemClock;
  const window = partitionForKey(pipeline.partition, pipeline.timezone, opts.partition);
  const partition: PartitionInfo = { ...window, ds: dsOf(window, pipeline.timezone) };
  const paths = resolvePartitionPaths(pipeline, window, dataRoot);
  const ref: PartitionRef = { dagId: pipeline.dagId, partition: partition.key };
  const runId = opts.runId ?? newRunId(opts.trigger, new Date(clock.now()));
  const lock = await ledger.acquire(pipeline.dagId, partition.key, runId);
  try {
    const repaired = await repairPartition(dataRoot, ref);
    if (repaired) logger.warning(`finished the publish of run ${repaired} that was interrupted`);
    await sweepStaging(dataRoot, ref, STAGING_MAX_AGE_MS, Date.now());
    const live = await readPartitionManifest(dataRoot, ref);
    const codeVersion = opts.codeVersion ?? (await gitHead(pipeline.dir));
    const inputs = await checksumInputs(
      paths.inputs,
      dataRoot,
      onlyIfChanged ? live?.inputs : undefined,
      pipeline.from,
    );
    let changes: string[] | undefined;
    if (onlyIfChanged && live) {
      changes = changesSince(live, inputs, codeVersion);
      if (changes.length === 0) return { outcome: 'unchanged', partition: partition.key, liveVersion: live.runId };
    }
    const history = await ledger.runs(pipeline.dagId, partition.key);
    const previous = opts.resume ? history.at(-1) : undefined;
    const reused = await reusableTasks(pipeline, previous, inputs, codeVersion, dataRoot, logger);
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
      inputs,
      outputs: [],
      publication: 'none',
      ...(live ? { liveVersion: live.runId } : {}),
      ...(opts.planReason ? { planReason: opts.planReason } : {}),
      ...(changes ? { changes } : {}),
    };
    await ledger.write(record);

    const { [QUALITY_REPORT_OUTPUT]: reportFile, ...staged } = paths.outputs;
    const staging = new RunStaging(
      dataRoot,
      ref,
      runId,
      staged,
      reportFile === undefined ? {} : { [QUALITY_REPORT_OUTPUT]: reportFile },
    );
    for (const [id, task] of reused) staging.reuse(id, task.outputs ?? []);
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
          inputs: paths.inputs,
          logger: prefixLogger(logger, `${task.id}: `),
          clock,
          killGraceMs: opts.killGraceMs ?? 5000,
        },
        (attempt) => staging.open(task.id, attempt),
        onState,
        opts.signal,
      );
      return { ...outcome, checks: outcome.checks.map((c) => ({ ...c, taskId: task.id })) };
    };
    try {
      const dag = await executeDag({
        tasks: pipeline.tasks,
        maxActiveTasks: pipeline.maxActiveTasks,
        onState,
        cancel: opts.signal,
        runTask: runOne,
      });
      record.tasks = dag.tasks;
      record.metrics = dag.metrics;
      record.checks = dag.checks;
      record.state = runStateOf(dag.tasks);
      if (record.state === 'success') {
        // Audit passed: the staged outputs become the live version, together.
        const now = new Date();
        const version = await createVersion(dataRoot, ref, runId, staging.stagedOutputs(), {
          codeVersion,
          inputs,
          now,
        });
        await publishVersion(dataRoot, ref, runId, {
          action: 'publish',
          retainVersions: pipeline.retainVersions,
          now,
        });
        record.outputs = version.files.map(({ name: _, ...file }) => file);
        record.publication = 'published';
        record.liveVersion = runId;
        // Its files now live on as the version's links; the staging names are no longer needed.
        await rm(runStagingDir(dataRoot, ref, runId), { recursive: true, force: true });
      }
    } catch (error) {
      // A bug of ours or a publish that failed, not a task: close the record so the ledger never keeps a ghost `running`.
      record.state = 'failed';
      record.metrics = { ...record.metrics, executor_error: errorMessage(error) };
      logger.error(`executor error: ${errorMessage(error)}`);
    }
    if (record.publication !== 'published') {
      const stagedAny = staging.stagedOutputs().length > 0;
      record.publication = stagedAny ? 'staged' : 'none';
      const stagingDir = runStagingDir(dataRoot, ref, runId);
      if ((await readdir(stagingDir).catch(() => [])).length > 0) {
        record.stagingDir = relativeToRoot(dataRoot, stagingDir);
      }
    }
    record.endedAt = new Date().toISOString();
    await ledger.write(record);

    const report = buildReport(record);
    if (reportFile === undefined) return { outcome: 'ran', record, report };
    // Written whatever the state: the evidence of a failure matters most.
    const reportPaths = { json: reportFile, markdown: markdownPathFor(reportFile) };
    const writer = createAtomicWriter(dataRoot);
    await writer.writeFile(reportPaths.json, toJsonText(report));
    await writer.writeFile(reportPaths.markdown, renderReportMarkdown(report));
    await writeManifest(reportPaths.json, runId, dataRoot);
    return { outcome: 'ran', record, report, reportPaths };
  } finally {
    await lock.release();
  }
}
