// One attempt of one task: the kind's work raced against the attempt's timeout.
import type { Pipeline, Task } from '../contract/model.js';
import { AttemptTimeoutError, classifyError, type FailureClass } from '../errors.js';
import type { Logger } from '../log.js';
import type { CheckResult } from '../store/ledger.js';
import type { ObjectStore } from '../store/object-store.js';
import type { Clock } from './clock.js';
import type { AtomicWriter, Datasets } from './context.js';
import { formatDuration } from './duration.js';
import { locatedTaskError } from './error-place.js';
import { runAsAttempt } from './stray-errors.js';

/** The partition as the executor sees it: key, Airflow's ds and the data interval. */
export interface PartitionInfo {
  key: string;
  ds: string;
  /** ISO 8601 with the pipeline zone's offset. */
  dataIntervalStart: string;
  dataIntervalEnd: string;
}

/** Everything one attempt of one task may use. */
export interface AttemptEnv {
  pipeline: Pipeline;
  task: Task;
  attempt: number;
  runId: string;
  partition: PartitionInfo;
  /** The folder, or the bucket's s3:// address. */
  dataRoot: string;
  store: ObjectStore;
  /** Contract keys of this partition's inputs (relative to the data root). */
  inputKeys: Record<string, string>;
  /** Path API (folders only): inputs/outputs as absolute paths; empty in a bucket. */
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  writer: AtomicWriter;
  datasets: Datasets;
  /** A checks task's results on `dataset` when they were found while a task wrote it (no need to read it again). */
  checkedWhileWritten?(dataset: string): CheckResult[] | undefined;
  /** Prefixed with the task id. */
  logger: Logger;
  /** Aborted when the attempt's timeout passes or the whole run is cancelled. */
  signal: AbortSignal;
  clock: Clock;
  /** How long a command gets between SIGTERM and SIGKILL. */
  killGraceMs: number;
}

export type Metrics = Record<string, number | string>;

export type AttemptResult =
  | { status: 'success'; metrics?: Metrics; checks?: CheckResult[] }
  | { status: 'deferred'; message: string }
  | {
      status: 'failed';
      failureClass: FailureClass;
      error: string;
      /** false: never retry, whatever the class (a sensor past its deadline). */
      retryable?: boolean;
      checks?: CheckResult[];
    };

/** A task kind. `cooperative` kinds stop by themselves on abort (and must, to clean up). */
export interface KindRunner {
  run(env: AttemptEnv): Promise<AttemptResult>;
  cooperative: boolean;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Runs one attempt. A handler that ignores its signal still fails as `timeout` when the
 * time is up (its promise is left behind, its late result ignored); commands and sensors
 * are cooperative so the processes of a command are gone when the attempt ends.
 */
export async function runAttempt(
  kind: KindRunner,
  env: Omit<AttemptEnv, 'signal'>,
  timeoutMs: number,
  cancel?: AbortSignal,
): Promise<AttemptResult> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new AttemptTimeoutError(`timed out after ${formatDuration(timeoutMs)}`)),
    timeoutMs,
  );
  const onCancel = () => controller.abort(cancel?.reason);
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener('abort', onCancel, { once: true });
  let release: (() => void) | undefined;
  try {
    let work: Promise<AttemptResult>;
    if (kind.cooperative) {
      work = kind.run({ ...env, signal: controller.signal });
    } else {
      // Only handlers run the user's code in this process; commands and sensors cannot leak errors here.
      const attempt = runAsAttempt(controller, () => kind.run({ ...env, signal: controller.signal }));
      release = attempt.release;
      work = attempt.result;
    }
    if (kind.cooperative) return await work;
    work.catch(() => {}); // a late rejection after the race is lost must not crash the process
    return await Promise.race([work, rejectOnAbort(controller.signal)]);
  } catch (error) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
    return { status: 'failed', failureClass: classifyError(reason), error: locatedTaskError(reason, env.pipeline.dir) };
  } finally {
    release?.();
    clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  }
}
