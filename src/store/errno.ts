// Node's filesystem errors carry their errno name in `code`.

/** True when `error` is a Node system error with this code (ENOENT, EEXIST, ...). */
export function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
