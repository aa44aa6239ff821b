// The plan action: which partitions must run (a scheduled tick with catch-up,
// or a backfill), read against the run ledger, emitted as a job matrix, with a
// summary of why each partition runs and, for a dry run, what it would cost.

import type { Pipeline } from '../../contract/model.js';
import { UsageError } from '../../errors.js';
import * as core from '../../github/core.js';
import { markdownTable, writeJobSummary } from '../../github/summary.js';
import { withUpstreamRoots } from '../../lineage/upstream.js';
import { DateTime } from '../../luxon.js';
import { markdownText } from '../../markdown.js';
import { estimateRunnerMinutes, type RunnerEstimate } from '../../plan/estimate.js';
import {
  type Plan,
  type PlanReason,
  planBackfill,
  planSchedule,
  REPROCESS_MODES,
  type Reprocess,
} from '../../plan/plan.js';
import { outsideWindowLine, waitingLines } from '../../plan/render.js';
import { formatInstant, parseInstant } from '../../schedule/instants.js';
import { type LedgerReader, latestSummaries } from '../../store/ledger.js';
import { INPUT, OUTPUT, readBoolean, readEnum, readPositiveInt, readString, setOutput } from '../common/inputs.js';
import { chooseLedger } from '../common/ledger.js';
import { dataRootFor, loadPipeline } from '../common/pipeline.js';
import { runAction } from '../common/run.js';
import { workspaceDir } from '../common/workspace.js';
import { announcePlannedBackfill } from './announce.js';

const MODES = ['schedule', 'backfill'] as const;

interface PlanInputs {
  workspace: string;
  pipeline: string;
  pipelinesDir: string;
  mode: (typeof MODES)[number];
  start: string;
  end: string;
  reprocess: Reprocess;
  reverse: boolean;
  maxParallel?: number;
  dryRun: boolean;
  reason: string;
  now: string;
  dataRoot: string;
  stateBranch: string;
  /** Announce a backfill that runs in an issue (needs issues: write). */
  announce: boolean;
  /** Read before the ledger takes it: it serves the issues API too. */
  githubToken: string;
}

function readInputs(): PlanInputs {
  const inputs: PlanInputs = {
    workspace: workspaceDir(),
    pipeline: readString(INPUT.pipeline, { required: true }),
    pipelinesDir: readString(INPUT.pipelinesDir, { fallback: 'pipelines' }),
    mode: readEnum(INPUT.mode, MODES, 'schedule'),
    start: readString(INPUT.start),
    end: readString(INPUT.end),
    reprocess: readEnum(INPUT.reprocess, REPROCESS_MODES, 'failed'),
    reverse: readBoolean(INPUT.reverse, false),
    maxParallel: readPositiveInt(INPUT.maxActiveRuns, INPUT.maxParallel),
    dryRun: readBoolean(INPUT.dryRun, false),
    reason: readString(INPUT.reason),
    now: readString(INPUT.now),
    dataRoot: readString(INPUT.dataRoot),
    stateBranch: readString(INPUT.stateBranch),
    announce: readBoolean(INPUT.announce, true),
    githubToken: readString(INPUT.githubToken),
  };
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  if (inputs.mode === 'backfill') {
    if (inputs.start === '' || inputs.end === '')
      throw new UsageError("a backfill needs both 'start' and 'end' (inclusive partition keys, e.g. 2026-05-01)");
    if (inputs.reason === '')
      throw new UsageError("a backfill needs a 'reason': say why it runs; it is recorded with every partition run");
  } else if (inputs.start !== '' || inputs.end !== '') {
    throw new UsageError("'start' and 'end' apply to a backfill: set mode: backfill, or leave them empty for a tick");
  }
  return inputs;
}

const WHY: Record<PlanReason, string> = {
  missing: 'never ran',
  failed: 'latest run failed or was deferred',
  reprocess: 'succeeded before; reprocess: completed',
  changed: 'succeeded before; runs again only if its inputs or code changed',
  upstream_changed: 'succeeded before; an upstream partition it reads was published again since',
};

