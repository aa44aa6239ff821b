// The filesystem as an ObjectStore: a key is a path under the root folder. Writes
// go through the atomic writer (temp file, fsync, rename), so an object appears
// whole or not at all; a copy is a hard link renamed into place, so versions and
// publishes move no bytes. Metadata is not kept on the filesystem: the records
// and manifests carry every checksum, and metadata is only ever a shortcut.

import { createReadStream } from 'node:fs';
import {
  copyFile,
  type FileHandle,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
} from 'node:fs/promises';
import { dirname, join, posix, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { createAtomicWriter, isTempName, tempNameFor } from './atomic.js';
import { ASIDE_FROM_BYTES, checksumFileAside } from './checksum-aside.js';
import { isCode } from './errno.js';
import { fileChunks } from './file-chunks.js';
import type { FileChecksum } from './ledger.js';
import {
  type ListOptions,
  type ObjectBody,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStore,
  PreconditionFailedError,
  type ReadOptions,
  type WriteOptions,
} from './object-store.js';
import { relativeToRoot, resolveInside } from './paths.js';

export class FsObjectStore implements ObjectStore {
  readonly kind = 'fs' as const;
  readonly url: string;
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.url = this.root;
  }

  /** Absolute path of a key; refuses keys that leave the root. */
  pathOf(key: string): string {
    return resolveInside(this.root, key);
  }

  keyOf(path: string): string {
    return relativeToRoot(this.root, path);
  }

  describe(key: string): string {
    return this.pathOf(key);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const path = this.pathOf(key);
    try {
      const info = await stat(path);
      return info.isFile() ? infoOf(key, info) : undefined;
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    // Opened first, so a missing object fails here rather than on the first chunk.
    return createReadStream('', { fd: await this.#open(key), highWaterMark: 1 << 20, autoClose: true });
  }

  async #open(key: string): Promise<FileHandle> {
    const path = this.pathOf(key);
    return open(path, 'r').catch((error: unknown) => {
      if (isCode(error, 'ENOENT') || isCode(error, 'EISDIR')) throw new ObjectNotFoundError(key, path);
      throw error;
    });
  }

  /**
   * The object's bytes in chunks of one reused buffer, each valid until the next is asked for:
   * for readers that copy what they keep (a scan, a checksum), with no allocation per chunk.
   */
  async *readChunks(key: string, options: ReadOptions = {}): AsyncGenerator<Uint8Array> {
    yield* fileChunks(await this.#open(key), options.signal);
  }

  async checksum(key: string): Promise<Omit<FileChecksum, 'path'> | undefined> {
    const size = (await this.head(key))?.size;
    return size !== undefined && size >= ASIDE_FROM_BYTES ? checksumFileAside(this.pathOf(key), key) : undefined;
  }

  async readText(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(key), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
  }

  async write(key: string, body: ObjectBody, options: WriteOptions = {}): Promise<ObjectInfo> {
    const path = this.pathOf(key);
    if (options.ifNoneMatch === undefined && options.ifMatch === undefined) {
      await createAtomicWriter(this.root).writeFile(path, body);
      return (await this.head(key)) as ObjectInfo;
    }
    // Conditional: write the temp beside the target, then link (fails when it exists) or check and rename.
    const dir = dirname(path);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, tempNameFor(path));
    await createAtomicWriter(this.root).writeFile(temp, body);
    try {
      if (options.ifNoneMatch === '*') {
        await link(temp, path).catch((error: unknown) => {
          if (isCode(error, 'EEXIST')) throw new PreconditionFailedError(key);
          throw error;
        });
      } else {
        const current = await this.head(key);
        if (current?.etag !== options.ifMatch) throw new PreconditionFailedError(key);
        await rename(temp, path);
      }
    } finally {
      await unlink(temp).catch(() => {});
    }
    return (await this.head(key)) as ObjectInfo;
  }

  async copy(from: string, to: string): Promise<ObjectInfo> {
    const source = this.pathOf(from);
    const target = this.pathOf(to);
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), tempNameFor(target));
    try {
      await link(source, temp);
    } catch (error) {
      if (isCode(error, 'ENOENT')) throw new ObjectNotFoundError(from, source);
      // Links refused (another device, a filesystem without them): the bytes are copied.
      if (!isCode(error, 'EPERM') && !isCode(error, 'EXDEV') && !isCode(error, 'ENOTSUP')) throw error;
      await copyFile(source, temp);
    }
    await rename(temp, target);
    return (await this.head(to)) as ObjectInfo;
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: unknown) => {
      if (!isCode(error, 'ENOENT') && !isCode(error, 'ENOTDIR')) throw error;
    });
  }

  /** `deletePrefix` for a folder prefix (`dir/`): the folder goes too, not only its files. */
  async removeTree(prefix: string): Promise<void> {
    if (!prefix.endsWith('/')) {
      for await (const info of this.list(prefix)) await this.delete(info.key);
      return;
    }
    await rm(this.pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ObjectInfo> {
    // The deepest folder the prefix names for sure; keys under it are filtered by the whole prefix.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const start = folder === '' ? this.root : this.pathOf(folder);
    const keys: string[] = [];
    await walk(start, folder, keys);
    keys.sort();
    const after = options.startAfter;
    for (const key of keys) {
      if (!key.startsWith(prefix) || (after !== undefined && key <= after)) continue;
      const info = await this.head(key);
      if (info) yield info;
    }
  }
}

async function walk(dir: string, key: string, into: string[]): Promise<void> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return;
    throw error;
  }
  for (const entry of entries) {
    if (isTempName(entry.name)) continue;
    const child = key === '' ? entry.name : posix.join(key, entry.name);
    if (entry.isDirectory()) await walk(join(dir, entry.name), child, into);
    else if (entry.isFile()) into.push(child);
  }
}

function infoOf(key: string, info: import('node:fs').Stats): ObjectInfo {
  return {
    key: key.split(sep).join('/'),
    size: info.size,
    etag: `${info.ino.toString(16)}-${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}`,
    lastModified: info.mtime,
    metadata: {},
  };
}
