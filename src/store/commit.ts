// Write, audit, publish: how a partition's outputs become live together.
//
// A run writes into its own staging folder. When it has succeeded, its committed
// outputs are hard-linked into an immutable version folder (no data is copied),
// whose `_version.json` is written last. Publishing that version is several
// renames, so it is first written down as a journal (the intent); then each live
// path is replaced by a link to the version's file (rename: a reader of one path
// sees the old or the new file, never half of one), outputs the new version no
// longer has are removed, the folder manifests are rewritten, and the partition
// manifest — the commit marker, naming the live version — is written last. The
// journal goes last of all. A run killed at any step leaves the journal behind;
// the next run of the partition, `rollback` or `pipewright repair` applies it
// again from the start (every step is idempotent), so the partition always ends
// whole at the new version. Readers that follow the partition manifest read the
// version's own files and never see a mix.

import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { UsageError } from '../errors.js';
import { fromJsonValue, toJsonText } from '../json.js';
import { createAtomicWriter, isTempName, tempNameFor } from './atomic.js';
import {
  journalPath,
  journalsDir,
  type PartitionRef,
  partitionManifestPath,
  VERSION_MARKER,
  versionDir,
  versionsDir,
} from './layout.js';
import type { FileChecksum } from './ledger.js';
import { checksumFile, MANIFEST_NAME, type ManifestEntry, readManifest } from './manifest.js';
import { relativeToRoot, resolveInside } from './paths.js';

/** Versions kept besides the live one when the contract does not say. */
export const DEFAULT_RETAIN_VERSIONS = 3;

/** One output of a version: its contract name, live path (relative to the data root) and checksum. */
export interface VersionFile extends FileChecksum {
  name: string;
}

/** `_version.json`: what one published version holds and what it was made from. */
export interface VersionInfo {
  dagId: string;
  partition: string;
  runId: string;
  createdAt: string;
  codeVersion?: string;
  inputs: FileChecksum[];
  files: VersionFile[];
}

/** The partition manifest: the commit marker of a partition and the pointer to its live version. */
export interface PartitionManifest {
  dagId: string;
  partition: string;
  /** The run whose version is live. */
  runId: string;
  /** How it became live. */
  action: 'publish' | 'rollback';
  publishedAt: string;
  /** A rolled-back partition stays as it is until a `completed` backfill or `rollback --unpin`. */
  pinned: boolean;
  codeVersion?: string;
  inputs: FileChecksum[];
  /** Live files; `versionPath` is the immutable copy a reader can follow (relative to the data root). */
  files: Array<VersionFile & { versionPath: string }>;
  /** Earlier versions kept for rollback, newest first. */
  versions: string[];
}

/** The intent of a publish: the manifest to end with, and what to remove on the way. */
interface Journal {
  manifest: PartitionManifest;
  /** Live paths of the replaced version that the new one does not have. */
  remove: string[];
  /** Version folders to delete once the new manifest is written. */
  prune: string[];
}

/** A file a run committed in its staging folder. */
export interface StagedOutput {
  name: string;
  /** The contract path (live), relative to the data root. */
  path: string;
  /** Absolute path of the committed staged file. */
  staged: string;
  /** What the writer hashed as it wrote. */
  sha256?: string;
  /** What the writer counted as it wrote: with it, the file is not read again (only its size checked). */
  written?: { bytes: number; rows: number };
}

/** Named steps of a publish, for the kill tests: the process is SIGKILLed after the named step. */
export const CRASH_ENV = 'PIPEWRIGHT_TEST_CRASH_AT';

function crashPoint(step: string): void {
  if (process.env[CRASH_ENV] === step) process.kill(process.pid, 'SIGKILL');
}

export async function readPartitionManifest(root: string, ref: PartitionRef): Promise<PartitionManifest | undefined> {
  return readJson<PartitionManifest>(partitionManifestPath(root, ref));
}

export async function readVersion(root: string, ref: PartitionRef, runId: string): Promise<VersionInfo | undefined> {
  return readJson<VersionInfo>(join(versionDir(root, ref, runId), VERSION_MARKER));
}

/**
 * Makes the immutable version of a run from its staged outputs: each file is
 * checksummed (and must match what its writer hashed), hard-linked into the
 * version folder, and `_version.json` is written last.
 */
