// Failure alerts as GitHub issues: one open issue per (pipeline, partition),
// found again by a marker in its body, commented on when the partition fails
// again and closed when a later run of it succeeds. Never a duplicate.

import type { getOctokit } from '@actions/github';
import { type FailureClass, UsageError } from '../errors.js';
import * as core from './core.js';
import { markdownTable } from './summary.js';

export const ALERT_LABEL = 'pipewright';

export interface AlertTarget {
  owner: string;
  repo: string;
  dagId: string;
  partition: string;
}

export interface FailureAlert extends AlertTarget {
  event?: 'failure' | 'freshness_miss';
  /** The first task that failed (not the ones marked upstream_failed after it). */
  task?: string;
  failureClass?: FailureClass;
  error?: string;
  /** A freshness miss whose partition a sensor deferred in this run: that sensor's task (its input is late). */
  deferredBy?: string;
  /** Names of the checks that failed in the partition's report (none: the error is the cause). */
  failedChecks?: string[];
  runUrl?: string;
  /** The pipeline's `owner` from its contract. */
  pipelineOwner?: string;
  dataIntervalStart?: string;
  dataIntervalEnd?: string;
  /** The failed task's runbook (or the pipeline's): quoted first, before the facts. */
  runbook?: { ref: string; url?: string; text?: string };
  /** Extra labels and assignees from the contract's `alerts:` block. */
  labels?: string[];
  assignees?: string[];
}

export interface AlertCounts {
  opened: number;
  commented: number;
  closed: number;
  /** The issue opened, commented on or closed, when there was one. */
  issueNumber?: number;
}

/** The REST client of @actions/github: the runner's proxy settings, GITHUB_API_URL and its user agent. */
export type Octokit = ReturnType<typeof getOctokit>;

/**
 * An Octokit for the API this job talks to (GITHUB_API_URL covers GHES and test servers).
 * @actions/github loads here, on first use: most action starts never talk to the API.
 */
export async function createGitHubClient(options: { token?: string; baseUrl?: string } = {}): Promise<Octokit> {
  const token = options.token || core.getInput('github-token') || process.env.GITHUB_TOKEN;
  if (!token) {
    throw new UsageError(
      'alerts need a token: pass the github-token input (the job needs `permissions: issues: write`) or set GITHUB_TOKEN',
    );
  }
  // getOctokit routes through http(s)_proxy unless no_proxy says otherwise. It reads GITHUB_API_URL
  // once, when @actions/github loads; the variable as it is now wins (a step may set it later).
  const baseUrl = options.baseUrl ?? (process.env.GITHUB_API_URL || undefined);
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, { userAgent: 'pipewright', ...(baseUrl === undefined ? {} : { baseUrl }) });
}

/** The idempotency key hidden in the issue body. */
export function alertMarker(dagId: string, partition: string): string {
  return `<!-- pipewright-alert:${dagId}/${partition} -->`;
}

