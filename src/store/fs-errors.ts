// Filesystem failures that are the workspace's state, not a bug: a read-only or
// full data root, a permission, a file where a folder belongs. The edges turn
// them into one line naming the path and the fix (exit 1) instead of a stack.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StateError } from '../errors.js';

const FIX: Record<string, string> = {
  EROFS: 'the file system is read-only: make the data root writable or choose another with --data-root',
  EACCES: 'permission denied: give this user write access to the data root or choose another with --data-root',
  EPERM: 'operation not permitted: give this user write access to the data root or choose another with --data-root',
  ENOSPC: 'the disk is full: free space under the data root and run again',
  EDQUOT: 'the disk quota is exhausted: free space under the data root and run again',
};

/** The nearest existing ancestor of `path` that is not a folder (what ENOTDIR trips over). */
function fileInTheWay(path: string): string | undefined {
  for (let at = dirname(path); at !== dirname(at); at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? undefined : at;
    } catch {
      // does not exist: look further up
    }
  }
  return undefined;
}

/**
 * Why the nearest existing ancestor of `path` cannot be written (EROFS, EACCES), if so:
 * a recursive mkdir on a read-only file system reports ENOENT for the folder it could not make.
 */
function unwritableAncestor(path: string): { at: string; code: string } | undefined {
  for (let at = dirname(path); at !== dirname(at); at = dirname(at)) {
    if (!existsSync(at)) continue;
    try {
      accessSync(at, constants.W_OK);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code && FIX[code] ? { at, code } : undefined;
    }
  }
  return undefined;
}

/** A StateError for a Node filesystem error with a path, or undefined for anything else. */
export function stateErrorFromFs(error: unknown): StateError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string') return undefined;
  const fix = FIX[code];
  if (fix) return new StateError(`${path}: ${fix}`, path);
  if (code === 'ENOTDIR') {
    const file = fileInTheWay(path) ?? path;
    return new StateError(`${file} is a file where pipewright needs a folder: move it aside and run again`, file);
  }
  if (code === 'ENOENT' && (error as NodeJS.ErrnoException).syscall === 'mkdir') {
    const blocked = unwritableAncestor(path);
    if (blocked) return new StateError(`${blocked.at}: ${FIX[blocked.code]}`, blocked.at);
  }
  if (code === 'EISDIR')
    return new StateError(`${path} is a folder where pipewright needs a file: move it aside and run again`, path);
  return undefined;
}