export async function createVersion(
  root: string,
  ref: PartitionRef,
  runId: string,
  outputs: StagedOutput[],
  made: { codeVersion?: string; inputs: FileChecksum[]; now: Date },
): Promise<VersionInfo> {
  const dir = versionDir(root, ref, runId);
  await rm(dir, { recursive: true, force: true }); // a half-made version of a killed attempt at this
  const files: VersionFile[] = [];
  for (const output of [...outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const sum = await stagedChecksum(output, root);
    if (output.sha256 !== undefined && sum.sha256 !== output.sha256) {
      throw new Error(
        `staged output ${output.name} (${sum.path}) changed after it was committed ` +
          `(sha256 ${sum.sha256.slice(0, 12)}, committed ${output.sha256.slice(0, 12)}): not publishing it`,
      );
    }
    const target = join(dir, output.path);
    await mkdir(dirname(target), { recursive: true });
    await linkOrCopy(output.staged, target);
    files.push({ name: output.name, path: output.path, rows: sum.rows, bytes: sum.bytes, sha256: sum.sha256 });
  }
  crashPoint('version-linked');
  const info: VersionInfo = {
    dagId: ref.dagId,
    partition: ref.partition,
    runId,
    createdAt: made.now.toISOString(),
    codeVersion: made.codeVersion,
    inputs: made.inputs,
    files,
  };
  await createAtomicWriter(root).writeFile(join(dir, VERSION_MARKER), toJsonText(info));
  crashPoint('version-marked');
  return info;
}

/**
 * The checksum of a staged output: what its writer computed while writing (a 500 MB
 * bronze is not read again), provided the file still has the size written; else
 * the file is read.
 */
async function stagedChecksum(output: StagedOutput, root: string): Promise<FileChecksum> {
  const path = relativeToRoot(root, output.staged);
  if (output.sha256 !== undefined && output.written !== undefined) {
    const size = (await stat(output.staged)).size;
    if (size === output.written.bytes) {
      return { path, rows: output.written.rows, bytes: size, sha256: output.sha256 };
    }
  }
  return checksumFile(output.staged, root);
}

export interface PublishOptions {
  action: PartitionManifest['action'];
  retainVersions: number;
  now: Date;
  /** Default: false for a publish, true for a rollback. */
  pinned?: boolean;
}

/** Makes `runId`'s version live (a publish, or a rollback to an older version). The caller holds the partition. */
export async function publishVersion(
  root: string,
  ref: PartitionRef,
  runId: string,
  opts: PublishOptions,
): Promise<PartitionManifest> {
  await repairPartition(root, ref);
  const version = await readVersion(root, ref, runId);
  if (!version) throw new UsageError(`no retained version ${runId} of ${ref.dagId} ${ref.partition}`);
  const previous = await readPartitionManifest(root, ref);
  const kept = previous ? [previous.runId, ...previous.versions].filter((id) => id !== runId) : [];
  const versions = kept.slice(0, Math.max(0, opts.retainVersions));
  const paths = new Set(version.files.map((f) => f.path));
  const manifest: PartitionManifest = {
    dagId: ref.dagId,
    partition: ref.partition,
    runId,
    action: opts.action,
    publishedAt: opts.now.toISOString(),
    pinned: opts.pinned ?? opts.action === 'rollback',
    codeVersion: version.codeVersion,
    inputs: version.inputs,
    files: version.files.map((f) => ({
      ...f,
      versionPath: relativeToRoot(root, join(versionDir(root, ref, runId), f.path)),
    })),
    versions,
  };
  const journal: Journal = {
    manifest,
    remove: (previous?.files ?? []).map((f) => f.path).filter((p) => !paths.has(p)),
    prune: kept.slice(versions.length),
  };
  await createAtomicWriter(root).writeFile(journalPath(root, ref), toJsonText(journal));
  crashPoint('journal-written');
  await applyJournal(root, ref, journal);
  return manifest;
}

/** Finishes a publish that a killed process left half done. Returns the run id it made live, if any. */
export async function repairPartition(root: string, ref: PartitionRef): Promise<string | undefined> {
  const journal = await readJson<Journal>(journalPath(root, ref));
  if (!journal) return undefined;
  await applyJournal(root, ref, journal);
  return journal.manifest.runId;
}

/** Partitions of a pipeline with a publish left half done. */
export async function pendingJournals(root: string, dagId: string): Promise<string[]> {
  const names = await readdir(journalsDir(root, dagId)).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json') && !isTempName(n)).map((n) => n.slice(0, -'.json'.length));
}

/** Rewrites the partition manifest with a new pin (the live bytes do not move). */
export async function setPinned(root: string, ref: PartitionRef, pinned: boolean): Promise<PartitionManifest> {
  await repairPartition(root, ref);
  const manifest = await readPartitionManifest(root, ref);
  if (!manifest) throw new UsageError(`${ref.dagId} ${ref.partition} has no published version`);
  const next = { ...manifest, pinned };
  await createAtomicWriter(root).writeFile(partitionManifestPath(root, ref), toJsonText(next));
  return next;
}

async function applyJournal(root: string, ref: PartitionRef, journal: Journal): Promise<void> {
  const { manifest } = journal;
  const source = versionDir(root, ref, manifest.runId);
  let step = 0;
  for (const file of manifest.files) {
    const live = resolveInside(root, file.path);
    await mkdir(dirname(live), { recursive: true });
    const temp = join(dirname(live), tempNameFor(live));
    await linkOrCopy(join(source, file.path), temp);
    await rename(temp, live);
    crashPoint(`live-file-${++step}`);
  }
  for (const path of journal.remove) {
    await unlink(resolveInside(root, path)).catch(ignoreMissing);
  }
  const folders = new Set([...manifest.files.map((f) => f.path), ...journal.remove].map((p) => posix.dirname(p)));
  for (const folder of [...folders].sort()) await writeFolderManifest(root, folder, manifest);
  crashPoint('folder-manifests-written');
  await createAtomicWriter(root).writeFile(partitionManifestPath(root, ref), toJsonText(manifest));
  crashPoint('partition-manifest-written');
  await unlink(journalPath(root, ref)).catch(ignoreMissing);
  crashPoint('journal-removed');
  for (const id of journal.prune) await rm(versionDir(root, ref, id), { recursive: true, force: true });
  await pruneOrphans(root, ref, new Set([manifest.runId, ...manifest.versions]));
}

/** The publish steps in order, for tests that kill a publish at each of them. */
export function publishSteps(fileCount: number): string[] {
  return [
    'version-linked',
    'version-marked',
    'journal-written',
    ...Array.from({ length: fileCount }, (_, i) => `live-file-${i + 1}`),
    'folder-manifests-written',
    'partition-manifest-written',
    'journal-removed',
  ];
}

/**
 * `_manifest.json` of one live folder: every file in it, with the checksums the
 * version recorded for its own files (no re-read) and a fresh checksum for others.
 */
async function writeFolderManifest(root: string, folder: string, manifest: PartitionManifest): Promise<void> {
  const dir = resolveInside(root, folder);
  const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const previous = await readManifest(join(dir, MANIFEST_NAME));
  const own = new Map(manifest.files.map((f) => [f.path, f]));
  const files: ManifestEntry[] = [];
  for (const entry of names.filter((e) => e.isFile() && e.name !== MANIFEST_NAME && !isTempName(e.name)).sort(byName)) {
    const path = posix.join(folder, entry.name);
    const mine = own.get(path);
    if (mine) {
      files.push({ path, rows: mine.rows, bytes: mine.bytes, sha256: mine.sha256, producedBy: manifest.runId });
      continue;
    }
    const sum = await checksumFile(join(dir, entry.name), root);
    const earlier = previous?.files.find((f) => f.path === path && f.sha256 === sum.sha256);
    files.push({ ...sum, producedBy: earlier?.producedBy ?? 'unknown' });
  }
  if (files.length === 0) {
    await unlink(join(dir, MANIFEST_NAME)).catch(ignoreMissing);
    return;
  }
  await createAtomicWriter(root).writeFile(join(dir, MANIFEST_NAME), toJsonText({ dir: folder, files }));
}

/** Version folders neither live nor retained: left by a run killed before its publish, or by a prune cut short. */
async function pruneOrphans(root: string, ref: PartitionRef, keep: Set<string>): Promise<void> {
  const names = await readdir(versionsDir(root, ref)).catch(() => [] as string[]);
  for (const name of names) {
    if (!keep.has(name)) await rm(join(versionsDir(root, ref), name), { recursive: true, force: true });
  }
}

/** A hard link (same bytes, no copy); where links are refused, a copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await unlink(to);
      await link(from, to);
      return;
    }
    if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP') throw error;
    await copyFile(from, to);
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return fromJsonValue<T>(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON (${(error as Error).message}): restore it or move it aside`);
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
