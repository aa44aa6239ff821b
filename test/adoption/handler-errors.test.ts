// A handler that throws shows the user's file:line:col and their frames in the terminal, the
// run record and the quality report; task code loads as ES modules in a commonjs repository.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, renderReportMarkdown } from '../../src/quality/report.js';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { pipewright } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { npmInit, throwingPipeline } from './commonjs-repo.js';

const tempRoot = tempRoots('pw-adopt-');
const PLACE = 'pipelines/sessions/tasks/sessionize.ts:2:17';

describe('a throwing handler in a repository made by npm init -y', () => {
  it('validates (the import probe loads the .ts files as ES modules) and reports the place of the failure', async () => {
    const root = tempRoot();
    npmInit(root);
    throwingPipeline(root);

    const validate = pipewright(root, ['validate']);
    expect(validate.stdout + validate.stderr).toContain('1 pipeline, 0 errors');
    expect(validate.status).toBe(0);

    const dataRoot = join(root, 'data');
    const run = pipewright(root, ['run', 'sessions', '--partition', '2026-05-01', '--data-root', dataRoot]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `build_sessions failed (code): ${PLACE}: Cannot read properties of undefined (reading 'minutes')`,
    );
    expect(run.stderr).toContain('    at buildSessions (pipelines/sessions/tasks/build_sessions.ts:7:3)');

    const [record] = await new FsLedger(dataRoot).runs('sessions', '2026-05-01');
    const task = record?.tasks.find((t) => t.id === 'build_sessions');
    expect(task?.error?.split('\n')).toEqual([
      `${PLACE}: Cannot read properties of undefined (reading 'minutes')`,
      `    at sessionize (${PLACE})`,
      '    at buildSessions (pipelines/sessions/tasks/build_sessions.ts:7:3)',
    ]);
    const markdown = renderReportMarkdown(buildReport(record!));
    expect(markdown).toContain(`**Cause:** task build_sessions failed: ${PLACE}: Cannot read properties`);
  });
});
