// GitHub refuses a job matrix of more than 256 entries, so a long plan is cut
// into contiguous chunks: every key exactly once, in plan order, chunk sizes
// differing by at most one.

export interface MatrixEntry {
  /** The key, or `first..last` for a chunk of several. */
  label: string;
  /** Space-separated partition keys, in plan order. */
  partitions: string;
}

export const GITHUB_MATRIX_LIMIT = 256;

export function toMatrix(keys: string[], maxEntries = GITHUB_MATRIX_LIMIT): { include: MatrixEntry[] } {
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new RangeError(`maxEntries must be a positive integer (got ${maxEntries})`);
  const entries = Math.min(keys.length, maxEntries);
  const base = Math.floor(keys.length / entries);
  const larger = keys.length % entries; // the first `larger` chunks take one extra key
  const include: MatrixEntry[] = [];
  let at = 0;
  for (let i = 0; i < entries; i++) {
    const chunk = keys.slice(at, at + base + (i < larger ? 1 : 0));
    at += chunk.length;
    const label = chunk.length === 1 ? chunk[0]! : `${chunk[0]}..${chunk[chunk.length - 1]}`;
    include.push({ label, partitions: chunk.join(' ') });
  }
  return { include };
}
