// Write, audit, publish: how a partition's outputs become live together.
//
// Written once over the ObjectStore, so a folder and a bucket keep the same
// guarantees. A run writes into its own staging prefix. When it has succeeded,
// its committed outputs are copied into an immutable version (a hard link on a
// folder, a server-side CopyObject in a bucket: no data moves through the
// runner), whose `_version.json` is written last. In a bucket a task's first
// attempt writes into the version itself, which saves that copy: until the
// marker is written it is only the run's staging, and nothing reads it as a
// version. Publishing a version is several steps, so it is first written down
// as a journal (the intent); then each live key is replaced by a copy of the
// version's object (atomic per object: a reader sees the old or the new file,
// never half of one), outputs the new version no longer has are removed, the
// folder manifests are rewritten, and the partition manifest — the commit
// marker, naming the live version — is written last. The journal goes last of
// all. A run killed at any step leaves the journal behind; the next run of the
// partition, `rollback` or `pipewright repair` applies it again from the start
// (every step is idempotent), so the partition always ends whole at the new
// version. Readers that follow the partition manifest read the version's own
// files and never see a mix. In a bucket, a large output's live copy is made
// while later tasks run, as a multipart upload no reader sees; the publish
// completes it at its step (one quick request) instead of copying the bytes then.

import { posix } from 'node:path';
import { UsageError } from '../errors.js';
import { fromJsonValue, toJsonText } from '../json.js';
import {
  journalKey,
  journalsKey,
  type PartitionRef,
  partitionManifestKey,
  partitionStagingKey,
  VERSION_MARKER,
  versionKey,
  versionsKey,
} from './layout.js';
import type { FileChecksum } from './ledger.js';
import { checksumObject, type KnownFiles, writeFolderManifest } from './manifest.js';
import { deletePrefix, type ObjectStore, type PendingCopy } from './object-store.js';

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

/** A file a run committed in its staging folder (or, in a bucket, in its unfinished version). */
export interface StagedOutput {
  name: string;
  /** The contract path (live), relative to the data root. */
  path: string;
  /** Key of the committed staged object. */
  staged: string;
  /** What the writer hashed as it wrote. */
  sha256?: string;
  /** What the writer counted as it wrote: with it, the file is not read again (only its size checked). */
  written?: { bytes: number; rows: number };
  /** Its copy into the run's version, made while later tasks ran (`copyIntoVersion`). */
  versioned?: Promise<VersionedCopy | undefined>;
}

/** A staged object copied into the run's version ahead of the publish, and the ETags that pin both. */
export interface VersionedCopy {
  /** Key of the copy in the version (the staged key itself when the output was written there). */
  key: string;
  stagedEtag: string;
  etag: string;
  /** Its live copy, made beside it from the same staged bytes and shown only by the publish (a bucket). */
  live?: PendingCopy;
}

/** Named steps of a publish, for the kill tests: the process is SIGKILLed after the named step. */
export const CRASH_ENV = 'PIPEWRIGHT_TEST_CRASH_AT';

export function crashPoint(step: string): void {
  if (process.env[CRASH_ENV] === step) process.kill(process.pid, 'SIGKILL');
}

export async function readPartitionManifest(
  store: ObjectStore,
  ref: PartitionRef,
): Promise<PartitionManifest | undefined> {
  return readJson<PartitionManifest>(store, partitionManifestKey(ref));
}

export async function readVersion(
  store: ObjectStore,
  ref: PartitionRef,
  runId: string,
): Promise<VersionInfo | undefined> {
  return readJson<VersionInfo>(store, `${versionKey(ref, runId)}/${VERSION_MARKER}`);
}

/**
 * Copies a committed staged output into the run's version while the run goes on
 * (a bucket copies 500 MB server-side in seconds, so the publish need not wait for
 * it), and beside it, where the store can keep a copy out of sight (a bucket's
 * multipart upload), its live copy, which only the publish completes. Nothing is
 * published by this: `_version.json` is written only by createVersion, which keeps
 * the copy only if neither object changed since, and the live copy is completed
 * only after the journal, in the publish's own order. Undefined when the copy
 * failed (createVersion then copies as usual).
 */
