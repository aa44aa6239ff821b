// One task of one partition run: attempts, retries with backoff, and the outcome
// the run record keeps.
import type { Task, TaskSpec } from '../contract/model.js';
import type { FailureClass } from '../errors.js';
import type { CheckResult, TaskRecord, TaskState } from '../store/ledger.js';
import { type AttemptEnv, type AttemptResult, type KindRunner, type Metrics, runAttempt } from './attempt.js';
import { retryDelayMs } from './backoff.js';
import { formatDuration } from './duration.js';
import { checksKind } from './kinds/checks.js';
import { commandKind } from './kinds/command.js';
import { handlerKind } from './kinds/handler.js';
import { sensorKind } from './kinds/sensor.js';

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

export async function runTask(
  env: Omit<AttemptEnv, 'signal' | 'attempt'>,
  onState: TaskStateListener,
  cancel?: AbortSignal,
): Promise<TaskOutcome> {
  const { task, clock } = env;
  const kind = kindFor(task.spec);
  const started = clock.now();
  const startedAt = new Date(started).toISOString();
  const maxAttempts = task.policy.retries + 1;
  let result: AttemptResult;
  let attempt = 0;
  for (;;) {
    attempt++;
    onState(task.id, 'running', attempt);
    result = await runAttempt(kind, { ...env, attempt }, task.policy.timeoutMs, cancel);
    if (result.status !== 'failed') break;
    env.logger.warning(`attempt ${attempt}/${maxAttempts} failed (${result.failureClass}): ${result.error}`);
    const retry =
      attempt < maxAttempts && result.retryable !== false && isRetryable(task, result.failureClass) && !cancel?.aborted;
    if (!retry) break;
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
  onState(task.id, record.state, attempt);
  return {
    record,
    metrics: result.status === 'success' ? (result.metrics ?? {}) : {},
    checks: result.status === 'deferred' ? [] : (result.checks ?? []),
  };
}
