// Where each pipeline's history and outputs are read from: one shared ledger
// (the git state branch) when given, else the filesystem ledger of its data root.
import type { Pipeline } from '../contract/model.js';
import { FsLedger } from '../store/fs-ledger.js';
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

export function siteSources(pipelines: readonly Pipeline[], options: SourceOptions = {}): SiteSource[] {
  return pipelines.map((pipeline) => {
    const dataRoot = resolveDataRoot(pipeline, options.dataRoot, options.env);
    return { pipeline, dataRoot, ledger: options.ledger ?? new FsLedger(dataRoot) };
  });
}
