// From a run's quality reports to alert issues: a failed partition opens or
// updates its issue, a succeeded one closes any that is open, a deferred or
// running one changes nothing (the next tick decides).
import type { Octokit } from '@octokit/rest';
import type { AlertPolicy } from '../contract/model.js';
import type { QualityReport } from '../quality/report.js';
import { type AlertCounts, createGitHubClient, type FailureAlert, openOrUpdateAlert, resolveAlert } from './alerts.js';

export interface AlertContext {
  owner: string;
  repo: string;
  /** Link to this workflow run: `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`. */
  runUrl?: string;
  /** The pipeline's `owner` and `alerts:` block; without `failure` in `alerts.on`, no issue is opened. */
  pipeline?: { owner: string; alerts: AlertPolicy };
}

/** The alert for a failed partition: its first failed task (not those marked upstream_failed after it). */
export function alertFromReport(report: QualityReport, context: AlertContext): FailureAlert {
  const task = report.tasks.find((t) => t.state === 'failed');
  const executorError = report.metrics.executor_error;
  return {
    owner: context.owner,
    repo: context.repo,
    dagId: report.dag_id,
    partition: report.partition,
    event: 'failure',
    task: task?.id,
    failureClass: task?.failure_class ?? undefined,
    error: task?.error ?? (executorError === undefined ? undefined : String(executorError)),
    runUrl: context.runUrl,
    pipelineOwner: context.pipeline?.owner,
    dataIntervalStart: report.data_interval.start,
    dataIntervalEnd: report.data_interval.end,
    labels: context.pipeline?.alerts.labels,
    assignees: context.pipeline?.alerts.assignees,
  };
}

/** Opens, comments on and closes alert issues so they match the run's outcome; returns the totals. */
export async function syncAlerts(
  reports: readonly QualityReport[],
  context: AlertContext,
  octokit: Octokit = createGitHubClient(),
): Promise<Required<Omit<AlertCounts, 'issueNumber'>>> {
  const totals = { opened: 0, commented: 0, closed: 0 };
  const alertOnFailure = context.pipeline ? context.pipeline.alerts.on.includes('failure') : true;
  // One partition at a time: each lookup must see the issue the previous call opened.
  for (const report of [...reports].sort((a, b) => a.partition.localeCompare(b.partition))) {
    let counts: AlertCounts | undefined;
    if (report.status === 'failed' && alertOnFailure) {
      counts = await openOrUpdateAlert(alertFromReport(report, context), octokit);
    } else if (report.status === 'success') {
      counts = await resolveAlert(
        {
          owner: context.owner,
          repo: context.repo,
          dagId: report.dag_id,
          partition: report.partition,
          runUrl: context.runUrl,
        },
        octokit,
      );
    }
    if (!counts) continue;
    totals.opened += counts.opened;
    totals.commented += counts.commented;
    totals.closed += counts.closed;
  }
  return totals;
}
