// Runs a partition's DAG: each task as soon as its trigger rule allows, at most
// `maxActiveTasks` at once. A deferred task stops new starts: the partition goes
// back to the next tick, and what had not started is recorded as deferred too.
import type { Task } from '../contract/model.js';
import type { CheckResult, TaskRecord, TaskState } from '../store/ledger.js';
import type { Metrics } from './attempt.js';
import type { TaskOutcome, TaskStateListener } from './task.js';
import { decide } from './trigger.js';

export interface DagRunOptions {
  tasks: Task[];
  maxActiveTasks: number;
  runTask(task: Task): Promise<TaskOutcome>;
  onState: TaskStateListener;
  /** Once aborted, nothing new starts; what had not started is recorded as failed. */
  cancel?: AbortSignal;
}

export interface DagRunResult {
  /** In contract order, every task exactly once. */
  tasks: TaskRecord[];
  /** Handler metrics merged in completion order (a later task overrides a key). */
  metrics: Metrics;
  checks: CheckResult[];
}

function notRun(id: string, state: TaskState, why: string): TaskRecord {
  return { id, state, attempts: 0, durationMs: 0, error: why };
}

/** Names the upstream tasks that decided it, e.g. "upstream validate_bronze_orders failed". */
function whyNot(task: Task, states: Map<string, TaskState>): string {
  const blocking = task.upstream.filter((id) => {
    const state = states.get(id);
    return state === 'failed' || state === 'upstream_failed' || state === 'skipped';
  });
  if (blocking.length === 0) return `trigger rule ${task.triggerRule} cannot be met`;
  const described = blocking.map((id) => `${id} ${states.get(id)}`).join(', ');
  return `upstream ${described} (trigger rule ${task.triggerRule})`;
}

export function executeDag(opts: DagRunOptions): Promise<DagRunResult> {
  const { tasks, onState, cancel } = opts;
  const limit = Math.max(1, opts.maxActiveTasks);
  const records = new Map<string, TaskRecord>();
  const states = new Map<string, TaskState>();
  const pending = new Set(tasks.map((t) => t.id));
  const metrics: Metrics = {};
  const checks: CheckResult[] = [];
  let active = 0;
  let deferred = false;

  return new Promise((resolve, reject) => {
    const settle = (record: TaskRecord) => {
      records.set(record.id, record);
      states.set(record.id, record.state);
      pending.delete(record.id);
    };

    const start = (task: Task) => {
      pending.delete(task.id);
      active++;
      opts.runTask(task).then((outcome) => {
        active--;
        settle(outcome.record);
        Object.assign(metrics, outcome.metrics);
        checks.push(...outcome.checks);
        if (outcome.record.state === 'deferred') deferred = true;
        pump();
      }, reject);
    };

    const pump = () => {
      // Settling one task can decide others (upstream_failed cascades), so loop until stable.
      for (let changed = true; changed && !deferred && !cancel?.aborted; ) {
        changed = false;
        for (const task of tasks) {
          if (!pending.has(task.id)) continue;
          const decision = decide(
            task.triggerRule,
            task.upstream.map((id) => states.get(id)),
          );
          if (decision === 'upstream_failed' || decision === 'skipped') {
            const record = notRun(task.id, decision, whyNot(task, states));
            settle(record);
            onState(task.id, decision, 0);
            changed = true;
          } else if (decision === 'run' && active < limit) {
            start(task);
            changed = true;
          }
        }
      }
      if (active > 0) return;
      for (const task of tasks) {
        if (!pending.has(task.id)) continue;
        const record = deferred
          ? notRun(task.id, 'deferred', 'not started: the partition was deferred')
          : cancel?.aborted
            ? notRun(task.id, 'failed', 'not started: the run was cancelled')
            : notRun(task.id, 'failed', `not started: upstream ${task.upstream.join(', ')} never finished`);
        settle(record);
        onState(task.id, record.state, 0);
      }
      const ordered = tasks.map((t) => records.get(t.id)).filter((r): r is TaskRecord => r !== undefined);
      resolve({ tasks: ordered, metrics, checks });
    };

    pump();
  });
}
