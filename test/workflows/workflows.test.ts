// Static proofs about the workflows: actionlint is clean, no user-controlled
// expression reaches a shell, and the caller's schedule matches the contract.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureTool } from '../../scripts/install-tools.js';

const root = join(import.meta.dirname, '../..');
const workflowsDir = join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));

// Keys newer than actionlint v1.7.12, documented in the README's "Workflows" section.
const NEWER_THAN_ACTIONLINT = ['unexpected key "queue" for "concurrency" section'];

interface Step {
  run?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps?: Step[]; permissions?: unknown; uses?: string }>;
}

function load(file: string): Workflow {
  return parse(readFileSync(join(workflowsDir, file), 'utf8')) as Workflow;
}

describe('workflows', () => {
  it('pass the pinned actionlint (v1.7.12), apart from documented newer keys', () => {
    const actionlint = ensureTool('actionlint');
    const run = spawnSync(actionlint, ['-no-color', '-oneline', ...workflowFiles.map((f) => join(workflowsDir, f))], {
      cwd: root,
      encoding: 'utf8',
    });
    // 0: clean, 1: problems found (listed on stdout); anything else means actionlint could not check at all.
    expect([0, 1], `actionlint exited ${run.status}: ${run.stderr}`).toContain(run.status);
    const problems = run.stdout
      .split('\n')
      .filter(Boolean)
      .filter((line) => !NEWER_THAN_ACTIONLINT.some((allowed) => line.includes(allowed)));
    expect(problems).toEqual([]);
  });

  it('never interpolate inputs or event data into run: scripts', () => {
    const offenders: string[] = [];
    for (const file of workflowFiles) {
      for (const [jobId, job] of Object.entries(load(file).jobs)) {
        for (const [i, step] of (job.steps ?? []).entries()) {
          const expressions = step.run?.match(/\$\{\{[^}]*\}\}/g) ?? [];
          for (const expression of expressions) offenders.push(`${file} ${jobId} step ${i + 1}: ${expression}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('declare least-privilege permissions on every job', () => {
    const missing: string[] = [];
    for (const file of workflowFiles) {
      const workflow = load(file) as Workflow & { permissions?: unknown };
      for (const [jobId, job] of Object.entries(workflow.jobs)) {
        if (job.permissions === undefined && workflow.permissions === undefined) missing.push(`${file}: ${jobId}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("schedule the TuranMart caller with the contract's cron and time zone", () => {
    const contract = parse(readFileSync(join(root, 'pipelines/turanmart_daily_sales/pipeline.yml'), 'utf8')) as {
      schedule: string;
      timezone: string;
    };
    const schedule = (load('turanmart-daily-sales.yml').on as { schedule: Array<{ cron: string; timezone?: string }> })
      .schedule;
    expect(schedule).toEqual([{ cron: contract.schedule, timezone: contract.timezone }]);
  });
});
