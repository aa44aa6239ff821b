// The two workflows an adopting repository needs: a caller of the reusable orchestrator
// (the contract's schedule as GitHub cron, a backfill form keyed in the grain's shape, and
// the Pages site once switched on) and a pull-request caller of the checks. Both pin our major tag.
import { CALLER_PERMISSIONS } from '../contract/callers.js';
import type { Grain } from '../contract/model.js';
import { githubCron } from '../schedule/github-cron.js';
import { gridFor } from '../schedule/grains.js';

/** The reference callers pin: the major tag moves with every compatible release. */
export const PIPEWRIGHT_REF = 'pipewright/pipewright/.github/workflows';
export const PIPEWRIGHT_MAJOR = 'v1';

function permissionsBlock(workflow: keyof typeof CALLER_PERMISSIONS): string {
  return Object.entries(CALLER_PERMISSIONS[workflow])
    .map(([scope, level]) => `      ${scope}: ${level}`)
    .join('\n');
}

export function callerWorkflow(options: {
  dagId: string;
  grain: Grain;
  timezone: string;
  schedule: string;
  pipelinesDir: string;
}): string {
  const { dagId, grain, timezone, pipelinesDir } = options;
  const shape = gridFor(grain).shape.split(' ')[0];
  const name = dagId.replaceAll('_', '-');
  // GitHub reads a cron without a zone in UTC (and actionlint refuses \`timezone: UTC\`).
  const zoneLine = timezone === 'UTC' ? '' : `\n      timezone: ${timezone}`;
  return `# ${dagId} on GitHub Actions: the schedule mirrors the contract (pipewright validate
# checks that it does); the dispatch form starts a backfill.
name: ${name}

on:
  schedule:
    - cron: "${githubCron(options.schedule)}"${zoneLine}
  workflow_dispatch:
    inputs:
      start:
        description: First partition to backfill (${shape}, inclusive)
        type: string
        required: true
      end:
        description: Last partition to backfill (${shape}, inclusive)
        type: string
        required: true
      reprocess:
        description: Which partitions to rerun
        type: choice
        options: [failed, completed, none, changed]
        default: failed
      max-active-runs:
        description: Partitions at once (0 = the contract's max_active_runs)
        type: number
        default: 0
      reverse:
        description: Newest first
        type: boolean
        default: false
      dry-run:
        description: Plan and summarise only
        type: boolean
        default: false
      reason:
        description: Why this backfill runs (recorded with every partition run)
        type: string
        required: true

permissions: {}

jobs:
  orchestrate:
    uses: ${PIPEWRIGHT_REF}/pipewright.yml@${PIPEWRIGHT_MAJOR}
    permissions:
${permissionsBlock('pipewright.yml')}
    with:
      pipeline: ${dagId}
      pipelines-dir: ${pipelinesDir}
      mode: \${{ github.event_name == 'workflow_dispatch' && 'backfill' || 'schedule' }}
      start: \${{ inputs.start }}
      end: \${{ inputs.end }}
      reprocess: \${{ inputs.reprocess || 'failed' }}
      max-active-runs: \${{ inputs.max-active-runs || 0 }}
      reverse: \${{ inputs.reverse || false }}
      dry-run: \${{ inputs.dry-run || false }}
      reason: \${{ inputs.reason }}

  # The catalog and status site on GitHub Pages, rebuilt after every run. Enable Pages
  # (Settings → Pages → Source: GitHub Actions), then set the repository variable PIPEWRIGHT_SITE to true.
  site:
    needs: orchestrate
    if: \${{ !cancelled() && vars.PIPEWRIGHT_SITE == 'true' }}
    uses: ${PIPEWRIGHT_REF}/pipewright-site.yml@${PIPEWRIGHT_MAJOR}
    permissions:
${permissionsBlock('pipewright-site.yml')}
    with:
      pipelines-dir: ${pipelinesDir}
`;
}

export function prCallerWorkflow(options: { pipelinesDir: string }): string {
  return `# Pull-request checks of the pipelines: contracts validated with inline annotations and
# each pipeline's sample partitions compared with its expected/ folder.
name: pipelines-pr

on:
  pull_request:
    paths:
      - "${options.pipelinesDir}/**"
      - ".github/workflows/**"
      - "package.json"
      - "package-lock.json"

permissions: {}

jobs:
  checks:
    uses: ${PIPEWRIGHT_REF}/pipewright-pr.yml@${PIPEWRIGHT_MAJOR}
    permissions:
${permissionsBlock('pipewright-pr.yml')}
    with:
      pipelines-dir: ${options.pipelinesDir}
      test-command: "" # set to npm test once the pipelines have tests of their own
`;
}
