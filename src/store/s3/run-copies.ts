// A run's local copies of bucket objects, in a private temp folder of this runner.
// What a run writes streams to disk first (then goes up in one request, while the
// run goes on), and what it reads from the bucket is kept as it streams by, so the
// run's later tasks read a 500 MB bronze from disk instead of GETting it back over
// the network. The bucket stays the truth: a copy is served only while the bucket
// still holds the object with the ETag and size the copy was made from (the caller
// HEADs it), or while this process is still sending it. A copy still downloading can
// be followed by a second reader (`download`), so the run's input checksum and its
// first task share one GET. The folder goes when the run ends; one left by a killed
// process is removed by the next run on this machine.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileGrowth } from '../file-chunks.js';
import { isProcessAlive } from '../pid.js';

const FOLDER_PREFIX = 'pipewright-copies-';

interface LocalCopy {
  file: string;
  etag: string;
  size: number;
}

/** A copy this process is sending to the bucket (or failed to: then `done` holds why). */
interface Sending {
  file: string;
  done: Promise<unknown>;
  failed: boolean;
}

/** A copy being downloaded: followed by other readers of the key until it is whole (file-chunks.ts). */
export class Download implements FileGrowth {
  private status: 'growing' | 'whole' | { stopped: unknown } = 'growing';
  private waiting: Array<{ bytes: number; wake: () => void }> = [];
  private onDisk = 0;
  /** Resolves true once the copy is whole and kept, false if it stopped. */
  readonly whole: Promise<boolean>;
  private settle: (whole: boolean) => void = () => {};

  readonly file: string;
  readonly etag: string;
  readonly size: number;
  private readonly onEnd: (whole: boolean) => void;

  constructor(file: string, etag: string, size: number, onEnd: (whole: boolean) => void) {
    this.file = file;
    this.etag = etag;
    this.size = size;
    this.onEnd = onEnd;
    this.whole = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  state(): 'growing' | 'whole' | { stopped: unknown } {
    return this.status;
  }

  reached(bytes: number): Promise<void> {
    if (this.status !== 'growing' || this.onDisk >= bytes) return Promise.resolve();
    return new Promise((wake) => this.waiting.push({ bytes, wake }));
  }

  /** `bytes` more are on disk. */
  wrote(bytes: number): void {
    this.onDisk += bytes;
    this.wakeUp();
  }

  private wakeUp(): void {
    const ended = this.status !== 'growing';
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) {
      if (ended || this.onDisk >= waiter.bytes) waiter.wake();
      else this.waiting.push(waiter);
    }
  }

  finish(): void {
    this.end('whole');
  }

  stop(reason: unknown): void {
    this.end({ stopped: reason });
  }

  private end(status: 'whole' | { stopped: unknown }): void {
    if (this.status !== 'growing') return;
    this.status = status;
    this.onEnd(status === 'whole');
    this.settle(status === 'whole');
    this.wakeUp();
  }
}

export class RunCopies {
  private folder: string | undefined;
  private readonly copies = new Map<string, LocalCopy>();
  private readonly downloads = new Map<string, Download>();
  /** GETs that will become downloads once the server answers. */
  private readonly starting = new Map<string, Promise<Download | undefined>>();
  private readonly sending = new Map<string, Sending>();
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

  /**
   * Records `file` as what this process is sending to `key` (`upload` resolves to
   * the ETag). Until it is there, the run reads the file as it is; a failed upload
   * leaves no copy and is the error of the next call that waits for the key.
   */
  sendBehind(key: string, file: string, size: number, upload: Promise<string | undefined>): void {
    const entry: Sending = { file, done: Promise.resolve(), failed: false };
    entry.done = upload.then(
      (etag) => {
        if (this.sending.get(key) === entry) this.sending.delete(key);
        this.keep(key, file, etag ?? '', size);
      },
      (error: unknown) => {
        entry.failed = true; // kept, so every later wait for the key gets the reason
        void rm(file, { force: true });
        throw error;
      },
    );
    entry.done.catch(() => {}); // observed by `arrived`
    this.sending.set(key, entry);
  }

  /** The file of `key` while this process is still sending it. */
  sendingFile(key: string): string | undefined {
    const entry = this.sending.get(key);
    return entry && !entry.failed ? entry.file : undefined;
  }

  /** Waits until what this process sends to `key` is in the bucket; its failure is thrown here. */
  async arrived(key: string): Promise<void> {
    await this.sending.get(key)?.done;
  }

  /** Waits for everything this process is sending (failures are left to `arrived`). */
  async allArrived(): Promise<void> {
    await Promise.all([...this.sending.values()].map((s) => s.done.catch(() => {})));
  }

  /**
   * Records that `file` is being downloaded from `key` (the object `etag`, `size` bytes).
   * The caller reports its progress on the Download; once finished it is kept as the copy.
   */
  startDownload(key: string, file: string, etag: string, size: number): Download {
    const download = new Download(file, etag, size, (whole) => {
      if (this.downloads.get(key) === download) this.downloads.delete(key);
      if (whole) this.keep(key, file, etag, size);
    });
    this.downloads.set(key, download);
    return download;
  }

  /**
   * The download of `key` under way (or being started by another reader), or else the
   * right to start it: the claimant then calls `start` with its download (undefined
   * when it made none). Checked and claimed at once, so a key is fetched once at a time.
   */
  claimDownload(
    key: string,
  ): { underWay: Promise<Download | undefined> } | { start(download: Download | undefined): void } {
    const download = this.downloads.get(key);
    if (download?.state() === 'growing') return { underWay: Promise.resolve(download) };
    const starting = this.starting.get(key);
    if (starting) return { underWay: starting };
    let settle: (download: Download | undefined) => void = () => {};
    const promise = new Promise<Download | undefined>((resolve) => {
      settle = resolve;
    });
    this.starting.set(key, promise);
    return {
      start: (started) => {
        if (this.starting.get(key) === promise) this.starting.delete(key);
        settle(started);
      },
    };
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

  /** Forgets the copy of `key` (its object was deleted or replaced), and a failed send to it. */
  drop(key: string): void {
    if (this.sending.get(key)?.failed) this.sending.delete(key);
    const copy = this.copies.get(key);
    if (!copy) return;
    this.copies.delete(key);
    void rm(copy.file, { force: true });
  }

  /** Waits for what is still being sent, then removes the folder with every copy; nothing is kept after. */
  async close(): Promise<void> {
    await this.allArrived();
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
