// What the run, backfill and status commands share: find the pipeline, its data
// root and ledger from the flags, the environment and the working directory.
import path from 'node:path';
import { loadPipelineById } from '../contract/load.js';
import type { Pipeline } from '../contract/model.js';
import { withUpstreamRoots } from '../lineage/upstream.js';
import { dataRootLedger, openDataRoot } from '../store/data-root.js';
import type { LockingLedger } from '../store/ledger.js';
import type { ObjectStore } from '../store/object-store.js';
import { assertDataRootUsable, resolveDataRoot } from '../store/paths.js';

export interface Workspace {
  pipeline: Pipeline;
  /** A folder, or an s3:// address. */
  dataRoot: string;
  store: ObjectStore;
  ledger: LockingLedger;
}

export async function openWorkspace(
  dagId: string,
  flags: { pipelines?: string; dataRoot?: string },
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Workspace> {
  const pipelinesDir = path.resolve(cwd, flags.pipelines ?? 'pipelines');
  const contract = await loadPipelineById(pipelinesDir, dagId);
  const dataRoot = resolveDataRoot(contract, flags.dataRoot, env, cwd);
  assertDataRootUsable(dataRoot, contract);
  const store = await openDataRoot(dataRoot);
  return { pipeline: withUpstreamRoots(contract, dataRoot), dataRoot, store, ledger: await dataRootLedger(store) };
}
