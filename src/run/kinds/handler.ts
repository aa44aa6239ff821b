// `handler: tasks/x.ts#exportName`: a function in the user's repository, imported
// at run time (Node 24 strips TypeScript types natively) and called with a TaskContext.
import path from 'node:path';
import type { HandlerSpec } from '../../contract/model.js';
import { handlerModuleInside } from '../../contract/path-rules.js';
import { csvReading } from '../../csv/reader.js';
import { DataContractError, TransientError } from '../../errors.js';
import type { ObjectStore } from '../../store/object-store.js';
import type { AttemptEnv, AttemptResult, KindRunner, Metrics } from '../attempt.js';
import type { Handler, TaskContext } from '../context.js';
import { importTaskModule } from '../module-format.js';
import { readInParts } from '../read-in-parts.js';
import { pathApiOnBucket } from '../staging.js';

/** Imports the module and returns the named export, refusing anything that is not a function. */
export async function loadHandler(pipelineDir: string, spec: HandlerSpec): Promise<Handler> {
  // Only what `validate` accepts is ever imported: a module inside the pipeline folder.
  if (!handlerModuleInside(spec.module))
    throw new Error(`refusing handler module ${spec.module}: it is outside the pipeline folder ${pipelineDir}`);
  const file = path.resolve(pipelineDir, spec.module);
  let mod: Record<string, unknown>;
  try {
    mod = await importTaskModule(path.dirname(path.resolve(pipelineDir)), file);
  } catch (error) {
    throw new Error(`cannot import handler module ${spec.module}: ${(error as Error).message ?? String(error)}`);
  }
  const fn = mod[spec.exportName];
  if (typeof fn !== 'function') {
    const exported = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
    throw new Error(
      `${spec.module} has no exported function '${spec.exportName}' (functions exported: ${exported.join(', ') || 'none'})`,
    );
  }
  return fn as Handler;
}

/** Keeps the metrics a report can show (numbers and strings) and says what it dropped. */
function cleanMetrics(raw: unknown, env: AttemptEnv): Metrics | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') {
    env.logger.warning(`ignored metrics: expected an object, got ${typeof raw}`);
    return undefined;
  }
  const metrics: Metrics = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'number' || typeof value === 'string') metrics[key] = value;
    else if (typeof value === 'bigint') metrics[key] = value.toString();
    else env.logger.warning(`ignored metric '${key}': only numbers and strings are recorded`);
  }
  return metrics;
}

export function taskContext(env: AttemptEnv): TaskContext {
  return {
    dagId: env.pipeline.dagId,
    taskId: env.task.id,
    runId: env.runId,
    partition: env.partition.key,
    ds: env.partition.ds,
    dataInterval: { start: env.partition.dataIntervalStart, end: env.partition.dataIntervalEnd },
    attempt: env.attempt,
    inputs: env.store.kind === 'fs' ? { ...env.inputs } : refusePaths(env.store, 'ctx.inputs'),
    outputs: env.store.kind === 'fs' ? { ...env.outputs } : refusePaths(env.store, 'ctx.outputs'),
    dataRoot: env.dataRoot,
    logger: env.logger,
    signal: env.signal,
    writer: env.writer,
    read: (name, options) => env.datasets.read(name, { signal: env.signal, ...options }),
    write: (name, data) => env.datasets.write(name, data),
    open: (name) => env.datasets.open(name),
    exists: (name) => env.datasets.exists(name),
    where: (name) => env.datasets.where(name),
    readInParts: (name, work) =>
      readInParts(
        (options) => env.datasets.read(name, { signal: env.signal, ...options, reuseBuffer: true }),
        work,
        [path.dirname(path.resolve(env.pipeline.dir))],
        { signal: env.signal },
      ),
    csv: csvReading,
    errors: { TransientError, DataContractError },
  };
}

/** In a bucket there are no paths: reading ctx.inputs.X fails with the stream API's name. */
function refusePaths(store: ObjectStore, what: string): Record<string, string> {
  return new Proxy({} as Record<string, string>, {
    get(_, name) {
      if (typeof name !== 'string' || name === 'then' || name === 'toJSON') return undefined;
      throw new Error(pathApiOnBucket(store, `${what}.${name}`));
    },
  });
}

export function handlerKind(spec: HandlerSpec): KindRunner {
  return {
    cooperative: false,
    async run(env): Promise<AttemptResult> {
      const fn = await loadHandler(env.pipeline.dir, spec);
      const outcome = await fn(taskContext(env));
      const metrics = cleanMetrics(outcome ? outcome.metrics : undefined, env);
      return metrics ? { status: 'success', metrics } : { status: 'success' };
    },
  };
}
