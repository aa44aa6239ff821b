// Where each pipeline's history and outputs are read from: one shared ledger
// (the git state branch) when given, else the ledger of its data root (the
// files under a folder, the objects of a bucket).
import type { Pipeline } from '../contract/model.js';
import { BucketLedger } from '../store/bucket-ledger.js';
import { dataRootLedger, openDataRootForReading } from '../store/data-root.js';
import { FsLedger } from '../store/fs-ledger.js';
import { GitLedger, type GitLedgerOptions } from '../store/git-ledger.js';
import { resolveDataRoot } from '../store/paths.js';
import type { SiteSource } from './build.js';
import type { HistoryLedger } from './history.js';

export interface SourceOptions {
  /** One data root for every pipeline (absolute); default: PIPEWRIGHT_DATA_ROOT, else each pipeline's data/. */
  dataRoot?: string;
  env?: NodeJS.ProcessEnv;
  /** A ledger shared by every pipeline (the state branch); default: each data root's own. */
  ledger?: HistoryLedger;
}

/** Each pipeline's source; a bucket data root is checked (HeadBucket) before anything is built. */
export async function siteSources(pipelines: readonly Pipeline[], options: SourceOptions = {}): Promise<SiteSource[]> {
  return await Promise.all(
    pipelines.map(async (pipeline) => {
      const dataRoot = resolveDataRoot(pipeline, options.dataRoot, options.env);
      return { pipeline, dataRoot, ledger: options.ledger ?? (await dataRootHistory(dataRoot)) };
    }),
  );
}

async function dataRootHistory(dataRoot: string): Promise<HistoryLedger> {
  return await dataRootLedger(await openDataRootForReading(dataRoot));
}

/** A ledger as plain data, so a worker thread can open its own: the object itself cannot cross threads. */
export type LedgerSpec =
  | { fs: { dataRoot: string; index: boolean } }
  | { git: GitLedgerOptions }
  | { bucket: { dataRoot: string } };

/** The spec of a ledger another thread can open; undefined for any other (it is read on the main thread). */
export function ledgerSpec(ledger: HistoryLedger): LedgerSpec | undefined {
  if (ledger instanceof FsLedger) return { fs: { dataRoot: ledger.dataRoot, index: ledger.indexed } };
  if (ledger instanceof GitLedger) return { git: ledger.options };
  if (ledger instanceof BucketLedger && ledger.store.kind === 's3') return { bucket: { dataRoot: ledger.store.url } };
  return undefined;
}

export async function openLedger(spec: LedgerSpec): Promise<HistoryLedger> {
  if ('fs' in spec) return new FsLedger(spec.fs.dataRoot, { index: spec.fs.index });
  if ('git' in spec) return new GitLedger(spec.git);
  return await dataRootHistory(spec.bucket.dataRoot);
}

/** The sources with each git ledger fetched once for the whole build: every page shows one state, read without a fetch each. */
export async function snapshotSources(sources: readonly SiteSource[]): Promise<SiteSource[]> {
  const snapshots = new Map<GitLedger, Promise<GitLedger>>();
  return await Promise.all(
    sources.map(async (source) => {
      if (!(source.ledger instanceof GitLedger)) return source;
      let snapshot = snapshots.get(source.ledger);
      if (!snapshot) {
        snapshot = source.ledger.snapshot();
        snapshots.set(source.ledger, snapshot);
      }
      return { ...source, ledger: await snapshot };
    }),
  );
}
