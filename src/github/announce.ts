// Announced backfills: a backfill that will change published history opens (or comments
// on) one issue per pipeline that mentions the people who read its outputs, with the
// reason, the range, the reprocess mode and who started it; the report job closes it
// with the outcome — partitions changed and failed, and per partition the row counts
// and numeric metrics against the version the backfill replaced (the baseline the plan
// took from the ledger before anything ran).

import { markdownText } from '../markdown.js';
import type { Octokit } from './alerts.js';
import { ALERT_LABEL } from './alerts.js';
import { markdownTable } from './summary.js';

/** What a partition's live version held before the backfill: rows per output path, numeric metrics. */
export interface PartitionBaseline {
  runId: string;
  rows: Record<string, number>;
  metrics: Record<string, number>;
}

export interface BackfillAnnouncement {
  owner: string;
  repo: string;
  dagId: string;
  start: string;
  end: string;
  reprocess: string;
  reason: string;
  /** Who started it (GITHUB_ACTOR). */
  actor?: string;
  consumers: string[];
  /** Partition keys the backfill will run. */
  partitions: string[];
  runUrl?: string;
}

/** The outcome of one partition, from its quality report. */
export interface PartitionOutcome {
  partition: string;
  status: string;
  publication: string;
  rows: Record<string, number>;
  metrics: Record<string, number | string>;
}

export const BACKFILL_LABEL = 'backfill';

export function announcementMarker(dagId: string): string {
  return `<!-- pipewright-backfill:${dagId} -->`;
}

function announcementText(a: BackfillAnnouncement): string {
  const range = a.start === a.end ? a.start : `${a.start}..${a.end}`;
  const who = a.actor ? `@${a.actor}` : 'an unknown actor';
  const cc = a.consumers.length ? `${a.consumers.join(' ')}: ` : '';
  const run = a.runUrl ? ` ([the run](${a.runUrl}))` : '';
  return (
    `${cc}a backfill of \`${a.dagId}\` ${range} is starting${run}: published partitions may change.\n\n` +
    markdownTable(
      ['', ''],
      [
        ['Reason', markdownText(a.reason)],
        ['Range', `\`${range}\` (${a.partitions.length} partition${a.partitions.length === 1 ? '' : 's'} to run)`],
        ['Reprocess', `\`${a.reprocess}\``],
        ['Started by', who],
      ],
    )
  );
}

async function findOpenAnnouncement(octokit: Octokit, owner: string, repo: string, dagId: string) {
  const marker = announcementMarker(dagId);
  const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'open',
    labels: ALERT_LABEL,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const issue of page.data) if (!issue.pull_request && issue.body?.includes(marker)) return issue.number;
  }
  return undefined;
}

/** Opens the pipeline's backfill announcement, or comments on the one still open. Returns its number. */
export async function announceBackfill(octokit: Octokit, a: BackfillAnnouncement): Promise<number> {
  const open = await findOpenAnnouncement(octokit, a.owner, a.repo, a.dagId);
  if (open !== undefined) {
    await octokit.rest.issues.createComment({
      owner: a.owner,
      repo: a.repo,
      issue_number: open,
      body: `### Another backfill\n\n${announcementText(a)}`,
    });
    return open;
  }
  const range = a.start === a.end ? a.start : `${a.start}..${a.end}`;
  const created = await octokit.rest.issues.create({
    owner: a.owner,
    repo: a.repo,
    title: `pipewright: backfill of ${a.dagId} ${range}`,
    body:
      `${announcementMarker(a.dagId)}\n${announcementText(a)}\n` +
      'pipewright closes this issue with the outcome when the backfill has run.\n',
    labels: [ALERT_LABEL, BACKFILL_LABEL],
  });
  return created.data.number;
}

const delta = (before: number | undefined, after: number | undefined): string => {
  if (before === undefined && after === undefined) return '—';
  if (before === undefined) return `${after} (new)`;
  if (after === undefined) return `${before} → —`;
  const d = after - before;
  return d === 0 ? `${after} (=)` : `${before} → ${after} (${d > 0 ? '+' : ''}${Number(d.toFixed(6))})`;
};

/** The outcome comment: partitions changed and failed, then row and metric deltas per partition. */
export function renderOutcome(outcomes: PartitionOutcome[], baseline: Record<string, PartitionBaseline>): string {
  const changed = outcomes.filter((o) => o.publication === 'published');
  const failed = outcomes.filter((o) => o.status !== 'success');
  const lines = [
    `### Backfill finished: ${changed.length} partition${changed.length === 1 ? '' : 's'} changed, ${failed.length} failed`,
    '',
  ];
  if (failed.length) lines.push(`Failed: ${failed.map((o) => `\`${o.partition}\``).join(', ')}`, '');
  const rows: string[][] = [];
  for (const o of outcomes) {
    const before = baseline[o.partition];
    const paths = [...new Set([...Object.keys(before?.rows ?? {}), ...Object.keys(o.rows)])].sort();
    for (const path of paths) rows.push([o.partition, `rows of \`${path}\``, delta(before?.rows[path], o.rows[path])]);
    const metrics = Object.entries(o.metrics).filter((e): e is [string, number] => typeof e[1] === 'number');
    for (const [name, after] of metrics) rows.push([o.partition, name, delta(before?.metrics[name], after)]);
  }
  if (rows.length) lines.push(markdownTable(['Partition', 'What', 'Before → after'], rows));
  return `${lines.join('\n')}\n`;
}

/** Comments the outcome on the announcement and closes it. */
export async function closeAnnouncement(
  octokit: Octokit,
  target: { owner: string; repo: string; issue: number },
  outcomes: PartitionOutcome[],
  baseline: Record<string, PartitionBaseline>,
): Promise<void> {
  await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issue,
    body: renderOutcome(outcomes, baseline),
  });
  // Closed either way: the backfill is over; failures are in the outcome and have their own alerts.
  await octokit.rest.issues.update({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issue,
    state: 'closed',
    state_reason: 'completed',
  });
}
