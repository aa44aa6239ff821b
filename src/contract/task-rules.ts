// Checks across tasks: exactly one kind each, check rules, datasets,
// templates, and the graph (duplicate ids, unknown or self upstream, cycles).
import { findCycle } from '../graph/dag.js';
import { templateScan } from './memo.js';
import { isRecord, type Raw, type Rule } from './rules.js';
import type { PathSegment } from './source.js';
import { didYouMean } from './suggest.js';
import { unknownTemplateName } from './templates.js';

export const TASK_KINDS = ['handler', 'command', 'sensor', 'checks'] as const;
const COMMAND_ONLY = ['cwd', 'exit_codes'];
const RULE_KEYS = [
  'required_columns',
  'row_count',
  'not_null',
  'unique',
  'accepted_values',
  'date_in_partition',
  'numeric',
];

const taskLists = new WeakMap<unknown[], Array<{ task: Raw; index: number }>>();

/** The task mappings with their index (skipping items that are not mappings), listed once per contract for the four rules. */
function tasksOf(data: Raw): Array<{ task: Raw; index: number }> {
  if (!Array.isArray(data.tasks)) return [];
  let tasks = taskLists.get(data.tasks);
  if (tasks === undefined) {
    tasks = data.tasks.flatMap((task: unknown, index) => (isRecord(task) ? [{ task, index }] : []));
    taskLists.set(data.tasks, tasks);
  }
  return tasks;
}

const names = (v: unknown): string[] => (isRecord(v) ? Object.keys(v) : []);

const oneKindPerTask: Rule = (data, source, out) => {
  for (const { task, index } of tasksOf(data)) {
    const kinds = TASK_KINDS.filter((k) => k in task);
    const who = typeof task.id === 'string' ? `task '${task.id}'` : `task ${index + 1}`;
    if (kinds.length === 0) {
      const at: PathSegment[] = 'id' in task ? ['tasks', index, 'id'] : ['tasks', index];
      out.push(source.diagnostic(at, `${who} has no kind: give it exactly one of ${TASK_KINDS.join(', ')}`));
    } else if (kinds.length > 1) {
      out.push(
        source.diagnostic(
          ['tasks', index, kinds[1]!],
          `${who} has ${kinds.join(' and ')}: a task has exactly one kind`,
          {
            target: 'key',
          },
        ),
      );
    }
    if (!('command' in task))
      for (const key of COMMAND_ONLY.filter((k) => k in task))
        out.push(source.diagnostic(['tasks', index, key], `${key} only applies to command tasks`, { target: 'key' }));
  }
};

const checkRules: Rule = (data, source, out) => {
  const datasets = [...names(data.inputs), ...names(data.outputs)];
  for (const { task, index } of tasksOf(data)) {
    const checks = task.checks;
    if (!isRecord(checks)) continue;
    if (typeof checks.dataset === 'string' && !datasets.includes(checks.dataset)) {
      const known = datasets.length ? datasets.join(', ') : 'none are declared';
      out.push(
        source.diagnostic(
          ['tasks', index, 'checks', 'dataset'],
          `checks dataset '${checks.dataset}' is not an input or output${didYouMean(checks.dataset, datasets)} (known: ${known})`,
        ),
      );
    }
    if (!Array.isArray(checks.rules)) continue;
    checks.rules.forEach((rule: unknown, r) => {
      if (!isRecord(rule)) return;
      const path = ['tasks', index, 'checks', 'rules', r];
      const present = RULE_KEYS.filter((k) => k in rule);
      if (present.length > 1)
        out.push(
          source.diagnostic([...path, present[1]!], `one rule per item: found ${present.join(' and ')}`, {
            target: 'key',
          }),
        );
      else if (present.length === 0 && 'severity' in rule)
        out.push(source.diagnostic(path, `rule has only a severity: add one of ${RULE_KEYS.join(', ')}`));
      const bounds = rule.row_count;
      if (
        isRecord(bounds) &&
        typeof bounds.min === 'number' &&
        typeof bounds.max === 'number' &&
        bounds.min > bounds.max
      )
        out.push(
          source.diagnostic([...path, 'row_count', 'max'], `row_count max ${bounds.max} is below min ${bounds.min}`),
        );
    });
  }
};

