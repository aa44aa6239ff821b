// Flag parsing over node:util parseArgs that turns its errors into UsageError.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `--partition KEY` names a partition on every command; `--date KEY` stays a silent alias for
 * all of v1. Whichever of the two a command declares, the other is read as it.
 */
function partitionAlias(args: string[], options: Options): string[] {
  const [from, to] = 'partition' in options ? ['date', 'partition'] : 'date' in options ? ['partition', 'date'] : [];
  if (!from) return args;
  return args.map((arg) =>
    arg === `--${from}` ? `--${to}` : arg.startsWith(`--${from}=`) ? `--${to}${arg.slice(from.length + 2)}` : arg,
  );
}

export function parseFlags<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({
      args: partitionAlias(args, options),
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
