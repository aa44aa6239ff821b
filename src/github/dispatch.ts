// Starting another workflow of this repository through the REST API
// (`workflow_dispatch`): how an upstream pipeline's report job runs its
// downstream pipelines' workflows right after it published, instead of letting
// them wait for their own cron. The calling job needs `permissions: actions: write`.
import type { Octokit } from './alerts.js';

export interface WorkflowDispatch {
  owner: string;
  repo: string;
  /** The workflow file name under .github/workflows, e.g. turanmart-region-inventory-risk.yml. */
  workflow: string;
  /** The branch or tag whose workflow file runs. */
  ref: string;
  /** The dispatch form's inputs, as strings (GitHub's API takes strings for every input type). */
  inputs: Record<string, string>;
}

export async function dispatchWorkflow(octokit: Octokit, dispatch: WorkflowDispatch): Promise<void> {
  await octokit.rest.actions.createWorkflowDispatch({
    owner: dispatch.owner,
    repo: dispatch.repo,
    workflow_id: dispatch.workflow,
    ref: dispatch.ref,
    inputs: dispatch.inputs,
  });
}
