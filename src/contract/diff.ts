// What a pull request changes in a contract, for the validate summary: tasks
// added or removed, and the settings a reviewer must notice (schedule, owner,
// retries, outputs). Pure over two normalized pipelines.
import type { Pipeline, Task } from './model.js';

/** One changed setting; `before` absent means added, `after` absent means removed. */
export interface ContractChange {
  /** Contract path of the setting, e.g. `schedule`, `tasks.load`, `tasks.load.retries`, `outputs.gold`. */
  field: string;
  before?: string;
  after?: string;
}

export interface ContractDiff {
  dagId: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  changes: ContractChange[];
}

function compare(changes: ContractChange[], field: string, before: string | undefined, after: string | undefined) {
  if (before === after) return;
  const change: ContractChange = { field };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  changes.push(change);
}

/** A task's kind and what it runs, one line: `handler tasks/x.ts#f`, `checks on bronze`. */
export function describeTask(task: Task): string {
  const spec = task.spec;
  switch (spec.kind) {
    case 'handler':
      return `handler ${spec.module}#${spec.exportName}`;
    case 'command':
      return `command ${spec.argv.join(' ')}`;
    case 'sensor':
      return `sensor ${spec.path}`;
    case 'checks':
      return `checks on ${spec.dataset}`;
  }
}

function taskChanges(changes: ContractChange[], base: Pipeline, head: Pipeline): void {
  const before = new Map(base.tasks.map((t) => [t.id, t]));
  const after = new Map(head.tasks.map((t) => [t.id, t]));
  for (const [id, task] of before) if (!after.has(id)) compare(changes, `tasks.${id}`, describeTask(task), undefined);
  for (const [id, task] of after) {
    const old = before.get(id);
    if (!old) {
      compare(changes, `tasks.${id}`, undefined, describeTask(task));
      continue;
    }
    compare(changes, `tasks.${id}.kind`, describeTask(old), describeTask(task));
    compare(changes, `tasks.${id}.upstream`, [...old.upstream].sort().join(', '), [...task.upstream].sort().join(', '));
    compare(changes, `tasks.${id}.retries`, String(old.policy.retries), String(task.policy.retries));
    compare(changes, `tasks.${id}.trigger_rule`, old.triggerRule, task.triggerRule);
  }
}

function mapChanges(
  changes: ContractChange[],
  prefix: string,
  base: Record<string, string>,
  head: Record<string, string>,
) {
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  for (const name of names) compare(changes, `${prefix}.${name}`, base[name], head[name]);
}

/** The changes from `base` (the target branch) to `head` (the pull request); either may be absent. */
export function diffPipelines(base: Pipeline | undefined, head: Pipeline | undefined): ContractDiff {
  if (!base && !head) throw new RangeError('diffPipelines needs at least one pipeline');
  if (!base) return { dagId: head!.dagId, status: 'added', changes: [] };
  if (!head) return { dagId: base.dagId, status: 'removed', changes: [] };
  const changes: ContractChange[] = [];
  compare(changes, 'owner', base.owner, head.owner);
  compare(changes, 'schedule', base.schedule ?? 'manual only', head.schedule ?? 'manual only');
  compare(changes, 'timezone', base.timezone, head.timezone);
  compare(changes, 'partition', base.partition, head.partition);
  compare(changes, 'start_date', base.startDate, head.startDate);
  compare(changes, 'end_date', base.endDate, head.endDate);
  compare(changes, 'catchup', String(base.catchup), String(head.catchup));
  compare(changes, 'max_active_runs', String(base.maxActiveRuns), String(head.maxActiveRuns));
  compare(changes, 'freshness.deadline', base.freshness?.deadline, head.freshness?.deadline);
  compare(changes, 'defaults.retries', String(base.defaults.retries), String(head.defaults.retries));
  mapChanges(changes, 'inputs', base.inputs, head.inputs);
  mapChanges(changes, 'outputs', base.outputs, head.outputs);
  taskChanges(changes, base, head);
  return { dagId: head.dagId, status: changes.length ? 'changed' : 'unchanged', changes };
}

/** Plain words for a change, for a summary table. */
export function describeChange(change: ContractChange): string {
  if (change.before === undefined) return `added: ${change.after}`;
  if (change.after === undefined) return `removed: ${change.before}`;
  return `${change.before} → ${change.after}`;
}
