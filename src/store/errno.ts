// Node's filesystem errors carry their errno name in `code`.

/**
 * `error` with `path` set when Node left it out (writes through a file handle report
 * ENOSPC without one), so the edge can name the file in its one line.
 */
export function withPath(error: unknown, path: string): unknown {
  const e = error as NodeJS.ErrnoException | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string' && e.path === undefined) e.path = path;
  return error;
}

/** True when `error` is a Node system error with this code (ENOENT, EEXIST, ...). */
export function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
