// The report action, after the matrix (`if: always()`): gathers this run's
// partition reports from their artifacts, writes the run summary (states,
// Gantt, failed checks, missing partitions, freshness), and opens, updates or
// closes alert issues. It fails the step when a partition failed or left no
// report, so the workflow run shows red; `status` carries the outcome.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Pipeline } from '../../contract/model.js';
import { ActionsArtifactSink } from '../../github/artifacts.js';
import * as core from '../../github/core.js';
import { writeJobSummary } from '../../github/summary.js';
import { topologicalOrder } from '../../graph/dag.js';
import { checkFreshness, type FreshnessVerdict } from '../../quality/freshness.js';
import type { QualityReport } from '../../quality/report.js';
import { summarizeRun } from '../../quality/run-summary.js';
import { parseInstant } from '../../schedule/instants.js';
import { latestDuePartition } from '../../schedule/window.js';
import { INPUT, OUTPUT, readBoolean, readString, readStringList, setOutput } from '../common/inputs.js';
import { loadPipeline } from '../common/pipeline.js';
import { runAction } from '../common/run.js';
import { workspaceDir } from '../common/workspace.js';
import { type AlertOutcome, sendAlerts } from './alerts.js';
import { reportAnnouncement } from './announcement.js';
import { dispatchDownstream } from './downstream.js';

interface ReportInputs {
  workspace: string;
  pipeline: string;
  pipelinesDir: string;
  planned: string[];
  githubToken: string;
  alerts: boolean;
  /** Start the workflows of pipelines that read what this run published (`from:`). */
  dispatchDownstream: boolean;
  /** The plan's announcement output (issue and baseline), or empty. */
  announcement: string;
  now: string;
}

function readInputs(): ReportInputs {
  const githubToken = readString(INPUT.githubToken);
  if (githubToken) core.setSecret(githubToken);
  return {
    workspace: workspaceDir(),
    pipeline: readString(INPUT.pipeline, { required: true }),
    pipelinesDir: readString(INPUT.pipelinesDir, { fallback: 'pipelines' }),
    planned: readStringList(INPUT.partitions),
    githubToken,
    alerts: readBoolean(INPUT.alerts, true),
    dispatchDownstream: readBoolean(INPUT.dispatchDownstream, true),
    announcement: readString(INPUT.announcement),
    now: readString(INPUT.now),
  };
}

async function findFile(dir: string, name: string): Promise<string | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const match = entries
    .filter((e) => e.isFile() && e.name === name)
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return match[0];
}

/** Every `pipewright-<dag_id>-*` artifact of this run, downloaded and read. */
async function gatherReports(dagId: string): Promise<QualityReport[]> {
  const sink = new ActionsArtifactSink();
  const prefix = `pipewright-${dagId}-`;
  const artifacts = await sink.list(prefix);
  core.info(`${artifacts.length} artifact(s): ${artifacts.map((a) => a.name).join(', ') || 'none'}`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'pipewright-report-'));
  try {
    const reports: QualityReport[] = [];
    for (const artifact of artifacts) {
      const dir = await sink.download(artifact.name, path.join(scratch, artifact.name));
      const file = await findFile(dir, 'quality_report.json');
      if (!file) {
        core.warning(`artifact ${artifact.name} holds no quality_report.json; its partition counts as missing`);
        continue;
      }
      reports.push(JSON.parse(await readFile(file, 'utf8')) as QualityReport);
    }
    return reports;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Judged only for a partition this run planned or reported: one that succeeded in an earlier run is not ours to judge. */
function freshnessOf(
  pipeline: Pipeline,
  now: Date,
  reports: QualityReport[],
  planned: string[],
): FreshnessVerdict | undefined {
  if (!pipeline.freshness) return undefined;
  const due = latestDuePartition(pipeline, now).key;
  if (!planned.includes(due) && !reports.some((r) => r.partition === due)) {
    core.info(`freshness: the latest due partition ${due} is not part of this run; not judged here`);
    return undefined;
  }
  const published = reports
    .filter((r) => r.status === 'success' && r.ended_at)
    .map((r) => ({ partition: r.partition, endedAt: r.ended_at! }));
  return checkFreshness(pipeline, now, published);
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}

function alertsMarkdown(outcome: AlertOutcome): string {
  if (!outcome.lines.length) return '';
  return `### Alerts\n\n${outcome.lines.map((l) => `- ${l}`).join('\n')}\n`;
}

export async function runReportAction(): Promise<void> {
  await runAction('report', async () => {
    const inputs = readInputs();
    const pipeline = await loadPipeline(inputs.workspace, inputs.pipelinesDir, inputs.pipeline);
    const now = inputs.now === '' ? new Date() : parseInstant(inputs.now, pipeline.timezone, "input 'now'").toJSDate();
    const reports = await core.group('Gather partition reports', () => gatherReports(pipeline.dagId));
    const freshness = freshnessOf(pipeline, now, reports, inputs.planned);
    const url = runUrl();
    const summary = summarizeRun({
      dagId: pipeline.dagId,
      taskOrder: topologicalOrder(pipeline.tasks).map((t) => t.id),
      reports,
      planned: inputs.planned,
      freshness,
      runUrl: url,
    });
    const alerts = inputs.alerts
      ? await core.group('Alerts', () =>
          sendAlerts({
            pipeline,
            reports,
            missing: summary.missing,
            freshness,
            runUrl: url,
            token: inputs.githubToken,
            workspace: inputs.workspace,
          }),
        )
      : { opened: 0, closed: 0, lines: [] };
    const published = reports
      .filter((r) => r.publication === 'published')
      .map((r) => r.partition)
      .sort();
    const downstream = inputs.dispatchDownstream
      ? await core.group('Downstream pipelines', () =>
          dispatchDownstream({
            pipeline,
            published,
            workspace: inputs.workspace,
            pipelinesDir: inputs.pipelinesDir,
            token: inputs.githubToken,
            runUrl: url,
          }),
        )
      : [];
    const announced = await reportAnnouncement(inputs.announcement, reports, inputs.githubToken);

    setOutput(OUTPUT.status, summary.outcome);
    setOutput(OUTPUT.failedPartitions, JSON.stringify(summary.failed));
    setOutput(OUTPUT.alertsOpened, alerts.opened);
    setOutput(OUTPUT.alertsClosed, alerts.closed);
    const downstreamMarkdown = downstream.length
      ? `\n### Downstream pipelines\n\n${downstream.map((l) => `- ${l}`).join('\n')}\n`
      : '';
    const announcementMarkdown = announced ? `\n### Backfill announcement\n\n${announced}\n` : '';
    await writeJobSummary(
      summary.markdown +
        (alerts.lines.length ? `\n${alertsMarkdown(alerts)}` : '') +
        downstreamMarkdown +
        announcementMarkdown,
    );
    if (summary.outcome === 'failed')
      core.setFailed(`pipewright report: ${summary.failed.join(', ')} failed or left no report`);
  });
}
