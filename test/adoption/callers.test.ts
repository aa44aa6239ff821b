// validate checks the repository's callers of pipewright.yml against the contracts,
// with each problem located in the workflow file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { npmInit } from './commonjs-repo.js';

const tempRoot = tempRoots('pw-callers-');
const CALLER = '.github/workflows/web-sessions.yml';

/** A repository scaffolded by init, with `edit` applied to one of its files. */
function scaffolded(edits: Record<string, (text: string) => string> = {}): string {
  const root = tempRoot();
  npmInit(root);
  expect(pipewright(root, ['init', 'web_sessions']).status).toBe(0);
  for (const [file, edit] of Object.entries(edits))
    writeFileSync(join(root, file), edit(readFileSync(join(root, file), 'utf8')));
  return root;
}

const validate = (root: string) => pipewright(root, ['validate', '--no-imports']);

describe('validate checks the callers of pipewright.yml', () => {
  it('accepts the callers init writes', () => {
    const run = validate(scaffolded());
    expect(run.stdout).toBe('1 pipeline, 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
  });

  it('locates a cron and a zone that disagree with the contract', () => {
    const root = scaffolded({
      [CALLER]: (t) => t.replace('cron: "0 6 * * *"', 'cron: "0 7 * * *"\n      timezone: Asia/Almaty'),
    });
    const run = validate(root);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      `${CALLER}:7:13: error: cron '0 7 * * *' disagrees with the contract of 'web_sessions' (schedule '0 6 * * *'): use cron: "0 6 * * *"`,
      `${CALLER}:8:17: error: timezone Asia/Almaty disagrees with the contract of 'web_sessions' (timezone UTC): add timezone: UTC`,
    ]);
  });

  it('translates a descriptor in the contract to the cron GitHub runs', () => {
    const contract = 'pipelines/web_sessions/pipeline.yml';
    const agrees = scaffolded({
      [contract]: (t) => t.replace('schedule: "0 6 * * *"', 'schedule: "@daily"'),
      [CALLER]: (t) => t.replace('cron: "0 6 * * *"', 'cron: "0 0 * * *"'),
    });
    expect(validate(agrees).status).toBe(0);
    const disagrees = scaffolded({ [contract]: (t) => t.replace('schedule: "0 6 * * *"', 'schedule: "@daily"') });
    expect(validate(disagrees).stdout).toContain(
      `${CALLER}:7:13: error: cron '0 6 * * *' disagrees with the contract of 'web_sessions' (schedule '0 0 * * *' (@daily)): use cron: "0 0 * * *"`,
    );
  });

  it('checks a caller against a contract validate was not asked about, and leaves a broken contract to its own errors', () => {
    const contract = 'pipelines/web_sessions/pipeline.yml';
    const root = scaffolded({ [CALLER]: (t) => t.replace('cron: "0 6 * * *"', 'cron: "0 7 * * *"') });
    // Only another contract validated: the caller's contract is read from disk for its schedule.
    const other = join(root, 'elsewhere', 'other_sessions');
    mkdirSync(other, { recursive: true });
    writeFileSync(
      join(other, 'pipeline.yml'),
      readFileSync(join(root, contract), 'utf8').replace('dag_id: web_sessions', 'dag_id: other_sessions'),
    );
    const elsewhere = pipewright(root, ['validate', '--no-imports', 'elsewhere']);
    expect(elsewhere.stdout).toContain(`${CALLER}:7:13: error: cron '0 7 * * *' disagrees with the contract`);
    writeFileSync(join(root, contract), readFileSync(join(root, contract), 'utf8').replace('owner:', 'ownr:'));
    const broken = validate(root);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`${contract}:`);
    expect(broken.stdout).not.toContain('disagrees with the contract');
  });

  it('locates a pipeline that does not exist and permissions the jobs need', () => {
    const root = scaffolded({
      [CALLER]: (t) =>
        t.replace('pipeline: web_sessions', 'pipeline: web_sesions').replace('      issues: write\n', ''),
    });
    const run = validate(root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${CALLER}:45:5: error: job 'orchestrate' calls pipewright.yml without issues: write: grant the job contents: write, actions: write, issues: write, id-token: write`,
    );
    expect(run.stdout).toContain(
      `${CALLER}:50:17: error: pipeline 'web_sesions' does not exist (no pipelines/web_sesions/pipeline.yml; pipelines: web_sessions)`,
    );
  });

  it('locates a site job that cannot deploy Pages, and accepts one that grants what the deploy job needs', () => {
    const site = (permissions: string) => (t: string) =>
      `${t}\n  pages:\n    needs: orchestrate\n    uses: pipewright/pipewright/.github/workflows/pipewright-site.yml@v1\n    permissions:\n${permissions}`;
    const readOnly = validate(scaffolded({ [CALLER]: site('      contents: read\n') }));
    expect(readOnly.status).toBe(1);
    expect(readOnly.stdout).toMatch(
      /web-sessions\.yml:\d+:5: error: job 'pages' calls pipewright-site\.yml without pages: write, id-token: write: grant the job contents: read, pages: write, id-token: write/,
    );
    const granted = validate(
      scaffolded({ [CALLER]: site('      contents: read\n      pages: write\n      id-token: write\n') }),
    );
    expect(granted.stdout).toBe('1 pipeline, 0 errors, 0 warnings\n');
  });
});
