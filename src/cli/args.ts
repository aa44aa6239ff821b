// Flag parsing over node:util parseArgs that turns its errors into UsageError.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * One word per concept, old words kept for all of v1: `--partition KEY` names a partition on
 * every command (`--date KEY` is a silent alias), `--pipelines-dir DIR` names the folder of
 * contracts as the actions' `pipelines-dir` input does (`--pipelines DIR` is a silent alias).
 * Whichever of a pair a command declares, the other is read as it.
 */
const ALIASES: Array<[string, string]> = [
  ['partition', 'date'],
  ['pipelines-dir', 'pipelines'],
];

function applyAliases(args: string[], options: Options): string[] {
  let out = args;
  for (const [a, b] of ALIASES) {
    const [from, to] = a in options ? [b, a] : b in options ? [a, b] : [];
    if (!from || !to) continue;
    out = out.map((arg) =>
      arg === `--${from}` ? `--${to}` : arg.startsWith(`--${from}=`) ? `--${to}${arg.slice(from.length + 2)}` : arg,
    );
  }
  return out;
}

/** Where the contracts and the data are: every pipeline command takes both (`--pipelines-dir` too, see ALIASES). */
export const WORKSPACE_FLAGS = {
  'data-root': { type: 'string' },
  pipelines: { type: 'string' },
} as const;

export function parseFlags<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({
      args: applyAliases(args, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** Reads an optional enum flag, refusing values outside `allowed`. */
export function oneOf<const A extends readonly string[]>(
  value: unknown,
  allowed: A,
  flag: string,
  fallback: A[number],
): A[number] {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as A[number];
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${String(value)}')`);
}

/** Reads a positive integer flag. */
export function positiveInt(value: unknown, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${flag} must be a positive integer (got '${String(value)}')`);
  return n;
}

/** The one `<dag_id>` positional a pipeline command takes. */
export function dagIdArgument(positionals: string[], usage: string): string {
  const [dagId, ...extra] = positionals;
  if (dagId === undefined) throw new UsageError(`missing <dag_id>\n${usage}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'\n${usage}`);
  return dagId;
}
