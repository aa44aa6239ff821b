// Runs the JSON Schema over a parsed contract and words each violation as a
// located diagnostic: unknown keys name the closest known key, patterns say
// what was expected.
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './model.js';
// Compiled ahead of time (schema-validator-code.ts): starting a process compiles nothing.
import { validate } from './schema-validator.js';
import type { ContractSource, PathSegment } from './source.js';
import { didYouMean } from './suggest.js';

/** `/tasks/0/retries` -> ['tasks', 0, 'retries']. */
function toPath(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `tasks[2].retries` for messages; the location says exactly where. */
export function labelOf(path: readonly PathSegment[]): string {
  let label = '';
  for (const s of path) label += typeof s === 'number' ? `[${s}]` : label ? `.${s}` : s;
  return label || 'the contract';
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

function word(
  error: ErrorObject,
  path: PathSegment[],
): { path: PathSegment[]; message: string; key?: boolean } | undefined {
  const label = labelOf(path);
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((schema?.properties as object | undefined) ?? {});
      const where = path.length ? ` in ${label}` : '';
      return { path: [...path, key], key: true, message: `unknown key '${key}'${where}${didYouMean(key, known)}` };
    }
    case 'required':
      return {
        path,
        message: `missing required key '${String(params.missingProperty)}'${path.length ? ` in ${label}` : ''}`,
      };
    case 'type': {
      const types = String(params.type).split(',');
      return {
        path,
        message: `${label} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')} (got ${show(error.data)})`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { path, message: `${label} must be one of ${allowed} (got ${show(error.data)})` };
    }
    case 'minimum':
      return {
        path,
        message:
          params.limit === 0
            ? `${label} must be a non-negative integer (got ${show(error.data)})`
            : `${label} must be at least ${String(params.limit)} (got ${show(error.data)})`,
      };
    case 'maximum':
      return { path, message: `${label} must be at most ${String(params.limit)} (got ${show(error.data)})` };
    case 'minItems':
      return {
        path,
        message: `${label} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
      };
    case 'minLength':
      return { path, message: `${label} must not be empty` };
    case 'minProperties':
      return { path, message: `${label} must not be empty` };
    case 'uniqueItems':
      return { path, message: `${label} lists ${show((error.data as unknown[])[Number(params.j)])} twice` };
    case 'pattern': {
      if (error.schema === '\\S') return { path, message: `${label} must not be empty` };
      const expected = schema?.['x-expected'];
      const name = typeof (error as { propertyName?: string }).propertyName === 'string';
      if (name) {
        const key = (error as { propertyName?: string }).propertyName as string;
        return {
          path: [...path, key],
          key: true,
          message: `'${key}' is not a valid name: expected ${String(expected)}`,
        };
      }
      return {
        path,
        message: `${label}: ${show(error.data)} is not ${typeof expected === 'string' ? expected : `valid (must match ${String(error.schema)})`}`,
      };
    }
    case 'propertyNames':
      return undefined; // reported by the inner error, at the key
    default:
      return { path, message: `${label} ${error.message ?? 'is invalid'}` };
  }
}

export function schemaDiagnostics(source: ContractSource): Diagnostic[] {
  if (validate(source.data)) return [];
  const out: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    const worded = word(error, toPath(error.instancePath));
    if (worded) out.push(source.diagnostic(worded.path, worded.message, { target: worded.key ? 'key' : 'value' }));
  }
  return out;
}
