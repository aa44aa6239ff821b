// Atomic publication of one file under the data root: write a temporary file in
// the target's own folder, fsync it, rename it over the target, fsync the folder.
// rename(2) within one folder swaps the name in one step, so a reader sees the
// old file or the new one, never a half-written one; a writer killed midway
// leaves only a hidden temp file, which the next write to that folder sweeps.

import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { AtomicFile, AtomicWriter, WriteResult } from '../run/context.js';
import { isCode, withPath } from './errno.js';
import { resolveInside } from './paths.js';
import { isProcessAlive } from './pid.js';
import { rowCounterFor } from './rows.js';
import { writeAll } from './write-all.js';

export interface AtomicWriterOptions {
  /** A temp file untouched this long is swept even if its writer's pid looks alive (pid reuse). */
  staleAfterMs?: number;
}

type Chunk = string | Uint8Array;

const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{12}$/;
const DEFAULT_STALE_AFTER_MS = 60 * 60 * 1000;
// Small writes (a CSV row at a time) are gathered so each syscall moves a useful amount.
const FLUSH_BYTES = 1 << 20;
// A big file is flushed to disk in the background every so often while it is written, so the
// fsync of its commit waits only for the last stretch (500 MB at once took ~0.3 s).
const EARLY_SYNC_BYTES = 64 << 20;

/** The hidden temp name used while `target` is being written: `.<name>.tmp-<pid>-<random>`. */
export function tempNameFor(target: string): string {
  return `.${basename(target)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** True for names `tempNameFor` makes: never listed in manifests, swept when stale. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

export function createAtomicWriter(dataRoot: string, options: AtomicWriterOptions = {}): AtomicWriter {
  const root = resolve(dataRoot);
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const openFile = async (path: string) => openAtomic(resolveInside(root, path), staleAfterMs);
  return {
    open: openFile,
    async writeFile(path, data) {
      const file = await openFile(path);
      try {
        for await (const chunk of chunksOf(data)) await file.write(chunk);
        return await file.commit();
      } catch (error) {
        await file.abort();
        throw error;
      }
    },
  };
}

/** Removes temp files in `dir` left by dead processes, or untouched for `staleAfterMs`. */
export async function sweepStaleTemps(dir: string, staleAfterMs = DEFAULT_STALE_AFTER_MS): Promise<string[]> {
  const swept: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return swept;
    throw error;
  }
  const now = Date.now();
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    const path = join(dir, name);
    try {
      const abandoned = pid !== process.pid && !isProcessAlive(pid);
      if (abandoned || now - (await stat(path)).mtimeMs > staleAfterMs) {
        await unlink(path);
        swept.push(path);
      }
    } catch (error) {
      // Another writer swept it first.
      if (!isCode(error, 'ENOENT')) throw error;
    }
  }
  return swept;
}

async function openAtomic(target: string, staleAfterMs: number): Promise<AtomicFile> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  await sweepStaleTemps(dir, staleAfterMs);
  const temp = join(dir, tempNameFor(target));
  const handle = await open(temp, 'wx');
  const hash = createHash('sha256');
  // Counted as written, so publishing needs no second read of a large output.
  const rows = rowCounterFor(target);
  let bytes = 0;
  // Small writes gather in one buffer, reused from flush to flush: no allocation per write.
  let pending: Uint8Array | undefined;
  let pendingBytes = 0;
  // Writes take turns, so one not awaited still lands in order and never fills the buffer being written.
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown;
  let state: 'open' | 'committed' | 'aborted' = 'open';
  let unsynced = 0;
  /** A background fdatasync in flight. */
  let syncing: Promise<void> | undefined;

  const written = (n: number) => {
    unsynced += n;
    if (unsynced < EARLY_SYNC_BYTES || syncing !== undefined) return;
    unsynced = 0;
    syncing = handle
      .datasync()
      // Kept for the commit: Linux reports a writeback error to one fsync only, this one.
      .catch((error: unknown) => {
        failure ??= withPath(error, temp);
      })
      .finally(() => {
        syncing = undefined;
      });
  };
  const flush = async () => {
    if (pendingBytes === 0 || pending === undefined) return;
    const length = pendingBytes;
    pendingBytes = 0;
    await writeTemp(handle, pending.subarray(0, length), temp);
    written(length);
  };
  const put = async (chunk: Chunk) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (buffer.byteLength === 0) return;
    hash.update(buffer);
    rows.add(buffer);
    bytes += buffer.byteLength;
    if (pendingBytes + buffer.byteLength > FLUSH_BYTES) await flush();
    if (buffer.byteLength >= FLUSH_BYTES) {
      // A big chunk goes to the file as it is, written before write() resolves.
      await writeTemp(handle, buffer, temp);
      written(buffer.byteLength);
      return;
    }
    // Copied: the caller may reuse its buffer once write() resolves.
    pending ??= new Uint8Array(FLUSH_BYTES);
    pending.set(buffer, pendingBytes);
    pendingBytes += buffer.byteLength;
    if (pendingBytes === FLUSH_BYTES) await flush();
  };
  const assertOpen = () => {
    if (state !== 'open') throw new Error(`atomic write of ${target} is already ${state}`);
  };

  return {
    async write(chunk: Chunk) {
      assertOpen();
      const done = queue.then(() => put(chunk));
      // A failed write fails the commit too, even when its own promise went unobserved.
      queue = done.catch((error: unknown) => {
        failure ??= error;
      });
      await done;
    },
    async commit(): Promise<WriteResult> {
      assertOpen();
      state = 'committed';
      try {
        await queue;
        if (failure !== undefined) throw failure;
        await flush();
        await syncing;
        if (failure !== undefined) throw failure;
        await handle.sync();
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        await syncing;
        await handle.close().catch(() => {});
        await unlink(temp).catch(() => {});
        throw error;
      }
      await syncDir(dir);
      return { path: target, bytes, rows: rows.total(), sha256: hash.digest('hex') };
    },
    async abort() {
      if (state !== 'open') return;
      state = 'aborted';
      await syncing;
      await handle.close().catch(() => {});
      await unlink(temp).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw error;
      });
    },
  };
}

/** Writes all of `buffer`; a failure names the temp file. */
async function writeTemp(handle: FileHandle, buffer: Uint8Array, path: string): Promise<void> {
  try {
    await writeAll(handle, buffer);
  } catch (error) {
    throw withPath(error, path);
  }
}

/** Makes the rename itself durable; some platforms cannot open a folder for fsync, which is fine there. */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isCode(error, 'EISDIR') && !isCode(error, 'EPERM') && !isCode(error, 'EINVAL')) throw error;
  } finally {
    await handle?.close();
  }
}

async function* chunksOf(data: Chunk | Iterable<Chunk> | AsyncIterable<Chunk>): AsyncGenerator<Chunk, void, undefined> {
  // Strings and byte arrays are iterable too, but element by element: treat them as one chunk.
  if (typeof data === 'string' || data instanceof Uint8Array) {
    yield data;
    return;
  }
  yield* data;
}
