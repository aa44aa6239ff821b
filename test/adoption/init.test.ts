// `pipewright init` in a repository that has no pipeline yet: the scaffold validates, runs
// and matches its expected output as generated, for every grain.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureTool } from '../../scripts/install-tools.js';
import { TSX_IMPORT } from '../support/act.js';
import { NODE, pipewright, REPO_ROOT } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { npmInit } from './commonjs-repo.js';

const tempRoot = tempRoots('pw-init-');

describe('pipewright init', () => {
  it('scaffolds a daily pipeline with the defaults that validate, run and expect accept', () => {
    const root = tempRoot();
    npmInit(root);
    const init = pipewright(root, ['init', 'web_sessions']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const contract = readFileSync(join(root, 'pipelines/web_sessions/pipeline.yml'), 'utf8');
    expect(contract).toContain('schedule: "0 6 * * *"\ntimezone: UTC\npartition: daily\n');
    const caller = readFileSync(join(root, '.github/workflows/web-sessions.yml'), 'utf8');
    expect(caller).toContain('    - cron: "0 6 * * *"\n  workflow_dispatch:\n');
    expect(caller).toContain('uses: pipewright/pipewright/.github/workflows/pipewright.yml@v1');
    // The status site on Pages, off until the repository variable says Pages is set up.
    expect(caller).toContain(
      `    if: \${{ !cancelled() && vars.PIPEWRIGHT_SITE == 'true' }}\n    uses: pipewright/pipewright/.github/workflows/pipewright-site.yml@v1\n`,
    );
    expect(existsSync(join(root, '.github/workflows/pipelines-pr.yml'))).toBe(true);
    const task = readFileSync(join(root, 'pipelines/web_sessions/tasks/summarize_events.ts'), 'utf8');
    expect(task).toContain("import type { TaskContext, TaskOutcome } from 'pipewright';");

    const lint = spawnSync(
      ensureTool('actionlint'),
      ['.github/workflows/web-sessions.yml', '.github/workflows/pipelines-pr.yml'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);

    expect(pipewright(root, ['validate']).status).toBe(0);
    const key = /--partition (\S+)/.exec(init.stdout)?.[1] ?? '';
    const run = pipewright(root, ['run', 'web_sessions', '--partition', key]);
    expect(run.stdout).toContain(`web_sessions ${key}: success`);
    const check = pipewright(root, ['expect']);
    expect(check.stdout).toContain('1 expected files, 1 match, 0 differ');
    expect(check.status).toBe(0);
  });

  it('writes an hourly Hive layout and a descriptor as GitHub cron', () => {
    const root = tempRoot();
    npmInit(root);
    const init = pipewright(root, [
      'init',
      'clicks',
      '--grain',
      'hourly',
      '--timezone',
      'Asia/Almaty',
      '--schedule',
      '@hourly',
    ]);
    expect(init.status).toBe(0);
    expect(readFileSync(join(root, 'pipelines/clicks/pipeline.yml'), 'utf8')).toContain(
      'schedule: "0 * * * *"\ntimezone: Asia/Almaty\npartition: hourly\n',
    );
    const [day] = readdirSync(join(root, 'pipelines/clicks/expected/summary'));
    expect(readdirSync(join(root, 'pipelines/clicks/expected/summary', day!))[0]).toMatch(/^hour=\d\d$/);
    expect(readFileSync(join(root, '.github/workflows/clicks.yml'), 'utf8')).toContain(
      'description: First partition to backfill (YYYY-MM-DDTHH, inclusive)',
    );
    expect(spawnSync(ensureTool('actionlint'), ['.github/workflows/clicks.yml'], { cwd: root }).status).toBe(0);
    expect(pipewright(root, ['validate']).status).toBe(0);
    expect(pipewright(root, ['expect']).status).toBe(0);
  });

  // util-linux `script` gives the command a terminal, as a person at a prompt has.
  it.runIf(spawnSync('script', ['--version']).status === 0)('asks at a terminal, keeping answers typed ahead', () => {
    const root = tempRoot();
    npmInit(root);
    const cli = [NODE, '--import', TSX_IMPORT, join(REPO_ROOT, 'src/cli/index.ts'), 'init', 'clicks'];
    const session = spawnSync('script', ['-qec', cli.map((a) => `'${a}'`).join(' '), '/dev/null'], {
      cwd: root,
      input: 'hourly\nAsia/Almaty\n\nsales-team\n',
      encoding: 'utf8',
      env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '' },
    });
    expect(session.status, session.stdout).toBe(0);
    expect(session.stdout).toContain('Time zone (IANA name) [UTC]: ');
    expect(readFileSync(join(root, 'pipelines/clicks/pipeline.yml'), 'utf8')).toContain(
      'owner: sales-team\ntags: [clicks]\n\nschedule: "5 * * * *"\ntimezone: Asia/Almaty\npartition: hourly\n',
    );
  });

  it('refuses a bad zone or an existing pipeline and writes nothing', () => {
    const root = tempRoot();
    npmInit(root);
    const bad = pipewright(root, ['init', 'web_sessions', '--timezone', 'Mars/Olympus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "pipewright init: unknown timezone 'Mars/Olympus' (use an IANA name such as Asia/Almaty or UTC)\n",
    );
    expect(existsSync(join(root, 'pipelines'))).toBe(false);

    expect(pipewright(root, ['init', 'web_sessions']).status).toBe(0);
    const again = pipewright(root, ['init', 'web_sessions', '--grain', 'weekly']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(root, 'pipelines/web_sessions/pipeline.yml'), 'utf8')).toContain('partition: daily');
  });
});
