// Callers of the reusable workflows, checked against the contracts: a workflow in
// .github/workflows that `uses:` pipewright.yml must name a pipeline that exists, carry the
// contract's schedule as GitHub cron in the contract's zone, and grant the permissions the
// reusable workflow's jobs need. Each problem is located in the workflow file.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { githubCron } from '../schedule/github-cron.js';
import { checkContractText } from './check-file.js';
import { CONTRACT_FILE } from './discover.js';
import type { Diagnostic, Pipeline } from './model.js';
import { type ContractSource, type PathSegment, parseContract } from './source.js';

/**
 * The permissions each reusable workflow's jobs need, granted by the calling job. GitHub refuses the
 * whole run at startup when the caller grants less, even for a job that would be skipped.
 */
export const CALLER_PERMISSIONS: Record<
  'pipewright.yml' | 'pipewright-pr.yml' | 'pipewright-site.yml',
  Record<string, 'read' | 'write'>
> = {
  'pipewright.yml': { contents: 'write', actions: 'write', issues: 'write', 'id-token': 'write' },
  'pipewright-pr.yml': { contents: 'read' },
  'pipewright-site.yml': { contents: 'read', pages: 'write', 'id-token': 'write' },
};

/** What each reusable workflow uses its permissions for, for the message. */
const PERMISSIONS_FOR: Record<keyof typeof CALLER_PERMISSIONS, string> = {
  'pipewright.yml': 'run records, artifacts, alert issues and a bucket data root (OIDC)',
  'pipewright-pr.yml': 'reading the checkout',
  'pipewright-site.yml': 'reading the state branch and deploying GitHub Pages',
};

type Reusable = keyof typeof CALLER_PERMISSIONS;
type Level = 'none' | 'read' | 'write';
const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isExpression = (v: unknown) => typeof v === 'string' && v.includes('${{');

/** Which reusable workflow a job's `uses:` calls, if one of ours (by repository and ref, or locally). */
export function reusableCalled(uses: unknown): Reusable | undefined {
  if (typeof uses !== 'string') return undefined;
  const m = /(?:^|\/)\.github\/workflows\/(pipewright(?:-pr|-site)?\.yml)(?:@.+)?$/.exec(uses.trim());
  return m ? (m[1] as Reusable) : undefined;
}

/** The level a `permissions:` value grants for one scope (undefined: the key is absent). */
function granted(permissions: unknown, scope: string): Level | undefined {
  if (permissions === undefined) return undefined;
  if (permissions === 'write-all') return 'write';
  if (permissions === 'read-all') return 'read';
  if (!isRecord(permissions)) return 'none';
  const level = permissions[scope];
  return level === 'write' || level === 'read' ? level : 'none';
}

function checkPermissions(
  source: ContractSource,
  jobId: string,
  job: Record<string, unknown>,
  workflow: Record<string, unknown>,
  reusable: Reusable,
): Diagnostic[] {
  const atJob = 'permissions' in job;
  const permissions = atJob ? job.permissions : workflow.permissions;
  const path: PathSegment[] = atJob
    ? ['jobs', jobId, 'permissions']
    : workflow.permissions
      ? ['permissions']
      : ['jobs', jobId, 'uses'];
  const missing = Object.entries(CALLER_PERMISSIONS[reusable])
    .filter(([scope, need]) => RANK[granted(permissions, scope) ?? 'none'] < RANK[need])
    .map(([scope, need]) => `${scope}: ${need}`);
  if (missing.length === 0) return [];
  const all = Object.entries(CALLER_PERMISSIONS[reusable]).map(([scope, need]) => `${scope}: ${need}`);
  return [
    source.diagnostic(
      path,
      `job '${jobId}' calls ${reusable} without ${missing.join(', ')}: grant the job ${all.join(', ')} ` +
        `(${PERMISSIONS_FOR[reusable]})`,
      { target: 'key' },
    ),
  ];
}

/** The crons and zones of `on.schedule`, with their paths. */
function scheduleEntries(on: unknown): { cron: unknown; timezone: unknown; index: number }[] {
  if (!isRecord(on) || !Array.isArray(on.schedule)) return [];
  return on.schedule.map((entry: unknown, index) =>
    isRecord(entry)
      ? { cron: entry.cron, timezone: entry.timezone, index }
      : { cron: undefined, timezone: undefined, index },
  );
}

/** Contracts validate has already checked: their files (absolute) and the pipelines of those without errors. */
export interface CheckedContracts {
  files: readonly string[];
  pipelines: readonly Pipeline[];
}

/** The contract's pipeline, from the contracts already checked when it is one of them; undefined if it has errors. */
async function contractAt(file: string, checked: CheckedContracts | undefined): Promise<Pipeline | undefined> {
  if (checked?.files.some((f) => resolve(f) === file)) return checked.pipelines.find((p) => resolve(p.file) === file);
  return checkContractText(file, await readFile(file, 'utf8')).pipeline;
}

