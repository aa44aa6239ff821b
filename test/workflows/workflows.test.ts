// Static proofs about the workflows: actionlint and zizmor are clean, third-party
// actions are pinned to commits, checkouts keep no credentials, no user-controlled
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
  id?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  if?: string;
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
    const result = spawnSync(
      actionlint,
      ['-no-color', '-oneline', ...workflowFiles.map((f) => join(workflowsDir, f))],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    // 0: clean, 1: problems found (listed on stdout); anything else means actionlint could not run.
    expect([0, 1], `actionlint exited ${result.status}: ${result.stderr}${result.error ?? ''}`).toContain(
      result.status,
    );
    const problems = result.stdout
      .split('\n')
      .filter(Boolean)
      .filter((line) => !NEWER_THAN_ACTIONLINT.some((allowed) => line.includes(allowed)));
    expect(problems, result.stderr).toEqual([]);
    if (result.status === 1) expect(result.stdout).not.toBe('');
  });

  it('pass the pinned zizmor (1.32.0) with the exceptions justified in .github/zizmor.yml', () => {
    const zizmor = ensureTool('zizmor');
    const config = join(root, '.github/zizmor.yml');
    const result = spawnSync(zizmor, ['--offline', '--config', config, '--format', 'plain', workflowsDir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status, `zizmor exited ${result.status}:\n${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('No findings to report');
  });

  it('pin every third-party action to a full commit SHA, with its version in a comment', () => {
    const unpinned: string[] = [];
    for (const file of workflowFiles) {
      const lines = readFileSync(join(workflowsDir, file), 'utf8').split('\n');
      for (const [i, line] of lines.entries()) {
        const uses = /^\s*(?:- )?uses:\s*(\S+)(.*)$/.exec(line);
        if (!uses || uses[1]!.startsWith('./') || uses[1]!.startsWith('pipewright/pipewright/')) continue;
        if (!/@[0-9a-f]{40}$/.test(uses[1]!) || !/^\s*# v\d+\.\d+\.\d+$/.test(uses[2]!))
          unpinned.push(`${file}:${i + 1}: ${line.trim()}`);
      }
    }
    expect(unpinned).toEqual([]);
  });

  it('check out without persisting credentials; the ledger steps get the token as an input', () => {
    const persisting: string[] = [];
    for (const file of workflowFiles) {
      for (const [jobId, job] of Object.entries(load(file).jobs)) {
        for (const [i, step] of (job.steps ?? []).entries()) {
          if (!step.uses?.startsWith('actions/checkout@')) continue;
          if (step.with?.['persist-credentials'] !== false) persisting.push(`${file} ${jobId} step ${i + 1}`);
        }
      }
    }
    expect(persisting).toEqual([]);
    const jobs = load('pipewright.yml').jobs;
    const ledgerSteps = ['plan', 'run'].map((id) => jobs[id]!.steps!.find((s) => s.id === id)!);
    const githubToken = ['$', '{{ github.token }}'].join('');
    for (const step of ledgerSteps) expect(step.with?.['github-token']).toBe(githubToken);
    // Only the ledger step of the run job sees a token; the install step and the rest see none.
    const others = jobs.run!.steps!.filter((s) => s.id !== 'run');
    expect(others.filter((s) => JSON.stringify(s).includes('token'))).toEqual([]);
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

  it('grant each called workflow every permission its jobs ask for (GitHub refuses the run at startup otherwise)', () => {
    // GitHub checks every job of a called workflow against the calling job's grant before anything
    // runs, even a job whose `if` would skip it (actions/runner#4151), so the whole run fails.
    const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };
    const grant = (permissions: unknown, scope: string): number => {
      if (permissions === 'write-all') return 2;
      if (permissions === 'read-all') return 1;
      return LEVEL[(permissions as Record<string, string> | undefined)?.[scope] ?? 'none'] ?? 0;
    };
    const missing: string[] = [];
    for (const file of workflowFiles) {
      const workflow = load(file) as Workflow & { permissions?: unknown };
      for (const [jobId, job] of Object.entries(workflow.jobs)) {
        const called = /^\.\/\.github\/workflows\/(.+)$/.exec(job.uses ?? '')?.[1];
        if (!called) continue;
        const granted = job.permissions ?? workflow.permissions;
        for (const [calledJobId, calledJob] of Object.entries(load(called).jobs)) {
          for (const [scope, level] of Object.entries((calledJob.permissions ?? {}) as Record<string, string>)) {
            if (grant(granted, scope) < (LEVEL[level] ?? 0))
              missing.push(`${file} ${jobId} → ${called} ${calledJobId}: ${scope}: ${level}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('give pages to the Pages deploy job only, and id-token only to jobs whose one OIDC step is opt-in', () => {
    const pages: string[] = [];
    const idToken: string[] = [];
    for (const file of workflowFiles.filter((f) => f.startsWith('pipewright'))) {
      for (const [jobId, job] of Object.entries(load(file).jobs)) {
        const permissions = (job.permissions ?? {}) as Record<string, string>;
        if (permissions.pages) pages.push(`${file} ${jobId}`);
        if (permissions['id-token']) idToken.push(`${file} ${jobId}`);
      }
    }
    expect(pages).toEqual(['pipewright-site.yml deploy']);
    expect(idToken.sort()).toEqual(['pipewright-site.yml deploy', 'pipewright.yml plan', 'pipewright.yml run']);
    const deploy = load('pipewright-site.yml').jobs.deploy!;
    expect(deploy.steps!.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
    // The orchestrator asks GitHub for a token only to assume the caller's cloud role, when one is given.
    for (const jobId of ['plan', 'run']) {
      const oidc = load('pipewright.yml').jobs[jobId]!.steps!.filter((s) =>
        s.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(oidc.map((s) => s.if)).toEqual(["inputs.aws-role-to-assume != ''"]);
    }
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
