// The repository a pipeline belongs to: handler modules must stay inside it.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findUp(start: string, marker: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, marker))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The git top level above `start`, else the nearest folder with a package.json; undefined without either. */
export function findRepository(start: string): string | undefined {
  return findUp(start, '.git') ?? findUp(start, 'package.json');
}

/** The git top level above `start`, else the nearest folder with a package.json, else `start`. */
export function findRepoRoot(start: string): string {
  return findRepository(start) ?? resolve(start);
}