function checkSchedule(
  source: ContractSource,
  workflow: Record<string, unknown>,
  jobId: string,
  contract: Pipeline | undefined,
): Diagnostic[] {
  if (!contract) return []; // the contract's own errors are reported with the contracts
  const entries = scheduleEntries(workflow.on);
  const out: Diagnostic[] = [];
  if (!contract.schedule) {
    for (const e of entries)
      out.push(
        source.diagnostic(
          ['on', 'schedule', e.index, 'cron'],
          `pipeline '${contract.dagId}' has no schedule (manual runs only) but this caller runs on cron '${String(e.cron)}': add the schedule to the contract or remove it here`,
        ),
      );
    return out;
  }
  const want = githubCron(contract.schedule);
  const described = want === contract.schedule ? `'${want}'` : `'${want}' (${contract.schedule})`;
  if (entries.length === 0) {
    out.push(
      source.diagnostic(
        ['on'],
        `job '${jobId}' runs pipeline '${contract.dagId}', whose contract is scheduled ${described} in ${contract.timezone}, but this workflow has no on.schedule: add - cron: "${want}" with timezone: ${contract.timezone}`,
        { target: 'key', severity: 'warning' },
      ),
    );
    return out;
  }
  for (const e of entries) {
    if (typeof e.cron !== 'string' || githubCron(e.cron) !== want)
      out.push(
        source.diagnostic(
          ['on', 'schedule', e.index, 'cron'],
          `cron '${String(e.cron)}' disagrees with the contract of '${contract.dagId}' (schedule ${described}): use cron: "${want}"`,
        ),
      );
    const zone = typeof e.timezone === 'string' ? e.timezone : 'UTC';
    if (zone !== contract.timezone)
      out.push(
        source.diagnostic(
          e.timezone === undefined ? ['on', 'schedule', e.index, 'cron'] : ['on', 'schedule', e.index, 'timezone'],
          `${e.timezone === undefined ? 'no timezone (GitHub reads the cron in UTC)' : `timezone ${zone}`} disagrees with the contract of '${contract.dagId}' (timezone ${contract.timezone}): add timezone: ${contract.timezone}`,
        ),
      );
  }
  return out;
}

/**
 * Every problem in the callers under `<repoRoot>/.github/workflows`, and the files that call us.
 * `checked`: the contracts validate has just checked (with its cache), so each is not checked again here.
 */
export async function checkCallers(
  repoRoot: string,
  checked?: CheckedContracts,
): Promise<{ callers: string[]; diagnostics: Diagnostic[] }> {
  const dir = join(repoRoot, '.github', 'workflows');
  const names = existsSync(dir) ? (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  const callers: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const source = parseContract(file, await readFile(file, 'utf8'));
    const workflow = source.data;
    if (!isRecord(workflow) || !isRecord(workflow.jobs)) continue;
    let calls = false;
    for (const [jobId, job] of Object.entries(workflow.jobs)) {
      if (!isRecord(job)) continue;
      const reusable = reusableCalled(job.uses);
      if (!reusable) continue;
      calls = true;
      diagnostics.push(...checkPermissions(source, jobId, job, workflow, reusable));
      if (reusable !== 'pipewright.yml') continue;
      const inputs = isRecord(job.with) ? job.with : {};
      const dagId = inputs.pipeline;
      const pipelinesDir = typeof inputs['pipelines-dir'] === 'string' ? inputs['pipelines-dir'] : 'pipelines';
      if (typeof dagId !== 'string' || isExpression(dagId) || isExpression(pipelinesDir)) continue;
      const contractFile = join(repoRoot, pipelinesDir, dagId, CONTRACT_FILE);
      if (!existsSync(contractFile)) {
        const known = existsSync(join(repoRoot, pipelinesDir))
          ? (await readdir(join(repoRoot, pipelinesDir), { withFileTypes: true }))
              .filter((e) => e.isDirectory() && existsSync(join(repoRoot, pipelinesDir, e.name, CONTRACT_FILE)))
              .map((e) => e.name)
          : [];
        diagnostics.push(
          source.diagnostic(
            ['jobs', jobId, 'with', 'pipeline'],
            `pipeline '${dagId}' does not exist (no ${pipelinesDir}/${dagId}/${CONTRACT_FILE}; pipelines: ${known.join(', ') || 'none'})`,
          ),
        );
        continue;
      }
      diagnostics.push(...checkSchedule(source, workflow, jobId, await contractAt(resolve(contractFile), checked)));
    }
    if (calls) callers.push(file);
  }
  return { callers, diagnostics };
}

/** Whether a workflow's `on:` lets the API start it (`workflow_dispatch`), in any of its three shapes. */
function dispatchable(on: unknown): boolean {
  if (on === 'workflow_dispatch') return true;
  if (Array.isArray(on)) return on.includes('workflow_dispatch');
  return isRecord(on) && 'workflow_dispatch' in on;
}

/**
 * The workflow file (name under .github/workflows) that runs each pipeline through pipewright.yml
 * and can be dispatched, by dag_id: where an upstream's report job sends its downstream runs.
 */
export async function dispatchableCallers(repoRoot: string): Promise<Map<string, string>> {
  const dir = join(repoRoot, '.github', 'workflows');
  const names = existsSync(dir) ? (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort() : [];
  const found = new Map<string, string>();
  for (const name of names) {
    const workflow = parseContract(join(dir, name), await readFile(join(dir, name), 'utf8')).data;
    if (!isRecord(workflow) || !isRecord(workflow.jobs) || !dispatchable(workflow.on)) continue;
    for (const job of Object.values(workflow.jobs)) {
      if (!isRecord(job) || reusableCalled(job.uses) !== 'pipewright.yml' || !isRecord(job.with)) continue;
      const dagId = job.with.pipeline;
      if (typeof dagId === 'string' && !isExpression(dagId) && !found.has(dagId)) found.set(dagId, name);
    }
  }
  return found;
}
