// The run-partition action: each partition of a matrix entry run for real
// (locks and records under the data root), its final record pushed to the state
// branch, and its evidence uploaded as one artifact — also, and above all, when
// it failed. The step fails after the uploads when any partition failed.

import type { Pipeline } from '../../contract/model.js';
import { runbookFor } from '../../contract/runbook.js';
import { errorMessage, type FailureClass, PartitionBusyError, UsageError } from '../../errors.js';
import { annotateTaskError } from '../../github/annotations.js';
import { ActionsArtifactSink, type ArtifactSink, reportArtifactName } from '../../github/artifacts.js';
import * as core from '../../github/core.js';
import { actionsLogger } from '../../github/logger.js';
import { writeJobSummary } from '../../github/summary.js';
import { buildReport, renderReportMarkdown } from '../../quality/report.js';
import { rollbackPartition } from '../../run/rollback.js';
import { type PartitionRunOutcome, runPartitions } from '../../run/run-partitions.js';
import { partitionForKey } from '../../schedule/partitions.js';
import { dataRootLedger, openDataRoot } from '../../store/data-root.js';
import type { GitLedger } from '../../store/git-ledger.js';
import type { LockingLedger, RunRecord, Trigger } from '../../store/ledger.js';
import type { ObjectStore } from '../../store/object-store.js';
import {
  INPUT,
  OUTPUT,
  readBoolean,
  readEnum,
  readPositiveInt,
  readRenamed,
  readString,
  setOutput,
} from '../common/inputs.js';
import { stateBranchLedger, takeLedgerCredentials } from '../common/ledger.js';
import { dataRootFor, loadPipeline } from '../common/pipeline.js';
import { runAction } from '../common/run.js';
import { shown, workspaceDir } from '../common/workspace.js';
import { gatherEvidence } from './evidence.js';

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
  /** Roll the partitions back instead of running them; `rollbackTo` picks the version. */
  rollback: boolean;
  rollbackTo: string;
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
    reason: readRenamed(INPUT.reason, INPUT.runReason) || 'scheduled tick',
    trigger: readEnum(INPUT.trigger, TRIGGERS, 'schedule'),
    uploadOutputs: readBoolean(INPUT.uploadOutputs, true),
    stateBranch: readString(INPUT.stateBranch),
    retentionDays: readPositiveInt(INPUT.retentionDays),
    rollback: readBoolean(INPUT.rollback, false),
    rollbackTo: readString(INPUT.rollbackTo),
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

async function recordOutcome(
  pipeline: Pipeline,
  ran: PartitionRunOutcome,
  inputs: RunPartitionInputs,
  store: ObjectStore,
  ledger: LockingLedger,
  stateLedger: GitLedger | undefined,
  sink: ArtifactSink,
): Promise<PartitionOutcome> {
  const { key } = ran;
  if (ran.outcome === 'busy') {
    core.error(`${key}: ${ran.message}; not run, nothing uploaded`);
    return { partition: key, state: 'busy', failedTasks: [{ partition: key, task: null, failure_class: 'busy' }] };
  }
  if (ran.outcome !== 'ran') {
    core.info(
      `${key}: ${ran.outcome === 'unchanged' ? `unchanged, live version ${ran.liveVersion} kept` : ran.message}`,
    );
    return { partition: key, state: 'success', failedTasks: [] };
  }
  const { result } = ran;
  const { record, report } = result;
  core.info(`${key}: ${record.state} (run ${record.runId})`);
  for (const t of record.tasks)
    if (t.state === 'failed' && t.error)
      annotateTaskError(t.id, key, t.error, { runbook: await runbookFor(pipeline, t.id) });
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
  const evidence = await gatherEvidence({
    pipeline,
    store,
    result,
    uploadOutputs: inputs.uploadOutputs,
    recordKey: ledger.recordKey(record),
  });
  core.info(`${key}: uploading ${name}: ${evidence.files.join(', ')}`);
  const ref = await sink.upload(name, evidence.files, evidence.root).finally(() => evidence.dispose());
  core.info(`${key}: artifact ${ref.name} (id ${ref.id}, ${ref.size} bytes)`);
  outcome.artifact = name;
  await writeJobSummary(renderReportMarkdown(report), { artifactName: name });
  return outcome;
}

/** Restores a retained version of one partition; a partition with nothing published is left alone. */
async function rollbackOne(
  pipeline: Pipeline,
  key: string,
  inputs: RunPartitionInputs,
  store: ObjectStore,
  ledger: LockingLedger,
  stateLedger: GitLedger | undefined,
): Promise<PartitionOutcome> {
  try {
    const { record, replaced } = await rollbackPartition({
      pipeline,
      partition: key,
      dataRoot: store.url,
      store,
      ledger,
      reason: inputs.reason,
      to: inputs.rollbackTo || undefined,
    });
    core.info(`${key}: rolled back to ${record.liveVersion} (was ${replaced}); pinned`);
    await stateLedger?.write(record);
    await writeJobSummary(renderReportMarkdown(buildReport(record)));
    return { partition: key, state: 'success', failedTasks: [] };
  } catch (error) {
    if (error instanceof PartitionBusyError) {
      core.error(`${key}: ${errorMessage(error)}; not rolled back`);
      return { partition: key, state: 'busy', failedTasks: [{ partition: key, task: null, failure_class: 'busy' }] };
    }
    if (!(error instanceof UsageError)) throw error;
    core.error(`${key}: not rolled back: ${errorMessage(error)}`);
    return { partition: key, state: 'failed', failedTasks: [{ partition: key, task: null, failure_class: null }] };
  }
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
    const store = await openDataRoot(dataRoot);
    const ledger = await dataRootLedger(store);
    // In a bucket the records already live where every runner reads them; on a runner's disk they go to the branch.
    let stateLedger: GitLedger | undefined;
    if (store.kind === 's3') {
      takeLedgerCredentials(); // unused, and never left where task code could read it
      core.info(`run ledger: ${store.url}/_pipewright/runs (the bucket; state-branch is not used)`);
    } else stateLedger = await stateBranchLedger(inputs.workspace, inputs.stateBranch);
    const sink = new ActionsArtifactSink({ retentionDays: inputs.retentionDays });

    // One partition after another: each gets its own log group, and the matrix already runs entries side by side.
    const outcomes: PartitionOutcome[] = [];
    if (inputs.rollback) {
      for (const key of inputs.partitions) {
        outcomes.push(
          await core.group(`Roll back ${key}`, () => rollbackOne(pipeline, key, inputs, store, ledger, stateLedger)),
        );
      }
    }
    for (const key of inputs.rollback ? [] : inputs.partitions) {
      outcomes.push(
        await core.group(`Partition ${key}`, async () => {
          const [ran] = await runPartitions({
            pipeline,
            // The plan job chose these keys; its reasons do not travel in the matrix.
            partitions: [{ key, reason: inputs.trigger === 'manual' ? 'manual' : 'planned' }],
            maxActiveRuns: 1,
            dataRoot,
            store,
            trigger: inputs.trigger,
            reason: inputs.reason,
            ledger,
            loggerFor: () => actionsLogger(),
            onTaskState: (task, state, attempt) =>
              core.info(`${task}: ${state}${attempt > 1 ? ` (attempt ${attempt})` : ''}`),
          });
          return recordOutcome(pipeline, ran as PartitionRunOutcome, inputs, store, ledger, stateLedger, sink);
        }),
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