export async function copyIntoVersion(
  store: ObjectStore,
  ref: PartitionRef,
  runId: string,
  staged: string,
  path: string,
): Promise<VersionedCopy | undefined> {
  let live: PendingCopy | undefined;
  try {
    const source = await store.head(staged);
    if (!source) return undefined;
    const key = `${versionKey(ref, runId)}/${path}`;
    const inPlace = staged === key;
    const [copied, prepared] = await Promise.allSettled([
      inPlace ? Promise.resolve(source) : store.copy(staged, key),
      store.prepareCopy?.(staged, path) ?? Promise.resolve(undefined),
    ]);
    live = prepared.status === 'fulfilled' ? prepared.value : undefined;
    if (copied.status === 'rejected') throw copied.reason;
    // Both copies are pinned to the source's ETag (S3 CopySourceIfMatch); look again in case it was replaced
    // meanwhile. Written in place, there is no version copy, and the live copy's own ETag says it (below).
    if (!inPlace && (await store.head(staged))?.etag !== source.etag)
      throw new Error(`${staged} was replaced while it was copied`);
    if (live && live.sourceEtag !== source.etag) {
      await live.abort();
      live = undefined;
    }
    return { key, stagedEtag: source.etag, etag: copied.value.etag, ...(live ? { live } : {}) };
  } catch {
    await live?.abort();
    return undefined;
  }
}

/**
 * Removes the copies a run made ahead (`copyIntoVersion`) when it does not publish:
 * the live ones always, the version ones unless its version was made (a journal
 * may name them) or they are the staged outputs themselves (kept for inspection and resume).
 */
export async function discardVersionCopies(
  store: ObjectStore,
  outputs: StagedOutput[],
  options: { keepVersion?: boolean } = {},
): Promise<void> {
  for (const output of outputs) {
    const copy = await output.versioned;
    await copy?.live?.abort();
    if (copy && !options.keepVersion && copy.key !== output.staged) await store.delete(copy.key);
  }
}

/**
 * Makes the immutable version of a run from its staged outputs: each object is
 * checked against what its writer hashed, copied into the version (unless the
 * run already copied it and neither object changed since), and `_version.json`
 * is written last.
 */
