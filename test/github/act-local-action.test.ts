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
});
