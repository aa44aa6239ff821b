// `pipewright test`: one task of one partition, once, in a scratch data root and without the
// ledger (Airflow's `tasks test`). The partition's inputs, and whatever outputs of that
// partition upstream tasks already wrote, are copied from the real data root first; nothing
// is written back.
import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pipeline } from '../contract/model.js';
import { UsageError } from '../errors.js';
import type { Logger } from '../log.js';
import { dsOf, partitionForKey } from '../schedule/partitions.js';
import { createAtomicWriter } from '../store/atomic.js';
import { FsObjectStore } from '../store/fs-store.js';
import type { CheckResult, TaskRecord } from '../store/ledger.js';
import { relativeToRoot, resolvePartitionKeys, resolvePartitionPaths } from '../store/paths.js';
import type { Metrics } from './attempt.js';
import { systemClock } from './clock.js';
import { prefixLogger } from './prefix-logger.js';
import { directDatasets } from './staging.js';
import { runTask } from './task.js';

export interface TaskTestOptions {
  pipeline: Pipeline;
  taskId: string;
  partition: string;
  /** Where the inputs (and upstream outputs) are copied from. */
  dataRoot: string;
  logger: Logger;
  /** Keep the scratch data root (its path is in the result) instead of removing it. */
  keep?: boolean;
}

export interface TaskTestResult {
  record: TaskRecord;
  metrics: Metrics;
  checks: CheckResult[];
  /** Declared outputs the task wrote (copied ones it left alone are not listed). */
  outputs: { name: string; path: string; bytes: number }[];
  /** Names of the declared inputs and outputs copied in, and of the inputs that were missing. */
  copied: string[];
  missing: string[];
  scratch?: string;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

export async function testTask(opts: TaskTestOptions): Promise<TaskTestResult> {
  const { pipeline } = opts;
  const task = pipeline.tasks.find((t) => t.id === opts.taskId);
  if (!task)
    throw new UsageError(
      `pipeline '${pipeline.dagId}' has no task '${opts.taskId}' (tasks: ${pipeline.tasks.map((t) => t.id).join(', ')})`,
    );
  const window = partitionForKey(pipeline.partition, pipeline.timezone, opts.partition);
  const scratch = await mkdtemp(path.join(tmpdir(), `pipewright-test-${pipeline.dagId}-`));
  try {
    const source = resolvePartitionPaths(pipeline, window, opts.dataRoot);
    // Everything lands in the scratch root, from: inputs too: the upstream's own files are only read.
    const inScratch = {
      ...pipeline,
      from: Object.fromEntries(
        Object.entries(pipeline.from ?? {}).map(([name, { dataRoot: _upstreamRoot, ...ref }]) => [name, ref]),
      ),
    };
    const target = resolvePartitionPaths(inScratch, window, scratch);
    const keys = resolvePartitionKeys(pipeline, window);
    const scratchStore = new FsObjectStore(scratch);
    const copied: string[] = [];
    const missing: string[] = [];
    const before = new Map<string, number>(); // mtimes of the outputs copied in
    for (const group of ['inputs', 'outputs'] as const) {
      for (const [name, from] of Object.entries(source[group])) {
        if (!(await exists(from))) {
          if (group === 'inputs') missing.push(name);
          continue;
        }
        const to = target[group][name]!;
        await mkdir(path.dirname(to), { recursive: true });
        await copyFile(from, to);
        copied.push(name);
        if (group === 'outputs') before.set(name, (await stat(to)).mtimeMs);
      }
    }
    // Once, as Airflow's `tasks test` does: a retry would hide the first failure.
    const once = { ...task, policy: { ...task.policy, retries: 0 } };
    const outcome = await runTask(
      {
        pipeline: inScratch,
        task: once,
        runId: `test__${window.key}`,
        partition: { ...window, ds: dsOf(window, pipeline.timezone) },
        dataRoot: scratch,
        store: scratchStore,
        inputKeys: keys.inputs,
        inputs: target.inputs,
        logger: prefixLogger(opts.logger, `${task.id}: `),
        clock: systemClock,
        killGraceMs: 5000,
      },
      // A scratch root holds nothing to protect: the task writes its outputs in place, unstaged.
      () => ({
        outputs: target.outputs,
        writer: createAtomicWriter(scratch),
        datasets: directDatasets(scratchStore, keys),
        finish: async () => [],
      }),
      () => {},
    );
    const outputs: TaskTestResult['outputs'] = [];
    for (const [name, file] of Object.entries(target.outputs)) {
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs !== before.get(name))
        outputs.push({ name, path: relativeToRoot(scratch, file), bytes: info.size });
    }
    return {
      record: outcome.record,
      metrics: outcome.metrics,
      checks: outcome.checks,
      outputs,
      copied,
      missing,
      ...(opts.keep ? { scratch } : {}),
    };
  } finally {
    if (!opts.keep) await rm(scratch, { recursive: true, force: true });
  }
}
