// What the run, backfill and status commands share: find the pipeline, its data
// root and ledger from the flags, the environment and the working directory.
import path from 'node:path';
import { loadPipelineById } from '../contract/load.js';
import type { Pipeline } from '../contract/model.js';
import { withUpstreamRoots } from '../lineage/upstream.js';
import { FsLedger } from '../store/fs-ledger.js';
import { assertDataRootUsable, resolveDataRoot } from '../store/paths.js';

export interface Workspace {
  pipeline: Pipeline;
  dataRoot: string;
  ledger: FsLedger;
}

export async function openWorkspace(
  dagId: string,
  flags: { pipelines?: string; dataRoot?: string },
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Workspace> {
  const pipelinesDir = path.resolve(cwd, flags.pipelines ?? 'pipelines');
  const contract = await loadPipelineById(pipelinesDir, dagId);
  const dataRoot = resolveDataRoot(
    contract,
    flags.dataRoot === undefined ? undefined : path.resolve(cwd, flags.dataRoot),
    env,
  );
  assertDataRootUsable(dataRoot, contract);
  return { pipeline: withUpstreamRoots(contract, dataRoot), dataRoot, ledger: new FsLedger(dataRoot) };
}
