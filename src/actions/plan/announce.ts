// A backfill that runs (not a dry run, something planned) is announced before it
// starts: one issue per pipeline mentioning its consumers. The baseline — what each
// planned partition's live version holds, from the ledger — travels to the report
// job in the `announcement` output, which compares it with the outcome.

import type { Pipeline } from '../../contract/model.js';
import { errorMessage } from '../../errors.js';
import { createGitHubClient } from '../../github/alerts.js';
import { announceBackfill, type PartitionBaseline } from '../../github/announce.js';
import * as core from '../../github/core.js';
import type { Plan } from '../../plan/plan.js';
import type { LedgerReader } from '../../store/ledger.js';

/** What the plan hands the report job: the issue to close, and the baseline to compare with. */
export interface AnnouncementOutput {
  issue: number;
  baseline: Record<string, PartitionBaseline>;
}

export async function baselineOf(
  pipeline: Pick<Pipeline, 'dagId'>,
  keys: readonly string[],
  ledger: LedgerReader,
): Promise<Record<string, PartitionBaseline>> {
  const latest = await ledger.latestRuns(pipeline.dagId);
  const baseline: Record<string, PartitionBaseline> = {};
  for (const key of keys) {
    const run = latest.get(key);
    if (run?.state !== 'success') continue; // nothing live to compare with
    baseline[key] = {
      runId: run.runId,
      rows: Object.fromEntries(run.outputs.map((o) => [o.path, o.rows])),
      metrics: Object.fromEntries(
        Object.entries(run.metrics).filter((e): e is [string, number] => typeof e[1] === 'number'),
      ),
    };
  }
  return baseline;
}

export async function announcePlannedBackfill(request: {
  pipeline: Pipeline;
  plan: Plan;
  range: { start: string; end: string; reprocess: string; reason: string };
  ledger: LedgerReader;
  token: string;
  runUrl?: string;
}): Promise<AnnouncementOutput | undefined> {
  const { pipeline, plan } = request;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    core.warning('GITHUB_REPOSITORY is not set: the backfill was not announced');
    return undefined;
  }
  const keys = plan.partitions.map((p) => p.key);
  try {
    const baseline = await baselineOf(pipeline, keys, request.ledger);
    const issue = await announceBackfill(await createGitHubClient({ token: request.token || undefined }), {
      owner,
      repo,
      dagId: pipeline.dagId,
      ...request.range,
      actor: process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR,
      consumers: pipeline.consumers ?? [],
      partitions: keys,
      ...(request.runUrl ? { runUrl: request.runUrl } : {}),
    });
    core.info(`announced the backfill in issue #${issue}`);
    return { issue, baseline };
  } catch (error) {
    // The backfill itself may still run: say loudly that nobody was told.
    core.warning(`could not announce the backfill (the plan job needs issues: write): ${errorMessage(error)}`);
    return undefined;
  }
}
