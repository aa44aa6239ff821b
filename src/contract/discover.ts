// Which pipeline.yml files a `validate PATH ...` means: folders are searched
// recursively, files are taken as given.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export const CONTRACT_FILE = 'pipeline.yml';
const SKIP = new Set(['node_modules', 'data', 'dist']);

async function walk(dir: string, found: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIP.has(entry.name)) await walk(join(dir, entry.name), found);
    } else if (entry.name === CONTRACT_FILE) found.push(join(dir, entry.name));
  }
}

/** Absolute contract paths under `paths`, sorted and without duplicates; a path that does not exist is a usage error. */
export async function discoverContracts(paths: string[], cwd = process.cwd()): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`no such file or folder: ${path}`);
    if (info.isDirectory()) {
      const before = found.length;
      await walk(absolute, found);
      if (found.length === before) throw new UsageError(`no ${CONTRACT_FILE} found under ${path}`);
    } else found.push(absolute);
  }
  return [...new Set(found)].sort();
}
