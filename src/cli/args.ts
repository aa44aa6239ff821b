// Flag parsing over node:util parseArgs that turns its errors into UsageError.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({
      args,
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
