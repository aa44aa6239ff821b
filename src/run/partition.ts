// One partition run from start to evidence: lock, `running` record, the DAG,
// checksums and manifests, the final record and the quality report.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Pipeline } from '../contract/model.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import { buildReport, type QualityReport, renderReportMarkdown } from '../quality/report.js';
import { dsOf, partitionForKey } from '../schedule/partitions.js';
import { createAtomicWriter } from '../store/atomic.js';
import type { FileChecksum, LockingLedger, RunRecord, RunState, TaskRecord, Trigger } from '../store/ledger.js';
import { checksumFile, writeManifest } from '../store/manifest.js';
import { resolvePartitionPaths } from '../store/paths.js';
import { newRunId } from '../store/run-id.js';
import type { PartitionInfo } from './attempt.js';
import { type Clock, systemClock } from './clock.js';
import { gitHead } from './code-version.js';
import { executeDag } from './dag-run.js';
import { prefixLogger } from './prefix-logger.js';
import { runTask, type TaskStateListener } from './task.js';

/** The output whose path receives the quality report (JSON, and Markdown beside it). */
export const QUALITY_REPORT_OUTPUT = 'quality_report';

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
}

export interface RunPartitionResult {
  record: RunRecord;
  report: QualityReport;
  reportPaths?: { json: string; markdown: string };
}

/** deferred wins (the partition runs again next tick), then any failure, else success. */
export function runStateOf(tasks: TaskRecord[]): RunState {
  if (tasks.some((t) => t.state === 'deferred')) return 'deferred';
  if (tasks.some((t) => t.state === 'failed' || t.state === 'upstream_failed')) return 'failed';
  return 'success';
}

async function producedSince(file: string, sinceMs: number): Promise<'fresh' | 'stale' | 'missing'> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return 'missing';
    return info.mtimeMs >= sinceMs ? 'fresh' : 'stale';
  } catch {
    return 'missing';
  }
}

async function checksumInputs(files: Record<string, string>, dataRoot: string): Promise<FileChecksum[]> {
  const sums: FileChecksum[] = [];
  for (const file of Object.values(files)) {
    if ((await producedSince(file, 0)) === 'missing') continue;
    sums.push(await checksumFile(file, dataRoot));
  }
  return sums;
}

/**
 * Outputs this run wrote (modified since it started) get a manifest and are listed;
 * an output left by an earlier run is not, so a failed run never vouches for old gold.
 */
async function publishOutputs(
  outputs: Record<string, string>,
  dataRoot: string,
  runId: string,
  sinceMs: number,
): Promise<FileChecksum[]> {
  const sums: FileChecksum[] = [];
  for (const [name, file] of Object.entries(outputs)) {
    if (name === QUALITY_REPORT_OUTPUT) continue;
    if ((await producedSince(file, sinceMs)) !== 'fresh') continue;
    sums.push(await writeManifest(file, runId, dataRoot));
  }
  return sums;
}

function markdownPathFor(jsonPath: string): string {
  const ext = path.extname(jsonPath);
  return ext === '.json' ? `${jsonPath.slice(0, -ext.length)}.md` : `${jsonPath}.md`;
}

export async function runPartition(opts: RunPartitionOptions): Promise<RunPartitionResult> {
  const { pipeline, ledger, logger, dataRoot } = opts;
  const clock = opts.clock ?? systemClock;
  const window = partitionForKey(pipeline.partition, pipeline.timezone, opts.partition);
  const partition: PartitionInfo = { ...window, ds: dsOf(window, pipeline.timezone) };
  const paths = resolvePartitionPaths(pipeline, window, dataRoot);
  const runId = opts.runId ?? newRunId(opts.trigger, new Date(clock.now()));
  const lock = await ledger.acquire(pipeline.dagId, partition.key, runId);
  try {
    // Real time, not the injected clock: it is compared with file modification times.
    const startedMs = Date.now();
    const record: RunRecord = {
      dagId: pipeline.dagId,
      partition: partition.key,
      runId,
      trigger: opts.trigger,
      reason: opts.reason,
      codeVersion: opts.codeVersion ?? (await gitHead(pipeline.dir)),
      state: 'running',
      startedAt: new Date(startedMs).toISOString(),
      dataIntervalStart: partition.dataIntervalStart,
      dataIntervalEnd: partition.dataIntervalEnd,
      tasks: [],
      checks: [],
      metrics: {},
      inputs: await checksumInputs(paths.inputs, dataRoot),
      outputs: [],
    };
    await ledger.write(record);

    const writer = createAtomicWriter(dataRoot);
    const onState: TaskStateListener = opts.onTaskState ?? (() => {});
    try {
      const dag = await executeDag({
        tasks: pipeline.tasks,
        maxActiveTasks: pipeline.maxActiveTasks,
        onState,
        cancel: opts.signal,
        runTask: (task) =>
          runTask(
            {
              pipeline,
              task,
              runId,
              partition,
              dataRoot,
              inputs: paths.inputs,
              outputs: paths.outputs,
              writer,
              logger: prefixLogger(logger, `${task.id}: `),
              clock,
              killGraceMs: opts.killGraceMs ?? 5000,
            },
            onState,
            opts.signal,
          ),
      });
      record.tasks = dag.tasks;
      record.metrics = dag.metrics;
      record.checks = dag.checks;
      record.state = runStateOf(dag.tasks);
      record.outputs = await publishOutputs(paths.outputs, dataRoot, runId, startedMs);
    } catch (error) {
      // A bug of ours, not of a task: still close the record so the ledger never keeps a ghost `running`.
      record.state = 'failed';
      record.metrics = { ...record.metrics, executor_error: errorMessage(error) };
      logger.error(`executor error: ${errorMessage(error)}`);
    }
    record.endedAt = new Date().toISOString();
    await ledger.write(record);

    const report = buildReport(record);
    const reportFile = paths.outputs[QUALITY_REPORT_OUTPUT];
    if (reportFile === undefined) return { record, report };
    // Written whatever the state: the evidence of a failure matters most.
    const reportPaths = { json: reportFile, markdown: markdownPathFor(reportFile) };
    await writer.writeFile(reportPaths.json, `${JSON.stringify(report, null, 2)}\n`);
    await writer.writeFile(reportPaths.markdown, renderReportMarkdown(report));
    await writeManifest(reportPaths.json, runId, dataRoot);
    return { record, report, reportPaths };
  } finally {
    await lock.release();
  }
}
