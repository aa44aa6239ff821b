// Scenario 2: the dispatch form starts a backfill of 2026-05-01..2026-05-03.
// Three matrix jobs run, each uploads pipewright-turanmart_daily_sales-<ds>,
// and the gold inside each artifact is byte for byte the expected file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActRun, REPO_ROOT } from '../support/act.js';
import { artifactNames, createShopRepo, DAG, extractArtifact, logOf, runCaller } from './harness.js';

const DAYS = ['2026-05-01', '2026-05-02', '2026-05-03'];

describe('a workflow_dispatch backfill in act', () => {
  let run: ActRun;

  beforeAll(async () => {
    const shop = createShopRepo();
    ({ run } = await runCaller(shop, {
      event: 'workflow_dispatch',
      inputs: { start: '2026-05-01', end: '2026-05-03', reason: 'reload after the POS outage' },
    }));
  }, 200_000);

  it('runs three matrix jobs, one per day, each green', () => {
    expect(run.exitCode, logOf(run)).toBe(0);
    expect(
      run
        .jobRuns('run')
        .map((j) => [j.matrix.label, j.result])
        .sort(),
    ).toEqual(DAYS.map((d) => [d, 'success']));
    // Throttled to the contract's max_active_runs (act itself does not apply it: docs/workflows.md).
    expect(run.outputs('plan', 'plan')['max-parallel']).toBe('1');
    expect(run.output).toMatch(/setup-node stand-in: using .*node_modules\/.*\(v24\./);
  });

  it('yields one report artifact per day whose gold matches expected/', () => {
    expect(artifactNames(run)).toEqual(DAYS.map((d) => `pipewright-${DAG}-${d}`));
    for (const day of DAYS) {
      const dir = extractArtifact(run, `pipewright-${DAG}-${day}`);
      const gold = path.join('gold', 'daily_sales', `dt=${day}`, 'daily_sales.csv');
      const expected = fs.readFileSync(path.join(REPO_ROOT, 'pipelines', DAG, 'expected', gold));
      expect(fs.readFileSync(path.join(dir, gold)).equals(expected), `${day} gold`).toBe(true);
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'quality', `dt=${day}`, 'quality_report.json'), 'utf8'));
      expect({ partition: report.partition, status: report.status, reason: report.reason }).toEqual({
        partition: day,
        status: 'success',
        reason: 'reload after the POS outage',
      });
    }
  });

  it('summarises the whole run in the report job', () => {
    expect(run.outputs('report', 'report').status).toBe('success');
    const summary = run.summary('report');
    for (const day of DAYS) expect(summary).toContain(day);
  });
});
