// One task of one partition run: attempts, retries with backoff, and the outcome
// the run record keeps.
import type { Task, TaskSpec } from '../contract/model.js';
import type { FailureClass } from '../errors.js';
import type { CheckResult, TaskOutputRecord, TaskRecord, TaskState } from '../store/ledger.js';
import { type AttemptEnv, type AttemptResult, type KindRunner, type Metrics, runAttempt } from './attempt.js';
import { retryDelayMs } from './backoff.js';
import { formatDuration } from './duration.js';
import { checksKind } from './kinds/checks.js';
import { commandKind } from './kinds/command.js';
import { handlerKind } from './kinds/handler.js';
import { sensorKind } from './kinds/sensor.js';
import type { AttemptStage } from './staging.js';

export type TaskStateListener = (taskId: string, state: TaskState | 'running', attempt: number) => void;

export interface TaskOutcome {
  record: TaskRecord;
  metrics: Metrics;
  checks: CheckResult[];
}

export function kindFor(spec: TaskSpec): KindRunner {
  switch (spec.kind) {
    case 'handler':
      return handlerKind(spec);
    case 'command':
      return commandKind(spec);
    case 'sensor':
      return sensorKind(spec);
    case 'checks':
      return checksKind(spec);
  }
}

/** transient and timeout are retried; data never; code only when the task opts in. */
export function isRetryable(task: Task, failureClass: FailureClass): boolean {
  if (failureClass === 'transient' || failureClass === 'timeout') return true;
  if (failureClass === 'code') return task.policy.retryOnCodeError;
  return false;
}

/**
 * Runs a task's attempts until one succeeds or no retry is left. Each attempt
 * gets its own stage (outputs and writer), finished as soon as the attempt ends.
 */
export async function runTask(
  env: Omit<AttemptEnv, 'signal' | 'attempt' | 'outputs' | 'writer' | 'datasets' | 'checkedWhileWritten'>,
  stageFor: (attempt: number) => AttemptStage,
  onState: TaskStateListener,
  cancel?: AbortSignal,
): Promise<TaskOutcome> {
  const { task, clock } = env;
  const kind = kindFor(task.spec);
  const started = clock.now();
  const startedAt = new Date(started).toISOString();
  const maxAttempts = task.policy.retries + 1;
  let result: AttemptResult;
  let outputs: TaskOutputRecord[] = [];
  let attempt = 0;
  for (;;) {
    attempt++;
    onState(task.id, 'running', attempt);
    const stage = stageFor(attempt);
    result = await runAttempt(
      kind,
      {
        ...env,
        attempt,
        outputs: stage.outputs,
        writer: stage.writer,
        datasets: stage.datasets,
        checkedWhileWritten: stage.checkedWhileWritten,
      },
      task.policy.timeoutMs,
      cancel,
    );
    outputs = await stage.finish(result.status === 'success');
    if (result.status !== 'failed') break;
    const retryable = result.retryable !== false && isRetryable(task, result.failureClass);
    // Say "attempt i/n" only where a retry could follow: a data failure is never retried.
    const which = retryable ? `attempt ${attempt}/${maxAttempts} ` : '';
    env.logger.warning(`${which}failed (${result.failureClass}): ${result.error}`);
    if (!retryable || attempt >= maxAttempts || cancel?.aborted) break;
    const delay = retryDelayMs(task.policy, attempt, clock.random);
    onState(task.id, 'up_for_retry', attempt);
    env.logger.info(`up for retry in ${formatDuration(delay)}`);
    try {
      await clock.sleep(delay, cancel);
    } catch {
      break; // the run was cancelled while waiting
    }
  }
  const ended = clock.now();
  const record: TaskRecord = {
    id: task.id,
    state: result.status,
    attempts: attempt,
    durationMs: ended - started,
    startedAt,
    endedAt: new Date(ended).toISOString(),
  };
  if (result.status === 'failed') {
    record.failureClass = result.failureClass;
    record.error = result.error;
  }
  if (result.status === 'deferred') record.error = result.message;
  if (outputs.length > 0) record.outputs = outputs;
  const metrics = result.status === 'success' ? (result.metrics ?? {}) : {};
  if (Object.keys(metrics).length > 0) record.metrics = metrics;
  onState(task.id, record.state, attempt);
  return {
    record,
    metrics,
    checks: result.status === 'deferred' ? [] : (result.checks ?? []),
  };
}
