// After an upstream run published partitions, start the workflows of the pipelines that
// read them through `from:`: one `workflow_dispatch` per downstream pipeline, a backfill of
// the downstream partitions those publications cover (reprocess `failed`: missing, waiting
// and stale partitions run, fresh ones are left alone).
import path from 'node:path';
import { dispatchableCallers } from '../../contract/callers.js';
import { loadPipelines } from '../../contract/load.js';
import type { Pipeline } from '../../contract/model.js';
import { errorMessage } from '../../errors.js';
import { createGitHubClient } from '../../github/alerts.js';
import * as core from '../../github/core.js';
import { dispatchWorkflow } from '../../github/dispatch.js';
import { downstreamRuns } from '../../lineage/downstream.js';

export interface DownstreamRequest {
  pipeline: Pipeline;
  /** Partition keys of `pipeline` this run published. */
  published: string[];
  workspace: string;
  pipelinesDir: string;
  token: string;
  runUrl?: string;
}

/** One Markdown line per downstream pipeline: dispatched, or why not. */
export async function dispatchDownstream(request: DownstreamRequest): Promise<string[]> {
  const { pipeline, published } = request;
  if (published.length === 0) return [];
  let all: Pipeline[];
  try {
    all = await loadPipelines(path.resolve(request.workspace, request.pipelinesDir));
  } catch (error) {
    // Another pipeline's broken contract must not fail this pipeline's report: validate reports it.
    core.warning(`downstream pipelines not dispatched: ${errorMessage(error)}`);
    return [`downstream pipelines not dispatched: a contract under ${request.pipelinesDir} has errors`];
  }
  const runs = downstreamRuns(pipeline, published, all);
  if (runs.length === 0) return [];
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  const ref = process.env.GITHUB_REF_NAME || process.env.GITHUB_REF;
  if (!owner || !repo || !ref) {
    core.warning('GITHUB_REPOSITORY or GITHUB_REF is not set: downstream pipelines were not dispatched');
    return runs.map((r) => `\`${r.dagId}\`: not dispatched (no repository or ref); it runs at its own tick`);
  }
  const workflows = await dispatchableCallers(request.workspace);
  const octokit = await createGitHubClient({ token: request.token || undefined });
  const range = published.length === 1 ? published[0] : `${published[0]}..${published.at(-1)}`;
  const lines: string[] = [];
  for (const run of runs) {
    const workflow = workflows.get(run.dagId);
    const keys = run.start === run.end ? run.start : `${run.start}..${run.end}`;
    if (!workflow) {
      lines.push(`\`${run.dagId}\` ${keys}: no workflow with workflow_dispatch runs it; it runs at its own tick`);
      continue;
    }
    const reason = `upstream ${pipeline.dagId} published ${range}${request.runUrl ? ` (${request.runUrl})` : ''}`;
    try {
      await dispatchWorkflow(octokit, {
        owner,
        repo,
        workflow,
        ref,
        inputs: { start: run.start, end: run.end, reprocess: 'failed', reason },
      });
      lines.push(`\`${run.dagId}\` ${keys}: dispatched ${workflow}`);
    } catch (error) {
      // The upstream's own run succeeded: a failed dispatch is a warning, the downstream tick still runs it.
      const why = `${errorMessage(error)} (the report job needs permissions: actions: write)`;
      core.warning(`${run.dagId}: could not dispatch ${workflow}: ${why}`);
      lines.push(`\`${run.dagId}\` ${keys}: dispatch of ${workflow} failed: ${why}`);
    }
  }
  for (const line of lines) core.info(line);
  return lines;
}
