// Which pipeline.yml files a `validate PATH ...` means: folders are searched
// recursively, files are taken as given. Read synchronously: a thousand folders
// take 8 ms so, 60 ms and more awaiting each listing.
import { readdirSync, type Stats, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export const CONTRACT_FILE = 'pipeline.yml';
const SKIP = new Set(['node_modules', 'data', 'dist']);

function walk(dir: string, found: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIP.has(entry.name)) walk(join(dir, entry.name), found);
    } else if (entry.name === CONTRACT_FILE) found.push(join(dir, entry.name));
  }
}

function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Absolute contract paths under `paths`, sorted and without duplicates; a path that does not exist is a usage error. */
export async function discoverContracts(paths: string[], cwd = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = statOrNothing(absolute);
    if (!info) throw new UsageError(`no such file or folder: ${path}`);
    if (info.isDirectory()) {
      const before = found.length;
      walk(absolute, found);
      if (found.length === before) throw new UsageError(`no ${CONTRACT_FILE} found under ${path}`);
    } else found.push(absolute);
  }
  return [...new Set(found)].sort();
}
