// The run-partition action: each partition of a matrix entry run for real
// (locks and records under the data root), its final record pushed to the state
// branch, and its evidence uploaded as one artifact — also, and above all, when
// it failed. The step fails after the uploads when any partition failed.
import * as core from '@actions/core';
import type { Pipeline } from '../../contract/model.js';
import { errorMessage, type FailureClass, PartitionBusyError, UsageError } from '../../errors.js';
import { annotateTaskError } from '../../github/annotations.js';
import { ActionsArtifactSink, type ArtifactSink, reportArtifactName } from '../../github/artifacts.js';
import { actionsLogger } from '../../github/logger.js';
import { writeJobSummary } from '../../github/summary.js';
import { renderReportMarkdown } from '../../quality/report.js';
import { runPartition } from '../../run/partition.js';
import { partitionForKey } from '../../schedule/partitions.js';
import { FsLedger } from '../../store/fs-ledger.js';
import type { GitLedger } from '../../store/git-ledger.js';
import type { RunRecord, Trigger } from '../../store/ledger.js';
import { INPUT, OUTPUT, readBoolean, readEnum, readPositiveInt, readString, setOutput } from '../common/inputs.js';
import { stateBranchLedger } from '../common/ledger.js';
import { dataRootFor, loadPipeline } from '../common/pipeline.js';
import { runAction } from '../common/run.js';
import { shown, workspaceDir } from '../common/workspace.js';
import { evidenceFiles } from './evidence.js';

const TRIGGERS = ['schedule', 'backfill', 'manual'] as const;

interface RunPartitionInputs {
  workspace: string;
  pipeline: string;
  pipelinesDir: string;
  partitions: string[];
  dataRoot: string;
  reason: string;
  trigger: Trigger;
  uploadOutputs: boolean;
  stateBranch: string;
  retentionDays?: number;
}

function readInputs(): RunPartitionInputs {
  const partitions = readString(INPUT.partitions, { required: true }).split(/\s+/).filter(Boolean);
  const duplicate = partitions.find((p, i) => partitions.indexOf(p) !== i);
  if (duplicate) throw new UsageError(`input 'partitions' names ${duplicate} twice: each partition runs once`);
  return {
    workspace: workspaceDir(),
    pipeline: readString(INPUT.pipeline, { required: true }),
    pipelinesDir: readString(INPUT.pipelinesDir, { fallback: 'pipelines' }),
    partitions,
    dataRoot: readString(INPUT.dataRoot),
    reason: readString(INPUT.runReason, { fallback: 'scheduled tick' }),
    trigger: readEnum(INPUT.trigger, TRIGGERS, 'schedule'),
    uploadOutputs: readBoolean(INPUT.uploadOutputs, true),
    stateBranch: readString(INPUT.stateBranch),
    retentionDays: readPositiveInt(INPUT.retentionDays),
  };
}

interface FailedTask {
  partition: string;
  task: string | null;
  failure_class: FailureClass | 'busy' | null;
}

interface PartitionOutcome {
  partition: string;
  state: RunRecord['state'] | 'busy';
  artifact?: string;
  failedTasks: FailedTask[];
  /** The record could not be pushed to the state branch. */
  ledgerError?: string;
}

