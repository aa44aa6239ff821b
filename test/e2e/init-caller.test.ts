// Callers as `pipewright init` writes them, run in act as GitHub would run them through
// pipewright/pipewright@v1: a backfill of the scaffold's sample partition, and a handler
// that throws in a "type": "commonjs" repository, annotated at its file and line.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaffoldPipeline } from '../../src/scaffold/pipeline.js';
import { callerWorkflow, prCallerWorkflow } from '../../src/scaffold/workflows.js';
import { THROWING_PIPELINE } from '../adoption/commonjs-repo.js';
import type { ActRun } from '../support/act.js';
import { artifactNames, createRepoOf, extractArtifact, logOf, runCaller } from './harness.js';

const COMMONJS = { 'package.json': '{ "name": "shop", "type": "commonjs" }\n' };

function caller(dagId: string) {
  return { dagId, grain: 'daily' as const, timezone: 'UTC', schedule: '0 6 * * *', pipelinesDir: 'pipelines' };
}

const workflowOf = (dagId: string) => `.github/workflows/${dagId.replaceAll('_', '-')}.yml`;

describe('the caller init writes, run in act', () => {
  let run: ActRun;
  let key: string;
  let expected: string;

  beforeAll(async () => {
    const options = caller('web_sessions');
    const { files, sample } = scaffoldPipeline({
      ...options,
      owner: 'web-analytics',
      now: new Date('2026-05-03T12:00:00Z'),
    });
    key = sample.key;
    expected = files.find((f) => f.path.includes('/expected/'))!.content;
    const shop = createRepoOf({
      ...Object.fromEntries(files.map((f) => [f.path, f.content])),
      [workflowOf('web_sessions')]: callerWorkflow(options),
      '.github/workflows/pipelines-pr.yml': prCallerWorkflow(options),
      'pipelines/package.json': '{ "type": "module" }\n',
      ...COMMONJS,
    });
    ({ run } = await runCaller(
      shop,
      { event: 'workflow_dispatch', inputs: { start: key, end: key, reason: 'first backfill after init' } },
      workflowOf('web_sessions'),
    ));
  }, 200_000);

  it('backfills the sample partition and uploads the output init expects', () => {
    expect(run.exitCode, logOf(run)).toBe(0);
    expect(run.jobRuns('run').map((j) => [j.matrix.label, j.result])).toEqual([[key, 'success']]);
    expect(run.output).toContain('summarize_events: 3 events, 4975 cents');
    expect(artifactNames(run)).toEqual([`pipewright-web_sessions-${key}`]);
    const out = extractArtifact(run, `pipewright-web_sessions-${key}`);
    try {
      expect(fs.readFileSync(path.join(out, 'summary', `dt=${key}`, 'summary.csv'), 'utf8')).toBe(expected);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a handler that throws, run in act', () => {
  let run: ActRun;
  const PLACE = { file: 'pipelines/sessions/tasks/sessionize.ts', line: '2', col: '17' };

  beforeAll(async () => {
    const shop = createRepoOf({
      ...THROWING_PIPELINE,
      [workflowOf('sessions')]: callerWorkflow(caller('sessions')),
      ...COMMONJS,
    });
    ({ run } = await runCaller(
      shop,
      { event: 'workflow_dispatch', inputs: { start: '2026-05-01', end: '2026-05-01', reason: 'try the new task' } },
      workflowOf('sessions'),
    ));
  }, 200_000);

  it('annotates the error on the file and line of the throw, with the frames below it', () => {
    const annotation = run.annotations('run').find((a) => a.properties.title === 'pipewright: build_sessions failed');
    expect(annotation, logOf(run)).toMatchObject({ level: 'error', properties: PLACE });
    expect(annotation?.message).toBe(
      "2026-05-01: task build_sessions failed: Cannot read properties of undefined (reading 'minutes')\n" +
        `    at sessionize (${PLACE.file}:2:17)\n` +
        '    at buildSessions (pipelines/sessions/tasks/build_sessions.ts:7:3)',
    );
  });

  it('puts the place in the quality report of the artifact', () => {
    const out = extractArtifact(run, 'pipewright-sessions-2026-05-01');
    try {
      const report = JSON.parse(
        fs.readFileSync(path.join(out, 'quality', 'dt=2026-05-01', 'quality_report.json'), 'utf8'),
      );
      expect(report.tasks[0].error.split('\n')[0]).toBe(
        `${PLACE.file}:2:17: Cannot read properties of undefined (reading 'minutes')`,
      );
      expect(fs.readFileSync(path.join(out, 'quality', 'dt=2026-05-01', 'quality_report.md'), 'utf8')).toContain(
        `**Cause:** task build_sessions failed: ${PLACE.file}:2:17: Cannot read properties`,
      );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
