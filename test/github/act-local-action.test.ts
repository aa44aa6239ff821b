// What the action tests will lean on: act 0.2.89 runs a local `uses: ./actions/x`
// declared `runs.using: node24` on the host with the Node 24 from node_modules,
// passes workflow_dispatch inputs and the event payload, and reads GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY back.
import { describe, expect, it } from 'vitest';
import { createRepo, runAct } from '../support/act.js';

const ACTION = `name: echo
description: Echoes its input as an output and a summary line.
inputs:
  reason:
    description: Why the run happens.
    required: true
outputs:
  reason:
    description: The input, echoed.
runs:
  using: node24
  main: index.mjs
`;

const INDEX = `import fs from 'node:fs';
const reason = process.env['INPUT_REASON'] ?? '';
const event = JSON.parse(fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
fs.appendFileSync(process.env.GITHUB_OUTPUT, \`reason<<EOF\\n\${reason}\\nEOF\\nnode=\${process.version}\\nsender=\${event.sender?.login}\\n\`);
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, \`### Reason\\n\\n\${reason}\\n\`);
`;

const WORKFLOW = `name: dispatch
on:
  workflow_dispatch:
    inputs:
      reason:
        description: Why
        required: true
permissions:
  contents: read
jobs:
  echo:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: echo
        uses: ./actions/echo
        with:
          reason: \${{ inputs.reason }}
      # Inputs reach a shell only through env, never through \${{ }} inside run:.
      - env:
          REASON: \${{ steps.echo.outputs.reason }}
        run: |
          printf 'shell saw: %s\\n' "$REASON"
`;

// In a reusable workflow `uses: ./actions/x` would resolve against the caller's
// checkout, so ours are referenced by repository and ref and mapped in tests.
const REUSABLE = `name: orchestrate
on:
  workflow_call:
    inputs:
      reason: { type: string, required: true }
    outputs:
      reason:
        value: \${{ jobs.run.outputs.reason }}
jobs:
  run:
    runs-on: ubuntu-latest
    outputs:
      reason: \${{ steps.echo.outputs.reason }}
    steps:
      - id: echo
        uses: acme/pipewright/actions/echo@v1
        with:
          reason: \${{ inputs.reason }}
`;

const CALLER = `name: caller
on: push
jobs:
  direct:
    runs-on: ubuntu-latest
    steps:
      - id: echo
        uses: acme/pipewright/actions/echo@v1
        with:
          reason: direct use
  orchestrate:
    uses: acme/pipewright/.github/workflows/orchestrate.yml@v1
    with:
      reason: through the reusable workflow
  after:
    needs: orchestrate
    runs-on: ubuntu-latest
    steps:
      - env:
          REASON: \${{ needs.orchestrate.outputs.reason }}
        run: |
          echo "caller got: $REASON"
`;

describe('a local node24 action inside act', () => {
  it('gets inputs and the event, and its outputs and summary come back', async () => {
    const repo = createRepo({
      '.github/workflows/dispatch.yml': WORKFLOW,
      'actions/echo/action.yml': ACTION,
      'actions/echo/index.mjs': INDEX,
    });
    const reason = 'backfill after fix; $(touch /tmp/pwned) `id`';
    const run = await runAct({
      repo,
      workflow: '.github/workflows/dispatch.yml',
      event: 'workflow_dispatch',
      eventPayload: { inputs: { reason }, sender: { login: 'oncall-aigerim' } },
    });
    expect({ exit: run.exitCode, log: run.exitCode === 0 ? '' : run.stderr + run.output }).toEqual({
      exit: 0,
      log: '',
    });
    const outputs = run.outputs('echo', 'echo');
    expect(outputs).toEqual({ reason, node: expect.stringMatching(/^v24\./), sender: 'oncall-aigerim' });
    expect(run.summary('echo', 'echo')).toBe(`### Reason\n\n${reason}\n`);
    expect(run.output).toContain(`shell saw: ${reason}`);
  });

  it('takes workflow_dispatch inputs from --input as well', async () => {
    const repo = createRepo({
      '.github/workflows/dispatch.yml': WORKFLOW,
      'actions/echo/action.yml': ACTION,
      'actions/echo/index.mjs': INDEX,
    });
    const run = await runAct({
      repo,
      workflow: '.github/workflows/dispatch.yml',
      event: 'workflow_dispatch',
      inputs: { reason: 'rerun 2026-05-02' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs('echo', 'echo').reason).toBe('rerun 2026-05-02');
  });

  it('serves owner/repo@ref actions and reusable workflows from a local folder, main under ../../dist', async () => {
    const tool = createRepo({
      'actions/echo/action.yml': ACTION.replace('main: index.mjs', 'main: ../../dist/echo/index.mjs'),
      'dist/echo/index.mjs': INDEX,
      '.github/workflows/orchestrate.yml': REUSABLE,
    });
    const caller = createRepo({ '.github/workflows/caller.yml': CALLER });
    const run = await runAct({
      repo: caller,
      workflow: '.github/workflows/caller.yml',
      localRepositories: { 'acme/pipewright@v1': tool },
    });
    expect({ exit: run.exitCode, log: run.exitCode === 0 ? '' : run.stderr + run.output }).toEqual({
      exit: 0,
      log: '',
    });
    expect(run.outputs('direct', 'echo').reason).toBe('direct use');
    expect(run.output).toContain('caller got: through the reusable workflow');
  });
});