function minutes(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

function summary(
  plan: Plan,
  pipeline: Pipeline,
  inputs: PlanInputs,
  now: Date,
  maxParallel: number,
  estimate?: RunnerEstimate,
): string {
  const what =
    plan.mode === 'schedule'
      ? `scheduled tick at ${formatInstant(DateTime.fromJSDate(now, { zone: pipeline.timezone }))} (${pipeline.timezone})`
      : `backfill ${inputs.start}..${inputs.end} (reprocess ${inputs.reprocess}${inputs.reverse ? ', newest first' : ''})`;
  const lines = [
    `# pipewright plan: \`${pipeline.dagId}\``,
    '',
    `${what}${inputs.dryRun ? ' — **dry run**, nothing will run' : ''}`,
    '',
  ];
  if (plan.mode === 'backfill') lines.push(`Reason: ${markdownText(inputs.reason)}`, '');
  const frozen = frozenClockWarning(plan, inputs);
  if (frozen) lines.push(`> [!WARNING]\n> ${frozen}`, '');
  if (plan.count === 0) {
    lines.push(
      plan.waiting.length > 0
        ? 'Nothing to run yet: the partitions below wait for their upstream partitions.'
        : 'Nothing to run: every due partition has succeeded (or is running).',
    );
  } else {
    const entries = plan.matrix.include.length;
    lines.push(
      `${plan.count} partition${plan.count === 1 ? '' : 's'} in ${entries} matrix job${entries === 1 ? '' : 's'}, at most ${maxParallel} at once.`,
      '',
      markdownTable(
        ['Partition', 'Data interval', 'Why it runs'],
        plan.partitions.map((p) => [p.key, `${p.dataIntervalStart} → ${p.dataIntervalEnd}`, WHY[p.reason]]),
      ),
    );
  }
  const gap = outsideWindowLine(plan);
  if (gap) lines.push('', `**Outside the catch-up window:** ${gap}`);
  const waiting = waitingLines(plan);
  if (waiting.length > 0)
    lines.push(
      '',
      '**Waiting for upstream partitions** (planned once they are published; no runner waits):',
      '',
      ...waiting.map((w) => `- ${w}`),
    );
  if (inputs.dryRun && plan.count > 0) {
    lines.push(
      '## Estimate',
      '',
      estimate
        ? `About **${estimate.runnerMinutes} runner minutes**: median ${minutes(estimate.medianMs)} per partition over ${estimate.samples} past run${estimate.samples === 1 ? '' : 's'}, × the partitions of each of ${estimate.jobs} job${estimate.jobs === 1 ? '' : 's'}, rounded up per job (GitHub bills each job by the started minute). Runner setup time is not included.`
        : 'No estimate: no history (the ledger has no finished run of this pipeline yet).',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A fixed clock left behind (vars.PIPEWRIGHT_NOW) would freeze the schedule: say so on every tick. */
function frozenClockWarning(plan: Plan, inputs: PlanInputs): string | undefined {
  if (plan.mode !== 'schedule' || inputs.now === '') return undefined;
  return (
    `the clock is fixed at ${inputs.now} (input 'now', e.g. vars.PIPEWRIGHT_NOW): every tick plans as of that ` +
    'instant and the schedule does not move; delete the variable unless you are replaying a day'
  );
}

async function makePlan(pipeline: Pipeline, inputs: PlanInputs, now: Date, ledger: LedgerReader): Promise<Plan> {
  if (inputs.mode === 'schedule') return planSchedule(pipeline, now, ledger);
  return planBackfill(
    pipeline,
    { start: inputs.start, end: inputs.end, reprocess: inputs.reprocess, reverse: inputs.reverse, now },
    ledger,
  );
}

export async function runPlanAction(): Promise<void> {
  await runAction('plan', async () => {
    const inputs = readInputs();
    const contract = await loadPipeline(inputs.workspace, inputs.pipelinesDir, inputs.pipeline);
    const now = inputs.now === '' ? new Date() : parseInstant(inputs.now, contract.timezone, "input 'now'").toJSDate();
    const dataRoot = dataRootFor(contract, inputs.workspace, inputs.dataRoot);
    const pipeline = withUpstreamRoots(contract, dataRoot);
    const ledger = await chooseLedger(inputs.workspace, inputs.stateBranch, dataRoot);
    const plan = await core.group(`Plan ${pipeline.dagId} (${inputs.mode})`, async () => {
      const p = await makePlan(pipeline, inputs, now, ledger);
      for (const partition of p.partitions) core.info(`${partition.key}: ${WHY[partition.reason]}`);
      core.info(`${p.count} partition(s), ${p.matrix.include.length} matrix job(s)`);
      return p;
    });
    const gap = outsideWindowLine(plan);
    if (gap) core.warning(gap);
    for (const line of waitingLines(plan)) core.info(`waiting: ${line}`);
    const frozen = frozenClockWarning(plan, inputs);
    if (frozen) core.warning(frozen);
    const maxParallel = inputs.maxParallel ?? pipeline.maxActiveRuns;
    const estimate =
      inputs.dryRun && plan.count > 0
        ? estimateRunnerMinutes((await latestSummaries(ledger, pipeline.dagId)).values(), plan.matrix)
        : undefined;

    const announcement =
      // Announced to the contract's consumers: a pipeline that names none has nobody to tell.
      inputs.mode === 'backfill' &&
      !inputs.dryRun &&
      inputs.announce &&
      plan.count > 0 &&
      (pipeline.consumers?.length ?? 0) > 0
        ? await announcePlannedBackfill({
            pipeline,
            plan,
            range: { start: inputs.start, end: inputs.end, reprocess: inputs.reprocess, reason: inputs.reason },
            ledger,
            token: inputs.githubToken,
            ...(process.env.GITHUB_RUN_ID
              ? {
                  runUrl: `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`,
                }
              : {}),
          })
        : undefined;
    // Unset reads as '' in the workflow: the report then has nothing to close.
    if (announcement) setOutput(OUTPUT.announcement, JSON.stringify(announcement));
    setOutput(OUTPUT.matrix, JSON.stringify(plan.matrix));
    setOutput(OUTPUT.count, plan.count);
    setOutput(OUTPUT.partitions, JSON.stringify(plan.partitions.map((p) => p.key)));
    setOutput(OUTPUT.hasWork, plan.count > 0 && !inputs.dryRun);
    setOutput(OUTPUT.maxActiveRuns, maxParallel);
    setOutput(OUTPUT.maxParallel, maxParallel); // the name before v1's one vocabulary
    await writeJobSummary(summary(plan, pipeline, inputs, now, maxParallel, estimate));
  });
}