export async function createVersion(
  store: ObjectStore,
  ref: PartitionRef,
  runId: string,
  outputs: StagedOutput[],
  made: { codeVersion?: string; inputs: FileChecksum[]; now: Date },
): Promise<VersionInfo> {
  const dir = versionKey(ref, runId);
  const ahead = new Map<string, VersionedCopy>();
  for (const output of outputs) {
    const copy = await output.versioned;
    if (copy && (await store.head(output.staged))?.etag === copy.stagedEtag) ahead.set(copy.key, copy);
  }
  // What to keep there: the copies made ahead, as made, and outputs written there (checked below).
  const keep = new Map<string, string | undefined>([...ahead].map(([key, copy]) => [key, copy.etag]));
  for (const output of outputs)
    if (output.staged.startsWith(`${dir}/`) && !keep.has(output.staged)) keep.set(output.staged, undefined);
  // Anything else there is a half-made version of a killed attempt at this, or what a failed attempt left.
  if (keep.size === 0) await deletePrefix(store, `${dir}/`);
  else {
    const stale: string[] = [];
    for await (const info of store.list(`${dir}/`)) {
      const etag = keep.get(info.key);
      if (!keep.has(info.key) || (etag !== undefined && etag !== info.etag)) stale.push(info.key);
    }
    for (const key of stale) await store.delete(key);
  }
  const files: VersionFile[] = [];
  for (const output of [...outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const key = `${dir}/${output.path}`;
    // Written in place and changed since its copy ahead saw it (or never seen): read it again to be sure.
    const inPlace = output.staged === key;
    const sum = inPlace && !ahead.has(key) ? await checksumObject(store, key) : await stagedChecksum(store, output);
    if (output.sha256 !== undefined && sum.sha256 !== output.sha256) {
      throw new Error(
        `staged output ${output.name} (${sum.path}) changed after it was committed ` +
          `(sha256 ${sum.sha256.slice(0, 12)}, committed ${output.sha256.slice(0, 12)}): not publishing it`,
      );
    }
    const copy = ahead.get(key);
    if (!inPlace && (!copy || (await store.head(key))?.etag !== copy.etag)) await store.copy(output.staged, key);
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
  await store.write(`${dir}/${VERSION_MARKER}`, toJsonText(info));
  crashPoint('version-marked');
  return info;
}

/**
 * The checksum of a staged output: what its writer computed while writing (a 500 MB
 * bronze is not read again), provided the object still has the size written; else
 * the object is read.
 */
async function stagedChecksum(store: ObjectStore, output: StagedOutput): Promise<FileChecksum> {
  if (output.sha256 !== undefined && output.written !== undefined) {
    const size = (await store.head(output.staged))?.size;
    if (size === output.written.bytes) {
      return { path: output.staged, rows: output.written.rows, bytes: size, sha256: output.sha256 };
    }
  }
  return checksumObject(store, output.staged);
}

export interface PublishOptions {
  action: PartitionManifest['action'];
  retainVersions: number;
  now: Date;
  /** Default: false for a publish, true for a rollback. */
  pinned?: boolean;
  /** The run's copies made ahead (`copyIntoVersion`): their live copies are completed instead of copied again. */
  ahead?: Array<VersionedCopy | undefined>;
}

/** Makes `runId`'s version live (a publish, or a rollback to an older version). The caller holds the partition. */
export async function publishVersion(
  store: ObjectStore,
  ref: PartitionRef,
  runId: string,
  opts: PublishOptions,
): Promise<PartitionManifest> {
  await repairPartition(store, ref);
  const version = await readVersion(store, ref, runId);
  if (!version) throw new UsageError(`no retained version ${runId} of ${ref.dagId} ${ref.partition}`);
  const previous = await readPartitionManifest(store, ref);
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
    files: version.files.map((f) => ({ ...f, versionPath: `${versionKey(ref, runId)}/${f.path}` })),
    versions,
  };
  const journal: Journal = {
    manifest,
    remove: (previous?.files ?? []).map((f) => f.path).filter((p) => !paths.has(p)),
    prune: kept.slice(versions.length),
  };
  try {
    await store.write(journalKey(ref), toJsonText(journal));
    crashPoint('journal-written');
    await applyJournal(store, ref, journal, opts.ahead);
  } finally {
    // Live copies made ahead that were not used: nothing of theirs may stay behind.
    for (const copy of opts.ahead ?? []) await copy?.live?.abort();
  }
  return manifest;
}

/** Finishes a publish that a killed process left half done. Returns the run id it made live, if any. */
export async function repairPartition(store: ObjectStore, ref: PartitionRef): Promise<string | undefined> {
  const journal = await readJson<Journal>(store, journalKey(ref));
  if (!journal) return undefined;
  await applyJournal(store, ref, journal);
  return journal.manifest.runId;
}

/** Partitions of a pipeline with a publish left half done. */
export async function pendingJournals(store: ObjectStore, dagId: string): Promise<string[]> {
  const prefix = `${journalsKey(dagId)}/`;
  const partitions: string[] = [];
  for await (const info of store.list(prefix)) {
    const name = info.key.slice(prefix.length);
    if (!name.includes('/') && name.endsWith('.json')) partitions.push(name.slice(0, -'.json'.length));
  }
  return partitions;
}

/** Rewrites the partition manifest with a new pin (the live bytes do not move). */
export async function setPinned(store: ObjectStore, ref: PartitionRef, pinned: boolean): Promise<PartitionManifest> {
  await repairPartition(store, ref);
  const manifest = await readPartitionManifest(store, ref);
  if (!manifest) throw new UsageError(`${ref.dagId} ${ref.partition} has no published version`);
  const next = { ...manifest, pinned };
  await store.write(partitionManifestKey(ref), toJsonText(next));
  return next;
}

async function applyJournal(
  store: ObjectStore,
  ref: PartitionRef,
  journal: Journal,
  ahead: Array<VersionedCopy | undefined> = [],
): Promise<void> {
  const { manifest } = journal;
  const source = versionKey(ref, manifest.runId);
  let step = 0;
  for (const file of manifest.files) {
    const from = `${source}/${file.path}`;
    const copy = ahead.find((c) => c?.key === from && c.live?.to === file.path);
    if (!(copy && (await completeLiveCopy(store, copy)))) await store.copy(from, file.path);
    crashPoint(`live-file-${++step}`);
  }
  for (const path of journal.remove) await store.delete(path);
  const own: KnownFiles = new Map(manifest.files.map((f) => [f.path, f]));
  const folders = new Set([...manifest.files.map((f) => f.path), ...journal.remove].map((p) => posix.dirname(p)));
  for (const folder of [...folders].sort()) await writeFolderManifest(store, folder, manifest.runId, own);
  crashPoint('folder-manifests-written');
  await store.write(partitionManifestKey(ref), toJsonText(manifest));
  crashPoint('partition-manifest-written');
  await store.delete(journalKey(ref));
  crashPoint('journal-removed');
  for (const id of journal.prune) await deletePrefix(store, `${versionKey(ref, id)}/`);
  await pruneOrphans(store, ref, new Set([manifest.runId, ...manifest.versions]));
}

/**
 * Completes the live copy made ahead from the same staged bytes as the version's
 * object, while that object is still the copy the run made; false when it cannot
 * (the caller then copies the version's object).
 */
async function completeLiveCopy(store: ObjectStore, copy: VersionedCopy): Promise<boolean> {
  const live = copy.live;
  if (!live) return false;
  const version = await store.head(copy.key);
  if (version?.etag !== copy.etag || live.sourceEtag !== copy.stagedEtag) return false;
  try {
    await live.complete();
    return true;
  } catch {
    return false;
  }
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
 * Versions neither live nor retained: made by a run killed before its publish, left
 * by a prune cut short, or (in a bucket) the unfinished version a failed run wrote
 * its outputs into, which a later publish makes moot.
 */
async function pruneOrphans(store: ObjectStore, ref: PartitionRef, keep: Set<string>): Promise<void> {
  const prefix = `${versionsKey(ref)}/`;
  const orphans = new Set<string>();
  for await (const info of store.list(prefix)) {
    const runId = info.key.slice(prefix.length).split('/')[0] as string;
    if (!keep.has(runId)) orphans.add(runId);
  }
  for (const runId of orphans) await deletePrefix(store, `${prefix}${runId}/`);
}

/**
 * The prefixes of a partition that hold what runs wrote and did not publish (their
 * staging, and versions without a marker), with when each was last written.
 */
export async function unpublishedRuns(store: ObjectStore, ref: PartitionRef): Promise<Map<string, number>> {
  const newest = new Map<string, number>();
  const marked = new Set<string>();
  const versions = `${versionsKey(ref)}/`;
  for (const base of [`${partitionStagingKey(ref)}/`, versions]) {
    for await (const info of store.list(base)) {
      const [runId, name] = info.key.slice(base.length).split('/') as [string, string];
      const prefix = `${base}${runId}/`;
      if (base === versions && name === VERSION_MARKER) marked.add(prefix);
      newest.set(prefix, Math.max(newest.get(prefix) ?? 0, info.lastModified.getTime()));
    }
  }
  for (const prefix of marked) newest.delete(prefix);
  return newest;
}

async function readJson<T>(store: ObjectStore, key: string): Promise<T | undefined> {
  const text = await store.readText(key);
  if (text === undefined) return undefined;
  try {
    return fromJsonValue<T>(JSON.parse(text));
  } catch (error) {
    throw new UsageError(
      `${store.describe(key)} is not valid JSON (${(error as Error).message}): restore it or move it aside`,
    );
  }
}
