// Loading the pipeline an action works on, relative to the workspace.
import path from 'node:path';
import { loadPipelineById } from '../../contract/load.js';
import type { Pipeline } from '../../contract/model.js';
import { assertDataRootUsable, resolveDataRoot } from '../../store/paths.js';

export function loadPipeline(workspace: string, pipelinesDir: string, dagId: string): Promise<Pipeline> {
  return loadPipelineById(path.resolve(workspace, pipelinesDir), dagId);
}

/**
 * The `data-root` input (relative to the workspace) > PIPEWRIGHT_DATA_ROOT > `<pipeline>/data`,
 * checked on disk as the CLI checks it (a folder, no link leading out of it).
 */
export function dataRootFor(pipeline: Pipeline, workspace: string, input: string): string {
  const dataRoot = resolveDataRoot(pipeline, input === '' ? undefined : input, process.env, workspace);
  assertDataRootUsable(dataRoot, pipeline);
  return dataRoot;
}
