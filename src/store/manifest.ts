// Each published partition folder carries `_manifest.json`: every file in it
// with rows, bytes and sha256, and the run that produced it. Keys and order are
// fixed, so two runs over the same inputs give manifests that differ only in
// `produced_by`. Published partitions get theirs from src/store/commit.ts.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fromJsonValue, toJsonText } from '../json.js';
import { createAtomicWriter, isTempName } from './atomic.js';
import type { FileChecksum } from './ledger.js';
import { relativeToRoot, resolveInside } from './paths.js';
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

/** Streams `path` once for sha256, bytes and rows (CSV: records after the header; other files: lines). */
export async function checksumFile(path: string, dataRoot: string): Promise<FileChecksum> {
  const absolute = resolveInside(dataRoot, path);
  const hash = createHash('sha256');
  const rows = rowCounterFor(absolute);
  let bytes = 0;
  for await (const chunk of createReadStream(absolute, { highWaterMark: 1 << 20 })) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    rows.add(buffer);
    bytes += buffer.byteLength;
  }
  return { path: relativeToRoot(dataRoot, absolute), rows: rows.total(), bytes, sha256: hash.digest('hex') };
}

/**
 * Rewrites `<folder of file>/_manifest.json` listing every file of that folder.
 * `file` is credited to `runId`; a sibling keeps its earlier producer while its
 * checksum is unchanged. Returns the checksum of `file`.
 */
export async function writeManifest(file: string, runId: string, dataRoot: string): Promise<FileChecksum> {
  const target = resolveInside(dataRoot, file);
  const dir = dirname(target);
  const previous = await readManifest(join(dir, MANIFEST_NAME));
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name !== MANIFEST_NAME && !isTempName(e.name))
    .map((e) => e.name)
    .sort();
  const files: ManifestEntry[] = [];
  let own: FileChecksum | undefined;
  for (const name of names) {
    const sum = await checksumFile(join(dir, name), dataRoot);
    const path = join(dir, name);
    const earlier = previous?.files.find((f) => f.path === sum.path);
    const producedBy =
      path !== target && earlier && earlier.sha256 === sum.sha256 && earlier.bytes === sum.bytes
        ? earlier.producedBy
        : runId;
    if (path === target) own = sum;
    files.push({ path: sum.path, rows: sum.rows, bytes: sum.bytes, sha256: sum.sha256, producedBy });
  }
  if (!own) throw new Error(`cannot write a manifest for ${target}: the file does not exist`);
  const manifest: Manifest = { dir: relativeToRoot(dataRoot, dir), files };
  await createAtomicWriter(dataRoot).writeFile(join(dir, MANIFEST_NAME), toJsonText(manifest));
  return own;
}

/** The manifest at `path`, or undefined when there is none (or it is unreadable and will be rewritten). */
export async function readManifest(path: string): Promise<Manifest | undefined> {
  try {
    const parsed = fromJsonValue<Partial<Manifest>>(JSON.parse(await readFile(resolve(path), 'utf8')));
    return Array.isArray(parsed.files) ? (parsed as Manifest) : undefined;
  } catch {
    return undefined;
  }
}
