// Each published partition folder carries `_manifest.json`: every file in it
// with rows, bytes and sha256, and the run that produced it. Keys and order are
// fixed, so two runs over the same inputs give manifests that differ only in
// `produced_by`. Published partitions get theirs from src/store/commit.ts.

import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { fromJsonValue, toJsonText } from '../json.js';
import { FsObjectStore } from './fs-store.js';
import type { FileChecksum } from './ledger.js';
import type { ChecksumOptions, ObjectStore } from './object-store.js';
import { rowCounterFor } from './rows.js';

export const MANIFEST_NAME = '_manifest.json';

export interface ManifestEntry extends FileChecksum {
  /** The run whose version holds this file. */
  producedBy: string;
}

export interface Manifest {
  /** The partition folder, relative to the data root. */
  dir: string;
  files: ManifestEntry[];
}

/** Streams the object once for sha256, bytes and rows (CSV: records after the header; other files: lines). */
export async function checksumObject(
  store: ObjectStore,
  key: string,
  options: ChecksumOptions = {},
): Promise<FileChecksum> {
  const { signal } = options;
  // Where the store can take it off this thread (a big file on a worker; a bucket object as it downloads).
  const aside = await store.checksum?.(key, options);
  if (aside) return { path: key, ...aside };
  const hash = createHash('sha256');
  const rows = rowCounterFor(key);
  let bytes = 0;
  // Through reused buffers where the store offers them (a folder, a run's copy): hashed and counted, nothing kept.
  const chunks = store.readChunks ? store.readChunks(key, { signal }) : await store.read(key, { signal });
  for await (const chunk of chunks) {
    const buffer = chunk as Uint8Array;
    hash.update(buffer);
    rows.add(buffer);
    bytes += buffer.byteLength;
  }
  return { path: key, rows: rows.total(), bytes, sha256: hash.digest('hex') };
}

/** `checksumObject` for a file under a data root folder (path relative to it, or absolute inside it). */
export async function checksumFile(path: string, dataRoot: string): Promise<FileChecksum> {
  const store = new FsObjectStore(dataRoot);
  return checksumObject(store, store.keyOf(store.pathOf(path)));
}

/** What a folder manifest says of the files a run produced (checksums it already has). */
export type KnownFiles = Map<string, FileChecksum>;

/**
 * Rewrites `<folder>/_manifest.json` listing every object directly in that folder.
 * Files in `own` are credited to `runId` with the checksums given (no re-read);
 * others are checksummed and keep their earlier producer while unchanged, else
 * are credited to `changedBy`. An emptied folder loses its manifest.
 */
export async function writeFolderManifest(
  store: ObjectStore,
  folder: string,
  runId: string,
  own: KnownFiles,
  changedBy = 'unknown',
): Promise<void> {
  const manifestKey = posix.join(folder, MANIFEST_NAME);
  const previous = await readFolderManifest(store, folder);
  const files: ManifestEntry[] = [];
  for await (const info of store.list(`${folder}/`)) {
    const name = info.key.slice(folder.length + 1);
    if (name.includes('/') || name === MANIFEST_NAME) continue;
    const mine = own.get(info.key);
    if (mine) {
      files.push({ path: info.key, rows: mine.rows, bytes: mine.bytes, sha256: mine.sha256, producedBy: runId });
      continue;
    }
    const sum = await checksumObject(store, info.key);
    const earlier = previous?.files.find((f) => f.path === info.key && f.sha256 === sum.sha256);
    files.push({ ...sum, producedBy: earlier?.producedBy ?? changedBy });
  }
  if (files.length === 0) {
    await store.delete(manifestKey);
    return;
  }
  await store.write(manifestKey, toJsonText({ dir: folder, files } satisfies Manifest));
}

/**
 * Rewrites the manifest of the folder holding `key`, crediting `key` (and any
 * other file changed since the manifest was written) to `runId`; returns its checksum.
 */
export async function writeManifestFor(store: ObjectStore, key: string, runId: string): Promise<FileChecksum> {
  const own = await checksumObject(store, key);
  await writeFolderManifest(store, posix.dirname(key), runId, new Map([[key, own]]), runId);
  return own;
}

/** `writeManifestFor` on a data root folder, with `file` relative to it or absolute inside it. */
export async function writeManifest(file: string, runId: string, dataRoot: string): Promise<FileChecksum> {
  const store = new FsObjectStore(dataRoot);
  const key = store.keyOf(store.pathOf(file));
  if (!(await store.head(key)))
    throw new Error(`cannot write a manifest for ${store.pathOf(file)}: the file does not exist`);
  return writeManifestFor(store, key, runId);
}

function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = fromJsonValue<Partial<Manifest>>(JSON.parse(text));
    return Array.isArray(parsed.files) ? (parsed as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest of the folder `folder` (a key) of a store, or undefined when there is none or it is unreadable. */
export async function readFolderManifest(store: ObjectStore, folder: string): Promise<Manifest | undefined> {
  return parseManifest(await store.readText(posix.join(folder, MANIFEST_NAME)));
}