/** Whether re-running is safe, and what the on-call engineer should do first. */
export function retryAdvice(
  failureClass: FailureClass | undefined,
  failedChecks: string[] = [],
): { retry: string; firstAction: string } {
  switch (failureClass) {
    case 'transient':
      return {
        retry: 'Yes: the failure was transient.',
        firstAction: 'Re-run the failed job; if it fails again, check the upstream system named in the error.',
      };
    case 'timeout':
      return {
        retry: 'Yes: the task timed out.',
        firstAction: 'Re-run the failed job; if it times out again, check the source volume and the task `timeout`.',
      };
    case 'data':
      return {
        retry: 'After the source is fixed: the input broke its contract, a re-run would fail the same way.',
        // A data error raised by task code fails no check: then the error is what to read.
        firstAction: failedChecks.length
          ? `Read the failed checks (${failedChecks.map((c) => `\`${c}\``).join(', ')}) in the run summary and ask the source owner to correct the input.`
          : 'Read the error above and ask the source owner to correct the input.',
      };
    case 'code':
      return {
        retry: 'After a fix is deployed: the task code failed, a re-run would fail the same way.',
        firstAction: 'Read the error above, reproduce it locally with `pipewright run`, and ship a fix.',
      };
    case 'upstream':
      return {
        retry: 'Follows the upstream task that failed first.',
        firstAction: 'Open the run and find the first failed task; handle its failure class.',
      };
    default:
      return { retry: 'Unknown: read the run log first.', firstAction: 'Open the run log and find the failed task.' };
  }
}

function title(alert: FailureAlert): string {
  const what = alert.event === 'freshness_miss' ? 'missed its freshness deadline' : 'failed';
  const cls = alert.failureClass ? ` (${alert.failureClass})` : '';
  return `pipewright: ${alert.dagId} ${alert.partition} ${what}${cls}`;
}

// Issue bodies cap at 65,536 characters; the full error is in the run log anyway.
const MAX_ERROR_CHARS = 4_000;

function codeBlock(text: string): string {
  const clipped = text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}\n… (cut, see the run log)` : text;
  // A fence longer than any backtick run inside, so the error cannot close it.
  const longest = Math.max(2, ...[...clipped.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${clipped}\n${fence}\n`;
}

// A late partition has not failed: the usual cause is a scheduled run GitHub delayed or dropped.
const FRESHNESS_ADVICE = {
  retry: 'Yes: nothing failed, the partition is late.',
  firstAction:
    "Check that this tick's orchestrator run started (GitHub delays and drops scheduled runs); if not, dispatch it.",
};

/** The run started and a sensor waited in vain: the schedule is not the suspect, the input is. */
const DEFERRED_ADVICE = {
  retry: 'Yes: nothing failed; the next tick pokes for the input again.',
  firstAction:
    "The partition's input has not landed: ask the source owner when it lands; the next tick runs the partition once it has.",
};

/** The cause first (the failed task and its error, in the open), then the first action, then the facts. */
function facts(alert: FailureAlert): string {
  const late = alert.event === 'freshness_miss' && !alert.failureClass;
  const advice = late
    ? alert.deferredBy
      ? DEFERRED_ADVICE
      : FRESHNESS_ADVICE
    : retryAdvice(alert.failureClass, alert.failedChecks);
  const what =
    alert.event === 'freshness_miss'
      ? `the freshness deadline was missed${alert.deferredBy ? `: task \`${alert.deferredBy}\` deferred the partition (its input is not there yet)` : ''}`
      : 'the run failed';
  const cause = alert.task
    ? `task \`${alert.task}\` failed${alert.failureClass ? ` (${alert.failureClass})` : ''}`
    : what;
  const error = alert.error ? `\n${codeBlock(alert.error)}` : '\n';
  const interval =
    alert.dataIntervalStart && alert.dataIntervalEnd ? ` [${alert.dataIntervalStart}, ${alert.dataIntervalEnd})` : '';
  const rows: Array<[string, string]> = [
    ['Pipeline', `\`${alert.dagId}\``],
    ['Partition', `\`${alert.partition}\`${interval}`],
    ['Event', alert.event === 'freshness_miss' ? 'freshness deadline missed' : 'run failed'],
    ['Failed task', alert.task ? `\`${alert.task}\`` : 'n/a'],
    ['Failure class', alert.failureClass ?? 'unknown'],
    ['Run', alert.runUrl ? `[open the run](${alert.runUrl})` : 'n/a'],
    ['Owner', alert.pipelineOwner ?? 'n/a'],
    ['Safe to retry?', advice.retry],
  ];
  return `**Cause:** ${cause}\n${error}\n**First action:** ${advice.firstAction}\n\n${markdownTable(['', ''], rows)}\n`;
}

/** The runbook first: what to do, in the owners' own words, before the facts. */
function runbookBlock(runbook: FailureAlert['runbook']): string {
  if (!runbook) return '';
  const name = runbook.url ? `[\`${runbook.ref}\`](${runbook.url})` : `\`${runbook.ref}\``;
  if (!runbook.text) return `**Runbook:** ${name}\n\n`;
  const quoted = runbook.text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  return `**Runbook** (${name}):\n\n${quoted}\n\n`;
}

/** The issue body: everything on-call needs, plus the hidden idempotency marker. */
export function renderAlertBody(alert: FailureAlert): string {
  return (
    `${alertMarker(alert.dagId, alert.partition)}\n` +
    `### \`${alert.dagId}\` partition \`${alert.partition}\` needs attention\n\n` +
    `${runbookBlock(alert.runbook)}${facts(alert)}\n` +
    `This issue is managed by pipewright: a new failure of this partition adds a comment, ` +
    `and it closes itself when a later run of the partition succeeds.\n`
  );
}

interface OpenIssue {
  number: number;
}

/** The open alert for this partition, if any: open issues labelled `pipewright`, every page. */
export async function findOpenAlert(octokit: Octokit, target: AlertTarget): Promise<OpenIssue | undefined> {
  const marker = alertMarker(target.dagId, target.partition);
  const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    state: 'open',
    labels: ALERT_LABEL,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const issue of page.data) {
      if (!issue.pull_request && issue.body?.includes(marker)) return { number: issue.number };
    }
  }
  return undefined;
}

/** Opens the partition's alert issue, or comments on the one already open. */
export async function openOrUpdateAlert(alert: FailureAlert, octokit: Octokit): Promise<AlertCounts> {
  const { owner, repo } = alert;
  const open = await findOpenAlert(octokit, alert);
  if (open) {
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: open.number,
      body: `${alertMarker(alert.dagId, alert.partition)}\n### Failed again\n\n${facts(alert)}`,
    });
    return { opened: 0, commented: 1, closed: 0, issueNumber: open.number };
  }
  const created = await octokit.rest.issues.create({
    owner,
    repo,
    title: title(alert),
    body: renderAlertBody(alert),
    labels: [...new Set([ALERT_LABEL, ...(alert.labels ?? [])])],
    assignees: alert.assignees?.length ? alert.assignees : undefined,
  });
  return { opened: 1, commented: 0, closed: 0, issueNumber: created.data.number };
}

/** Closes the partition's open alert with a comment, once a later run of it succeeded. */
export async function resolveAlert(target: AlertTarget & { runUrl?: string }, octokit: Octokit): Promise<AlertCounts> {
  const open = await findOpenAlert(octokit, target);
  if (!open) return { opened: 0, commented: 0, closed: 0 };
  const run = target.runUrl ? ` in [this run](${target.runUrl})` : '';
  await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: open.number,
    body: `Resolved: partition \`${target.partition}\` of \`${target.dagId}\` succeeded${run}. Closing.`,
  });
  await octokit.rest.issues.update({
    owner: target.owner,
    repo: target.repo,
    issue_number: open.number,
    state: 'closed',
    state_reason: 'completed',
  });
  return { opened: 0, commented: 0, closed: 1, issueNumber: open.number };
}
