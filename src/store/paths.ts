// Every contract path resolves under one data root, and nothing may leave it:
// partition keys and rendered templates are checked before any file is touched.

import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Pipeline } from '../contract/model.js';
import { TEMPLATE_VARIABLES } from '../contract/templates.js';
import { StateError, UsageError } from '../errors.js';
import type { Partition } from '../schedule/partitions.js';

/** What `{{ name }}` may refer to inside a contract path or command argument. */
export interface TemplateVars {
  ds: string;
  ds_nodash: string;
  /** The interval start's hour in the pipeline's zone, `00`..`23`, for `dt=.../hour=...` layouts. */
  hour: string;
  /** The interval start in the zone without separators, `20260502T130000` (Airflow's ts_nodash). */
  ts_nodash: string;
  partition: string;
  data_interval_start: string;
  data_interval_end: string;
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
}

export const DATA_ROOT_ENV = 'PIPEWRIGHT_DATA_ROOT';

/** The folder under the data root that pipewright owns: run ledger, locks, reports. */
export const STATE_DIR = '_pipewright';

/**
 * `--data-root` wins over PIPEWRIGHT_DATA_ROOT, which wins over the contract's
 * `data_root` (relative to the pipeline folder), then `<pipeline folder>/data`.
 * An `s3://bucket/prefix` address is kept as it is.
 */
export function resolveDataRoot(
  pipeline: Pick<Pipeline, 'dir' | 'dataRoot'>,
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  const chosen = nonEmpty(flag) ?? nonEmpty(env[DATA_ROOT_ENV]);
  const named = chosen ?? nonEmpty(pipeline.dataRoot);
  if (named !== undefined && /[\0\r\n]/.test(named))
    throw new UsageError(`refusing data root ${JSON.stringify(named)}: it contains a line break or NUL`);
  if (named === undefined) return join(pipeline.dir, 'data');
  if (/^s3:\/\//i.test(named)) return named;
  return chosen !== undefined ? resolve(cwd, chosen) : resolve(pipeline.dir, named);
}

/** The template variables of one partition; `ds` is the interval start's date in the pipeline's zone. */
export function templateVars(partition: Partition): TemplateVars {
  // The start carries the zone's offset, so its first ten characters are the local date.
  const ds = partition.dataIntervalStart.slice(0, 10);
  return {
    ds,
    ds_nodash: ds.replaceAll('-', ''),
    hour: partition.dataIntervalStart.slice(11, 13),
    ts_nodash: partition.dataIntervalStart.slice(0, 19).replaceAll('-', '').replaceAll(':', ''),
    partition: partition.key,
    data_interval_start: partition.dataIntervalStart,
    data_interval_end: partition.dataIntervalEnd,
  };
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** Replaces `{{ name }}` / `{{ inputs.NAME }}` / `{{ outputs.NAME }}`; an unknown name is a UsageError. */
export function renderTemplate(template: string, vars: TemplateVars): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = lookup(vars, name);
    if (value === undefined) {
      throw new UsageError(`unknown template variable '{{ ${name} }}' in '${template}' (known: ${knownNames(vars)})`);
    }
    return value;
  });
}

function lookup(vars: TemplateVars, name: string): string | undefined {
  const dot = name.indexOf('.');
  const head = dot < 0 ? name : name.slice(0, dot);
  const tail = dot < 0 ? undefined : name.slice(dot + 1);
  if (tail !== undefined) {
    if (head !== 'inputs' && head !== 'outputs') return undefined;
    const table = vars[head];
    return table && Object.hasOwn(table, tail) ? table[tail] : undefined;
  }
  if (head === 'inputs' || head === 'outputs') return undefined;
  const value = vars[head as keyof TemplateVars];
  return typeof value === 'string' ? value : undefined;
}

function knownNames(vars: TemplateVars): string {
  const names: string[] = [...TEMPLATE_VARIABLES];
  for (const table of ['inputs', 'outputs'] as const) {
    for (const key of Object.keys(vars[table] ?? {})) names.push(`${table}.${key}`);
  }
  return names.join(', ');
}

/**
 * Refuses a value used as one path segment (partition key, dag id, run id) when it
 * could climb out of its folder or hide: `..`, separators, NUL, a leading dot.
 */
export function assertSafeSegment(value: string, what: string): void {
  const problem = segmentProblem(value);
  if (problem !== undefined) {
    throw new UsageError(`refusing ${what} '${printable(value)}': ${problem}, so it could escape the data root`);
  }
}

function segmentProblem(value: string): string | undefined {
  if (value === '') return 'it is empty';
  if (value.includes('\0')) return 'it contains a NUL byte';
  if (value.includes('/')) return "it contains '/'";
  if (value.includes('\\')) return "it contains '\\'";
  if (value.includes('..')) return "it contains '..'";
  if (value.startsWith('.')) return "it starts with '.'";
  return undefined;
}

/** Absolute path of `path` (relative to the root, or absolute) that must lie strictly inside `dataRoot`. */
export function resolveInside(dataRoot: string, path: string): string {
  if (path.includes('\0')) throw new UsageError(`refusing path '${printable(path)}': it contains a NUL byte`);
  const root = resolve(dataRoot);
  const target = resolve(root, path);
  const rel = relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UsageError(`refusing path '${path}': it resolves to ${target}, outside the data root ${root}`);
  }
  return target;
}

/** Path relative to the data root with forward slashes, as recorded in manifests and run records. */
export function relativeToRoot(dataRoot: string, absolute: string): string {
  return relative(resolve(dataRoot), absolute).split(sep).join('/');
}

/**
 * The contract's inputs and outputs of one partition as keys relative to the data
 * root (a folder or a bucket prefix), refused when they would leave it.
 */
