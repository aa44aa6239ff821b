// Where a contract's paths may point. Dataset and sensor paths stay inside the
// data root and out of pipewright's own `_pipewright/` folder (the ledger, locks
// and reports: an output there breaks every later run); one output per path, and
// never over an input. Handler modules and command working folders stay inside
// the pipeline folder. All of this is checked on the text, before anything runs.
import { posix } from 'node:path';
import { STATE_DIR } from '../store/paths.js';
import { isRecord, type Raw, type Rule } from './rules.js';
import type { PathSegment } from './source.js';

/** Why `normalized` (a posix path relative to its base) escapes the base, or undefined. */
function escapeProblem(text: string, normalized: string, base: string): string | undefined {
  if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.startsWith('\\'))
    return `is absolute: write it relative to the ${base}`;
  if (text.includes('\\')) return "contains '\\': use '/' between folders";
  if (normalized === '..' || normalized.startsWith('../')) return `climbs out of the ${base} with '..': keep it inside`;
  return undefined;
}

function normalize(text: string): string {
  return posix.normalize(text).replace(/\/+$/, '');
}

/** A data-root path's problem: outside the root, the root itself, or inside `_pipewright/`. */
function dataPathProblem(text: string): string | undefined {
  const normalized = normalize(text);
  const outside = escapeProblem(text, normalized, 'data root');
  if (outside) return outside;
  if (normalized === '.' || normalized === '') return 'is the data root itself: name a file inside it';
  const head = normalized.split('/')[0]!;
  if (head.toLowerCase() === STATE_DIR)
    return `is inside ${STATE_DIR}/, where pipewright keeps its ledger, locks and reports: choose another folder`;
  return undefined;
}

/** `{{ inputs.x }}` / `{{ outputs.x }}` replaced by the dataset's own template, to check what a task path reaches. */
function expandDatasets(text: string, data: Raw): string {
  return text.replace(/\{\{\s*(inputs|outputs)\.([^}\s]+)\s*\}\}/g, (whole, group: string, name: string) => {
    const map = data[group];
    const value = isRecord(map) ? map[name] : undefined;
    return typeof value === 'string' ? value : whole;
  });
}

const datasetPaths: Rule = (data, source, out) => {
  const seen = new Map<string, { group: string; name: string }>();
  for (const group of ['inputs', 'outputs'] as const) {
    const map = data[group];
    if (!isRecord(map)) continue;
    for (const [name, value] of Object.entries(map)) {
      if (typeof value !== 'string' || value === '') continue;
      const problem = dataPathProblem(value);
      if (problem) {
        out.push(source.diagnostic([group, name], `${group.slice(0, -1)} '${name}' path '${value}' ${problem}`));
        continue;
      }
      const key = normalize(value);
      const first = seen.get(key);
      if (first && group === 'outputs') {
        const what = first.group === 'inputs' ? `input '${first.name}'` : `output '${first.name}'`;
        const line = source.locate([first.group, first.name]).line;
        out.push(
          source.diagnostic(
            [group, name],
            `output '${name}' has the same path as ${what} (line ${line}): a run would overwrite it; give each output its own path`,
          ),
        );
      } else if (!first) seen.set(key, { group, name });
    }
  }
};

function tasksOf(data: Raw): Array<{ task: Raw; index: number }> {
  if (!Array.isArray(data.tasks)) return [];
  return data.tasks.flatMap((task: unknown, index) => (isRecord(task) ? [{ task, index }] : []));
}

const taskPaths: Rule = (data, source, out) => {
  const push = (path: PathSegment[], message: string) => out.push(source.diagnostic(path, message));
  for (const { task, index } of tasksOf(data)) {
    if (isRecord(task.sensor) && typeof task.sensor.path === 'string' && task.sensor.path !== '') {
      const problem = dataPathProblem(expandDatasets(task.sensor.path, data));
      if (problem) push(['tasks', index, 'sensor', 'path'], `sensor path '${task.sensor.path}' ${problem}`);
    }
    if (typeof task.handler === 'string' && task.handler.includes('#')) {
      const module = task.handler.slice(0, task.handler.lastIndexOf('#'));
      const problem = escapeProblem(module, normalize(module), 'pipeline folder');
      if (problem) push(['tasks', index, 'handler'], `handler module '${module}' ${problem}`);
    }
    if (typeof task.cwd === 'string') {
      const problem = escapeProblem(task.cwd, normalize(task.cwd), 'pipeline folder');
      if (problem) push(['tasks', index, 'cwd'], `cwd '${task.cwd}' ${problem}`);
    }
  }
};

export const pathRules: Rule[] = [datasetPaths, taskPaths];

/** True when a handler module path passed `pathRules` (relative, inside the pipeline folder). */
export function handlerModuleInside(module: string): boolean {
  return escapeProblem(module, normalize(module), 'pipeline folder') === undefined;
}