/** Every `{{ }}` in a string value must name a known variable, input or output. */
const knownTemplates: Rule = (data, source, out) => {
  const inputs = names(data.inputs);
  const outputs = names(data.outputs);
  const verdicts = new Map<string, string | undefined>();
  const check = (path: PathSegment[], value: unknown, datasets: boolean) => {
    if (typeof value !== 'string') return;
    const { refs, unclosed } = templateScan(value);
    for (const fragment of unclosed) {
      const at = source.locateWithin(path, fragment);
      const message = `unclosed template '${fragment}': write {{ name }} with both closing braces`;
      out.push({ file: source.file, line: at.line, col: at.col, severity: 'error', message });
    }
    for (const ref of refs) {
      // A contract names the same few templates in every task: each verdict is worked out once.
      const key = `${datasets} ${ref.name}`;
      let problem = verdicts.get(key);
      if (!verdicts.has(key)) {
        problem = unknownTemplateName(ref.name, { inputs, outputs, datasets });
        verdicts.set(key, problem);
      }
      if (!problem) continue;
      const at = source.locateWithin(path, ref.raw);
      out.push({ file: source.file, line: at.line, col: at.col, severity: 'error', message: problem });
    }
  };
  for (const group of ['inputs', 'outputs'] as const) {
    const map = data[group];
    if (isRecord(map)) for (const [name, value] of Object.entries(map)) check([group, name], value, false);
  }
  for (const { task, index } of tasksOf(data)) {
    if (Array.isArray(task.command))
      for (const [i, arg] of task.command.entries()) check(['tasks', index, 'command', i], arg, true);
    check(['tasks', index, 'cwd'], task.cwd, true);
    if (isRecord(task.sensor)) check(['tasks', index, 'sensor', 'path'], task.sensor.path, true);
  }
};

const soundGraph: Rule = (data, source, out) => {
  const tasks = tasksOf(data);
  const seen = new Map<string, number>();
  for (const { task, index } of tasks) {
    if (typeof task.id !== 'string') continue;
    const first = seen.get(task.id);
    if (first !== undefined) {
      const line = source.locate(['tasks', first, 'id']).line;
      out.push(
        source.diagnostic(['tasks', index, 'id'], `duplicate task id '${task.id}' (first defined on line ${line})`),
      );
    } else seen.set(task.id, index);
  }
  const ids = [...seen.keys()];
  const nodes: Array<{ id: string; upstream: string[] }> = [];
  for (const { task, index } of tasks) {
    if (typeof task.id !== 'string' || seen.get(task.id) !== index) continue;
    const upstream = Array.isArray(task.upstream)
      ? task.upstream.filter((u): u is string => typeof u === 'string')
      : [];
    (Array.isArray(task.upstream) ? task.upstream : []).forEach((u: unknown, i) => {
      if (typeof u !== 'string') return;
      const at: PathSegment[] = ['tasks', index, 'upstream', i];
      if (u === task.id) out.push(source.diagnostic(at, `task '${task.id}' depends on itself`));
      else if (!seen.has(u))
        out.push(source.diagnostic(at, `task '${task.id}' has unknown upstream '${u}'${didYouMean(u, ids)}`));
    });
    nodes.push({ id: task.id, upstream: upstream.filter((u) => u !== task.id) });
  }
  const cycle = findCycle(nodes);
  if (cycle) {
    // Locate at the upstream entry that closes the loop: the first task's reference to the last.
    const [closer, back] = [cycle[1]!, cycle[0]!];
    const index = seen.get(closer)!;
    const task = tasks.find((t) => t.index === index)!.task;
    const i = (task.upstream as unknown[]).indexOf(back);
    out.push(source.diagnostic(['tasks', index, 'upstream', i], `cycle in the task graph: ${cycle.join(' -> ')}`));
  }
};

export const taskRules: Rule[] = [oneKindPerTask, checkRules, knownTemplates, soundGraph];