export function resolvePartitionKeys(
  pipeline: Pick<Pipeline, 'inputs' | 'outputs'>,
  partition: Partition,
): { inputs: Record<string, string>; outputs: Record<string, string> } {
  // A `from:` input's key is relative to its upstream's data root (the caller knows which store that is).
  const paths = resolvePartitionPaths({ inputs: pipeline.inputs, outputs: pipeline.outputs }, partition, KEY_ROOT);
  const rel = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([name, path]) => [name, relativeToRoot(KEY_ROOT, path)]));
  return { inputs: rel(paths.inputs), outputs: rel(paths.outputs) };
}

// Keys are resolved against a stand-in root: the same rules as paths in a folder, whatever the store.
const KEY_ROOT = resolve('/pipewright-data-root');

/** `path` as a key relative to the data root (normalized), refused when it would leave the root. */
export function keyInsideRoot(path: string): string {
  return relativeToRoot(KEY_ROOT, resolveInside(KEY_ROOT, path));
}

/**
 * The contract's inputs and outputs of one partition as absolute paths inside the data root
 * (a `from:` input inside its upstream's data root).
 */
export function resolvePartitionPaths(
  pipeline: Pick<Pipeline, 'inputs' | 'outputs' | 'from'>,
  partition: Partition,
  dataRoot: string,
): { inputs: Record<string, string>; outputs: Record<string, string> } {
  assertSafeSegment(partition.key, 'partition key');
  const base = templateVars(partition);
  const inputs: Record<string, string> = {};
  for (const [name, template] of Object.entries(pipeline.inputs)) {
    inputs[name] = resolveInside(pipeline.from?.[name]?.dataRoot ?? dataRoot, renderTemplate(template, base));
  }
  const outputs: Record<string, string> = {};
  for (const [name, template] of Object.entries(pipeline.outputs)) {
    outputs[name] = resolveInside(dataRoot, renderTemplate(template, base));
  }
  return { inputs, outputs };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function printable(value: string): string {
  return value.replaceAll('\0', '\\0');
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

function statOf(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The folders of a path template before its first `{{`, e.g. `gold/sales/dt={{ ds }}/x.csv` → gold, gold/sales. */
function fixedFolders(template: string): string[] {
  const fixed = template
    .split('{{')[0]!
    .split('/')
    .slice(0, -1)
    .filter((s) => s !== '' && s !== '.');
  return fixed.map((_, i) => fixed.slice(0, i + 1).join('/'));
}

/**
 * Checks, before anything is written, that the data root can hold this pipeline's
 * files: it is a folder (or does not exist yet), pipewright's own folders are
 * folders, and no symbolic link on the way to a dataset (the fixed folders of
 * each path, and the entries right under the deepest one, such as `dt=...`)
 * leads outside the data root's real path. Paths are checked by text elsewhere;
 * this closes the gap a link would open.
 */
export function assertDataRootUsable(dataRoot: string, pipeline: Pick<Pipeline, 'inputs' | 'outputs'>): void {
  if (/^s3:\/\//i.test(dataRoot)) return; // a bucket is checked when it is opened (src/store/data-root.ts)
  const root = resolve(dataRoot);
  const info = statOf(root);
  if (info === undefined) {
    assertCreatable(root); // created on first write
    return;
  }
  if (!(info.isSymbolicLink() ? statSync(root) : info).isDirectory())
    throw new UsageError(`data root ${root} is not a folder: point --data-root (or ${DATA_ROOT_ENV}) at a folder`);
  const realRoot = realpathSync(root);
  const templates = [...Object.values(pipeline.inputs), ...Object.values(pipeline.outputs)];
  const checked = new Set<string>();
  const check = (path: string) => {
    if (checked.has(path)) return;
    checked.add(path);
    const at = statOf(path);
    if (!at?.isSymbolicLink()) return;
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      target = `${readlinkSync(path)} (missing)`;
    }
    if (!isAbsolute(target) || !inside(realRoot, target))
      throw new StateError(
        `${path} is a link to ${target}, outside the data root ${realRoot}: replace it with a folder, or point --data-root at the real data`,
        path,
      );
  };
  for (const folder of [STATE_DIR, ...['runs', 'locks', 'reports'].map((f) => `${STATE_DIR}/${f}`)]) {
    const path = join(root, folder);
    const at = statOf(path);
    if (at?.isSymbolicLink()) check(path);
    if (at && !(at.isSymbolicLink() ? statSync(path) : at).isDirectory())
      throw new StateError(`${path} is not a folder: pipewright keeps its state there; move it aside`, path);
  }
  for (const template of templates) {
    const folders = fixedFolders(template);
    for (const folder of folders) check(join(root, folder));
    const deepest = join(root, folders.at(-1) ?? '.');
    if (!statOf(deepest)?.isDirectory()) continue;
    for (const name of readdirSync(deepest)) check(join(deepest, name));
  }
}

/** A data root not created yet: its nearest existing ancestor must be a folder (a link to one is fine). */
function assertCreatable(root: string): void {
  let ancestor = dirname(root);
  while (statOf(ancestor) === undefined && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  const fix = `point --data-root (or ${DATA_ROOT_ENV}) at a folder`;
  if (statOf(ancestor)?.isSymbolicLink() && !existsSync(ancestor))
    throw new UsageError(
      `data root ${root} cannot be created: ${ancestor} is a link to ${readlinkSync(ancestor)}, which does not exist: create it, or ${fix}`,
    );
  if (!statSync(ancestor).isDirectory())
    throw new UsageError(`data root ${root} cannot be created: ${ancestor} is not a folder: ${fix}`);
}
