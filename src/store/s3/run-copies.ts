// A run's local copies of bucket objects, in a private temp folder of this runner.
// What a run writes streams to disk first (then goes up in one request), and what
// it reads from the bucket is kept as it streams by, so the run's later tasks read
// a 500 MB bronze from disk instead of GETting it back over the network. The
// bucket stays the truth: a copy is served only while the bucket still holds the
// object with the ETag and size the copy was made from (the caller HEADs it), and
// only by the process that made it. The folder goes when the run ends; one left by
// a killed process is removed by the next run on this machine.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../pid.js';

const FOLDER_PREFIX = 'pipewright-copies-';

interface LocalCopy {
  file: string;
  etag: string;
  size: number;
}

export class RunCopies {
  private folder: string | undefined;
  private readonly copies = new Map<string, LocalCopy>();
  private next = 0;
  private closed = false;
  private readonly parent: string;

  /** `parent`: where the run's folder is made (default: the system temp folder). */
  constructor(parent: string = tmpdir()) {
    this.parent = parent;
  }

  /** The run's folder, made on first use (after removing those of dead processes). */
  get dir(): string | undefined {
    return this.folder;
  }

  /** False once the run ended: nothing more is kept. */
  get active(): boolean {
    return !this.closed;
  }

  /** A new file name in the run's folder, for a copy being made. */
  newFile(): string {
    if (this.closed) throw new Error('the run has ended: its local copies are gone');
    if (this.folder === undefined) {
      removeAbandoned(this.parent);
      this.folder = mkdtempSync(join(this.parent, `${FOLDER_PREFIX}${process.pid}-`));
    }
    return join(this.folder, String(++this.next));
  }

  /** Records `file` as the copy of `key` as the bucket holds it now (`etag`, `size`). */
  keep(key: string, file: string, etag: string, size: number): void {
    if (this.closed || etag === '') {
      void rm(file, { force: true });
      return;
    }
    const old = this.copies.get(key);
    if (old && old.file !== file) void rm(old.file, { force: true });
    this.copies.set(key, { file, etag, size });
  }

  /** True when there is a copy of `key` to ask the bucket about. */
  has(key: string): boolean {
    return this.copies.has(key);
  }

  /**
   * The copy's file when the bucket's object (`current`, from a HEAD) is the one it
   * was made from and the file still has all its bytes; otherwise the copy is dropped.
   */
  async match(key: string, current: { etag: string; size: number } | undefined): Promise<string | undefined> {
    const copy = this.copies.get(key);
    if (!copy) return undefined;
    const size = await stat(copy.file).then(
      (s) => s.size,
      () => -1,
    );
    if (current && current.etag === copy.etag && current.size === copy.size && size === copy.size) return copy.file;
    this.drop(key);
    return undefined;
  }

  /** Forgets the copy of `key` (its object was deleted or replaced). */
  drop(key: string): void {
    const copy = this.copies.get(key);
    if (!copy) return;
    this.copies.delete(key);
    void rm(copy.file, { force: true });
  }

  /** Removes the folder with every copy; nothing is kept after. */
  async close(): Promise<void> {
    this.closed = true;
    this.copies.clear();
    if (this.folder !== undefined) await rm(this.folder, { recursive: true, force: true });
  }
}

/** Folders left by runs that were killed (their process is gone). */
function removeAbandoned(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const pid = Number(name.slice(FOLDER_PREFIX.length).split('-')[0]);
    if (pid !== process.pid && !isProcessAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
