// Action inputs and outputs: typed readers that turn a bad value into one
// UsageError naming the input, the value and what would work (the names are in
// names.ts).

import { MAX_DURATION_MS, parseDuration } from '../../contract/duration.js';
import { UsageError } from '../../errors.js';
import * as core from '../../github/core.js';
import type { INPUT, OUTPUT } from './names.js';

export { INPUT, OUTPUT } from './names.js';

type InputName = (typeof INPUT)[keyof typeof INPUT];
type OutputName = (typeof OUTPUT)[keyof typeof OUTPUT];

/** The trimmed value; a required input that is empty is a UsageError. */
export function readString(name: InputName, options: { required?: boolean; fallback?: string } = {}): string {
  const value = core.getInput(name);
  if (value === '' && options.required) throw new UsageError(`input '${name}' is required`);
  return value === '' ? (options.fallback ?? '') : value;
}

const renamedWarned = new Set<string>();

/**
 * An input renamed for one vocabulary: the new name wins; the old one still works for all
 * of v1, with one warning per step (action.yml marks it deprecated too).
 */
export function readRenamed(name: InputName, old: InputName): string {
  const value = core.getInput(name);
  if (value !== '') return value;
  const legacy = core.getInput(old);
  if (legacy !== '' && !renamedWarned.has(old)) {
    renamedWarned.add(old);
    core.warning(`input '${old}' is now '${name}': rename it in your workflow (the old name works for all of v1)`);
  }
  return legacy;
}

/** "true" or "false" only (empty takes the fallback): "yes" is refused, not read as false. */
export function readBoolean(name: InputName, fallback: boolean): boolean {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`input '${name}' must be "true" or "false" (got ${JSON.stringify(value)})`);
}

export function readEnum<T extends string>(name: InputName, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input '${name}' must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

/** A positive whole number, or undefined when empty (`old`: the name it had before, still read). */
export function readPositiveInt(name: InputName, old?: InputName): number | undefined {
  const value = old ? readRenamed(name, old) : core.getInput(name);
  if (value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`input '${name}' must be a positive whole number (got ${JSON.stringify(value)})`);
  return Number(value);
}

/** A duration such as 5s, 500ms or 2m, in milliseconds. */
export function readDuration(name: InputName, fallbackMs: number): number {
  const value = core.getInput(name);
  if (value === '') return fallbackMs;
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0 || ms > MAX_DURATION_MS)
    throw new UsageError(
      `input '${name}' must be a duration like 5s, 500ms or 2m, at most 24.8 days (got ${JSON.stringify(value)})`,
    );
  return ms;
}

/** A JSON list of strings (e.g. the plan's `partitions` output). */
export function readStringList(name: InputName): string[] {
  const value = core.getInput(name);
  if (value === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new UsageError(
      `input '${name}' must be a JSON list of strings, e.g. ["2026-05-01"] (got ${JSON.stringify(value)})`,
    );
  }
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string'))
    throw new UsageError(
      `input '${name}' must be a JSON list of strings, e.g. ["2026-05-01"] (got ${JSON.stringify(value)})`,
    );
  return parsed;
}

export function setOutput(name: OutputName, value: string | number | boolean): void {
  core.setOutput(name, typeof value === 'string' ? value : String(value));
}
