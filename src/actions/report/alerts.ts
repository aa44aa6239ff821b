// Alert issues for one run, per the contract's `alerts:` block: a failed or
// missing partition opens (or comments on) its issue, a freshness miss does the
// same, and a success closes the partition's open issue — unless that same
// partition just missed its deadline, which a person should acknowledge.

import { relative } from 'node:path';
import type { Pipeline } from '../../contract/model.js';
import { runbookFor } from '../../contract/runbook.js';
import {
  createGitHubClient,
  type FailureAlert,
  type Octokit,
  openOrUpdateAlert,
  resolveAlert,
} from '../../github/alerts.js';
import * as core from '../../github/core.js';
import type { FreshnessVerdict } from '../../quality/freshness.js';
import type { QualityReport } from '../../quality/report.js';
import { partitionForKey } from '../../schedule/partitions.js';

export interface AlertOutcome {
  /** Issues opened or commented on. */
  opened: number;
  closed: number;
  /** One Markdown line per issue touched, for the summary. */
  lines: string[];
}

interface AlertRun {
  pipeline: Pipeline;
  reports: QualityReport[];
  missing: string[];
  freshness?: FreshnessVerdict;
  runUrl?: string;
  token: string;
  /** The repository checkout, to link a runbook file at the commit that ran. */
  workspace?: string;
}

/** The failed task's runbook, with a link to the file at the commit that ran (on GitHub). */
async function runbookLink(pipeline: Pipeline, taskId: string | undefined, workspace: string | undefined) {
  const runbook = await runbookFor(pipeline, taskId);
  if (!runbook) return undefined;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = process.env;
  if (runbook.file === undefined) return { ...runbook, url: runbook.ref };
  if (!server || !repo || !sha || !workspace) return runbook;
  const [, anchor] = runbook.ref.split('#');
  const path = relative(workspace, `${pipeline.dir}/${runbook.file}`).split('\\').join('/');
  return { ...runbook, url: `${server}/${repo}/blob/${sha}/${path}${anchor ? `#${anchor}` : ''}` };
}

export async function sendAlerts(run: AlertRun): Promise<AlertOutcome> {
  const outcome: AlertOutcome = { opened: 0, closed: 0, lines: [] };
  const { pipeline } = run;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    core.warning('GITHUB_REPOSITORY is not set: no alert issues opened or closed');
    return outcome;
  }
  const onFailure = pipeline.alerts.on.includes('failure');
  const missed = run.freshness?.status === 'missed' && pipeline.alerts.on.includes('freshness_miss');
  const failures = onFailure ? run.reports.filter((r) => r.status === 'failed') : [];
  const missing = onFailure ? run.missing : [];
  const successes = run.reports.filter(
    (r) => r.status === 'success' && !(missed && r.partition === run.freshness?.partition.key),
  );
  if (!failures.length && !missing.length && !missed && !successes.length) return outcome;

  let client: Promise<Octokit> | undefined;
  const octokit = () => {
    client ??= createGitHubClient({ token: run.token || undefined });
    return client;
  };
  const base = {
    owner,
    repo,
    dagId: pipeline.dagId,
    runUrl: run.runUrl,
    pipelineOwner: pipeline.owner,
    labels: pipeline.alerts.labels,
    assignees: pipeline.alerts.assignees,
  };
  const open = async (alert: FailureAlert, what: string) => {
    const counts = await openOrUpdateAlert(alert, await octokit());
    outcome.opened += counts.opened + counts.commented;
    const verb = counts.opened ? 'opened' : 'commented on';
    outcome.lines.push(`${alert.partition}: ${what}: ${verb} issue #${counts.issueNumber}`);
    core.info(outcome.lines.at(-1)!);
  };

  for (const report of failures) {
    const task = report.tasks.find((t) => t.state === 'failed');
    const runbook = await runbookLink(pipeline, task?.id, run.workspace);
    await open(
      {
        ...base,
        ...(runbook ? { runbook } : {}),
        partition: report.partition,
        event: 'failure',
        task: task?.id,
        failureClass: task?.failure_class ?? undefined,
        error: task?.error ?? String(report.metrics.executor_error ?? ''),
        failedChecks: report.checks.filter((c) => c.status === 'failed').map((c) => c.name),
        dataIntervalStart: report.data_interval.start,
        dataIntervalEnd: report.data_interval.end,
      },
      'failed',
    );
  }
  for (const key of missing) {
    const interval = partitionForKey(pipeline.partition, pipeline.timezone, key);
    await open(
      {
        ...base,
        partition: key,
        event: 'failure',
        error:
          'No quality report artifact: the partition job was cancelled, crashed before its upload, or never started.',
        dataIntervalStart: interval.dataIntervalStart,
        dataIntervalEnd: interval.dataIntervalEnd,
      },
      'no report',
    );
  }
  if (missed && run.freshness) {
    const f = run.freshness;
    // Deferred in this run: the tick ran and a sensor found no input, which is what to chase.
    const deferredBy = run.reports
      .find((r) => r.partition === f.partition.key && r.status === 'deferred')
      ?.tasks.find((t) => t.state === 'deferred')?.id;
    await open(
      {
        ...base,
        ...(deferredBy ? { deferredBy } : {}),
        partition: f.partition.key,
        event: 'freshness_miss',
        error: `Deadline ${f.deadline}; ${f.publishedAt ? `published at ${f.publishedAt}` : 'not published in this run'}.`,
        dataIntervalStart: f.partition.dataIntervalStart,
        dataIntervalEnd: f.partition.dataIntervalEnd,
      },
      'missed its freshness deadline',
    );
  }
  for (const report of successes) {
    const counts = await resolveAlert({ ...base, partition: report.partition }, await octokit());
    if (!counts.closed) continue;
    outcome.closed += counts.closed;
    outcome.lines.push(`${report.partition}: recovered: closed issue #${counts.issueNumber}`);
    core.info(outcome.lines.at(-1)!);
  }
  return outcome;
}
