// Reading one run record file, for both ledgers. A truncated, empty, garbage or
// `null` record is a broken state the user must repair: it is refused with one
// line naming the file and the fix, never read as "no runs yet" or left to crash
// deeper in.
import { errorMessage, StateError } from '../errors.js';
import { fromJsonValue } from '../json.js';
import type { RunRecord } from './ledger.js';

/** Turns the parsed JSON object into a RunRecord (the record's serializer plugs in here). */
export type RecordDecoder = (json: Record<string, unknown>) => RunRecord;

// The one serializer's reader: snake_case files (and camelCase ones written before it).
const asRecord: RecordDecoder = (json) => fromJsonValue<RunRecord>(json);

const REQUIRED_STRINGS = ['dagId', 'partition', 'runId', 'state', 'startedAt'] as const;

/** What is missing from a decoded record, or undefined when it has what readers rely on. */
function missingFields(record: RunRecord): string | undefined {
  const fields = record as unknown as Record<string, unknown>;
  const missing: string[] = REQUIRED_STRINGS.filter((key) => typeof fields[key] !== 'string');
  if (!Array.isArray(fields.tasks)) missing.push('tasks');
  return missing.length ? missing.join(', ') : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

function refusal(where: string, fix: string, why: string): StateError {
  return new StateError(`run record ${where} ${why}: ${fix}`, where);
}

/**
 * The run record in `text`. `where` names the file for the message (a path, or
 * `runs/... on branch 'pipewright-state'`); `fix` says how to get past it.
 */
export function parseRunRecord(
  text: string,
  where: string,
  fix = 'move it aside to continue',
  decode: RecordDecoder = asRecord,
): RunRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refusal(where, fix, text.trim() === '' ? 'is empty' : `is not valid JSON (${errorMessage(error)})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw refusal(where, fix, `holds ${describe(value)}, not a run record`);
  let record: RunRecord;
  try {
    record = decode(value as Record<string, unknown>);
  } catch (error) {
    throw refusal(where, fix, `is not a run record (${errorMessage(error)})`);
  }
  const missing = missingFields(record);
  if (missing) throw refusal(where, fix, `is not a run record (no ${missing})`);
  return record;
}