async function runOne(
  pipeline: Pipeline,
  key: string,
  inputs: RunPartitionInputs,
  dataRoot: string,
  ledger: FsLedger,
  stateLedger: GitLedger | undefined,
  sink: ArtifactSink,
): Promise<PartitionOutcome> {
  let result: Awaited<ReturnType<typeof runPartition>>;
  try {
    result = await runPartition({
      pipeline,
      partition: key,
      dataRoot,
      trigger: inputs.trigger,
      reason: inputs.reason,
      ledger,
      logger: actionsLogger(),
      onTaskState: (task, state, attempt) =>
        core.info(`${task}: ${state}${attempt > 1 ? ` (attempt ${attempt})` : ''}`),
    });
  } catch (error) {
    if (!(error instanceof PartitionBusyError)) throw error;
    core.error(`${key}: ${errorMessage(error)}; not run, nothing uploaded`);
    return { partition: key, state: 'busy', failedTasks: [{ partition: key, task: null, failure_class: 'busy' }] };
  }
  const { record, report } = result;
  core.info(`${key}: ${record.state} (run ${record.runId})`);
  for (const t of record.tasks) if (t.state === 'failed' && t.error) annotateTaskError(t.id, key, t.error);
  const outcome: PartitionOutcome = {
    partition: key,
    state: record.state,
    failedTasks: record.tasks
      .filter((t) => t.state === 'failed')
      .map((t) => ({ partition: key, task: t.id, failure_class: t.failureClass ?? null })),
  };
  if (record.state === 'failed' && outcome.failedTasks.length === 0)
    outcome.failedTasks.push({ partition: key, task: null, failure_class: 'code' });

  if (stateLedger) {
    try {
      await stateLedger.write(record);
      core.info(`${key}: record pushed to branch '${stateLedger.branch}'`);
    } catch (error) {
      outcome.ledgerError = errorMessage(error);
      core.error(
        `${key}: could not push the run record to branch '${stateLedger.branch}' (does the job have ` +
          `permissions: contents: write?): ${outcome.ledgerError}`,
      );
    }
  }

  const name = reportArtifactName(pipeline.dagId, key);
  const files = await evidenceFiles({ pipeline, dataRoot, result, uploadOutputs: inputs.uploadOutputs });
  core.info(`${key}: uploading ${name}: ${files.join(', ')}`);
  const ref = await sink.upload(name, files, dataRoot);
  core.info(`${key}: artifact ${ref.name} (id ${ref.id}, ${ref.size} bytes)`);
  outcome.artifact = name;
  await writeJobSummary(renderReportMarkdown(report), { artifactName: name });
  return outcome;
}

function overall(outcomes: PartitionOutcome[]): 'success' | 'failed' | 'deferred' {
  if (outcomes.some((o) => o.state !== 'success' && o.state !== 'deferred')) return 'failed';
  if (outcomes.some((o) => o.state === 'deferred')) return 'deferred';
  return 'success';
}

export async function runRunPartitionAction(): Promise<void> {
  await runAction('run-partition', async () => {
    const inputs = readInputs();
    const pipeline = await loadPipeline(inputs.workspace, inputs.pipelinesDir, inputs.pipeline);
    // Every key checked before anything runs: a typo in the fourth key must not leave three runs behind.
    for (const key of inputs.partitions) partitionForKey(pipeline.partition, pipeline.timezone, key);
    const dataRoot = dataRootFor(pipeline, inputs.workspace, inputs.dataRoot);
    core.info(`data root: ${shown(dataRoot, inputs.workspace)}`);
    const ledger = new FsLedger(dataRoot);
    const stateLedger = await stateBranchLedger(inputs.workspace, inputs.stateBranch);
    const sink = new ActionsArtifactSink({ retentionDays: inputs.retentionDays });

    const outcomes: PartitionOutcome[] = [];
    for (const key of inputs.partitions) {
      outcomes.push(
        await core.group(`Partition ${key}`, () => runOne(pipeline, key, inputs, dataRoot, ledger, stateLedger, sink)),
      );
    }

    const status = overall(outcomes);
    setOutput(OUTPUT.status, status);
    setOutput(OUTPUT.reportArtifact, outcomes.flatMap((o) => (o.artifact ? [o.artifact] : [])).join(' '));
    setOutput(OUTPUT.failedTasks, JSON.stringify(outcomes.flatMap((o) => o.failedTasks)));

    const failed = outcomes.filter((o) => o.state === 'failed' || o.state === 'busy').map((o) => o.partition);
    const unrecorded = outcomes.filter((o) => o.ledgerError).map((o) => o.partition);
    if (failed.length) core.setFailed(`pipewright run-partition: ${failed.join(', ')} failed (reports uploaded)`);
    else if (unrecorded.length)
      core.setFailed(
        `pipewright run-partition: ${unrecorded.join(', ')} ran but the state branch was not updated; the next tick will run them again`,
      );
  });
}
