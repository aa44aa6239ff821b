// Where validate's cache lives, apart from the cache itself: validate's action
// entry looks for it before the rest of the action loads (actions/validate/early-probe.ts).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// 2: handlers kept with their task's index, not their position.
export const FORMAT = 2;
/** The cache's file in its folder: a new format starts an empty one. */
export const CACHE_FILE = `validate-v${FORMAT}.json`;

/** The folder a repository keeps its tool caches in: node_modules/.cache/pipewright beside the nearest package.json. */
export function defaultCacheDir(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'node_modules', '.cache', 'pipewright');
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
