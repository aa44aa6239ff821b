// Reading one run record file, for both ledgers. A truncated, empty, garbage or
// `null` record is a broken state the user must repair: it is refused with one
// line naming the file and the fix, never read as "no runs yet" or left to crash
// deeper in.
import { StateError } from '../errors.js';
import type { RunRecord } from './ledger.js';

const REQUIRED_STRINGS = ['dagId', 'partition', 'runId', 'state', 'startedAt'] as const;

/** Why the parsed value is not a run record, or undefined when it looks like one. */
function shapeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `holds ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a run record`;
  const record = value as Record<string, unknown>;
  const missing = REQUIRED_STRINGS.filter((key) => typeof record[key] !== 'string');
  if (missing.length) return `is not a run record (no ${missing.join(', ')})`;
  if (!Array.isArray(record.tasks)) return 'is not a run record (no task list)';
  return undefined;
}

/**
 * The run record in `text`. `where` names the file for the message: a path, or
 * `runs/... on branch pipewright-state`; `fix` says how to get past it.
 */
export function parseRunRecord(text: string, where: string, fix = 'move it aside to continue'): RunRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = text.trim() === '' ? 'is empty' : `is not valid JSON (${(error as Error).message})`;
    throw new StateError(`run record ${where} ${why}: ${fix}`, where);
  }
  const problem = shapeProblem(value);
  if (problem) throw new StateError(`run record ${where} ${problem}: ${fix}`, where);
  return value as RunRecord;
}
