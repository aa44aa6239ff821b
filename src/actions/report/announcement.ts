// Closing a backfill's announcement issue with its outcome: the plan job's
// `announcement` output (issue number and baseline) against this run's reports.

import { errorMessage, UsageError } from '../../errors.js';
import { createGitHubClient } from '../../github/alerts.js';
import { closeAnnouncement, type PartitionOutcome } from '../../github/announce.js';
import * as core from '../../github/core.js';
import type { QualityReport } from '../../quality/report.js';
import type { AnnouncementOutput } from '../plan/announce.js';

export function outcomesOf(reports: readonly QualityReport[]): PartitionOutcome[] {
  return [...reports]
    .sort((a, b) => (a.partition < b.partition ? -1 : 1))
    .map((r) => ({
      partition: r.partition,
      status: r.status,
      publication: r.publication,
      rows: Object.fromEntries(r.outputs.map((o) => [o.path, o.rows])),
      metrics: r.metrics,
    }));
}

/** Parses the plan's `announcement` output; empty means no backfill was announced. */
export function parseAnnouncement(text: string): AnnouncementOutput | undefined {
  if (text.trim() === '') return undefined;
  const value = JSON.parse(text) as Partial<AnnouncementOutput>;
  if (typeof value.issue !== 'number' || typeof value.baseline !== 'object' || value.baseline === null)
    throw new UsageError("input 'announcement' must be the plan action's announcement output");
  return { issue: value.issue, baseline: value.baseline };
}

/** One summary line: closed with the outcome, or why not. */
export async function reportAnnouncement(
  text: string,
  reports: readonly QualityReport[],
  token: string,
): Promise<string | undefined> {
  const announcement = parseAnnouncement(text);
  if (!announcement) return undefined;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return `announcement #${announcement.issue} left open: GITHUB_REPOSITORY is not set`;
  try {
    const octokit = await createGitHubClient({ token: token || undefined });
    await closeAnnouncement(
      octokit,
      { owner, repo, issue: announcement.issue },
      outcomesOf(reports),
      announcement.baseline,
    );
    return `announcement #${announcement.issue}: closed with the outcome`;
  } catch (error) {
    core.warning(`could not close backfill announcement #${announcement.issue}: ${errorMessage(error)}`);
    return `announcement #${announcement.issue} left open: ${errorMessage(error)}`;
  }
}
