// `pipewright backfill <dag_id> --start K --end K --reason TEXT`: plans the range
// against the ledger and runs the planned partitions, at most N at once. One
// partition failing does not stop the others. Exit: 0 all succeeded (or deferred),
// 1 any failed or busy, 2 bad input.
import { UsageError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { planBackfill, REPROCESS_MODES } from '../../plan/plan.js';
import { renderPlanTable, waitingLines } from '../../plan/render.js';
import { renderSkipped } from '../../plan/skipped.js';
import { onInterrupt } from '../../run/interrupt.js';
import { prefixLogger } from '../../run/prefix-logger.js';
import { createProgress } from '../../run/progress.js';
import { type PartitionRunOutcome, runPartitions } from '../../run/run-partitions.js';
import { openWorkspace } from '../../run/workspace.js';
import type { RunState } from '../../store/ledger.js';
import { dagIdArgument, oneOf, parseFlags, positiveInt, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright backfill <dag_id> --start KEY --end KEY --reason TEXT [options]

  --start KEY, --end KEY   first and last partition, inclusive (e.g. 2026-05-01)
  --reason TEXT            why (required): recorded in every run and its quality report
  --reprocess MODE         failed (default): missing or failed partitions, a failed one
                           resuming from its failed task; completed: every partition
                           (also a rolled-back one); none: only those never run;
                           changed: also completed ones whose inputs or code changed
  --max-active-runs N      partitions at once (default: the contract's max_active_runs)
  --reverse                newest partition first
  --dry-run                print the plan and run nothing
  --data-root DIR          where inputs, outputs and the run ledger live
  --pipelines-dir DIR        folder holding <dag_id>/pipeline.yml (default: ./pipelines)

Exit status: 0 every partition succeeded or deferred, 1 any failed or busy, 2 invalid input.
`;

export async function backfillCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      start: { type: 'string' },
      end: { type: 'string' },
      reason: { type: 'string' },
      reprocess: { type: 'string' },
      'max-active-runs': { type: 'string' },
      reverse: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      ...WORKSPACE_FLAGS,
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  if (values.start === undefined || values.end === undefined) {
    throw new UsageError(`missing --start KEY and --end KEY (the range to backfill, inclusive)\n${USAGE}`);
  }
  const reason = values.reason?.trim();
  if (!reason) {
    throw new UsageError('missing --reason TEXT: a backfill rewrites history, so say why (it is recorded in each run)');
  }
  const reprocess = oneOf(values.reprocess, REPROCESS_MODES, 'reprocess', 'failed');

  const { pipeline, dataRoot, store, ledger } = await openWorkspace(
    dagId,
    { pipelines: values.pipelines, dataRoot: values['data-root'] },
    ctx.cwd,
    ctx.env,
  );
  const maxActiveRuns = positiveInt(values['max-active-runs'], 'max-active-runs', pipeline.maxActiveRuns);
  const plan = await planBackfill(
    pipeline,
    { start: values.start, end: values.end, reprocess, reverse: Boolean(values.reverse) },
    ledger,
  );
  if (values['dry-run']) {
    ctx.stdout.write(renderPlanTable(plan));
    ctx.stdout.write('dry run: nothing was run\n');
    return 0;
  }
  if (plan.count === 0) {
    ctx.stdout.write(renderPlanTable(plan));
    return 0;
  }

  const progress = createProgress(ctx.stderr, plan.count, ctx.interactive);
  // Task chatter of parallel partitions would interleave unreadably: keep it for debug,
  // show warnings and errors prefixed with their partition.
  const taskLogger = (key: string): Logger =>
    prefixLogger(
      {
        debug: (m) => ctx.logger.debug(m),
        info: (m) => ctx.logger.debug(m),
        warning: (m) => progress.note(`warning: ${m}`),
        error: (m) => progress.note(`error: ${m}`),
      },
      `${key} `,
    );
  const interrupt = onInterrupt((signal) => progress.note(`${signal}: stopping the backfill`));
  let outcomes: PartitionRunOutcome[];
  try {
    outcomes = await runPartitions({
      pipeline,
      partitions: plan.partitions.map((p) => ({ key: p.key, reason: p.reason })),
      maxActiveRuns,
      reprocess,
      dataRoot,
      store,
      trigger: 'backfill',
      reason,
      ledger,
      loggerFor: taskLogger,
      signal: interrupt.signal,
      onStart: (key) => progress.started(key),
      onEnd: (o) => progress.finished(o.key, stateOf(o), detailOf(o)),
    });
  } finally {
    progress.close();
    interrupt.dispose();
  }
  const failed = outcomes.filter((o) => ['failed', 'busy', 'running'].includes(stateOf(o)));
  const notRun = plan.count - outcomes.length;
  ctx.stdout.write(
    `${pipeline.dagId}: backfill of ${plan.count} partition${plan.count === 1 ? '' : 's'}: ` +
      `${outcomes.length - failed.length} ok, ${failed.length} failed` +
      `${notRun > 0 ? `, ${notRun} not started` : ''}${interrupt.signal.aborted ? ' (interrupted)' : ''}` +
      `${plan.skipped.length > 0 ? `; ${plan.skipped.length} skipped (below)` : ''}\n`,
  );
  for (const o of outcomes) {
    const runId = o.outcome === 'ran' ? o.result.record.runId : o.outcome === 'unchanged' ? o.liveVersion : '-';
    const note = noteOf(o);
    ctx.stdout.write(`${o.key}  ${stateOf(o).padEnd(9)}  ${runId}${note ? `  ${note}` : ''}\n`);
  }
  // Asked for 24, ran 23: say which one was left out and the flag that includes it.
  ctx.stdout.write(renderSkipped(plan.skipped));
  for (const line of waitingLines(plan)) ctx.stdout.write(`waiting: ${line}\n`);
  if (interrupt.signal.aborted) return 130;
  return failed.length > 0 ? 1 : 0;
}

function stateOf(o: PartitionRunOutcome): RunState | 'busy' | 'unchanged' | 'skipped' {
  return o.outcome === 'ran' ? o.result.record.state : o.outcome;
}

function detailOf(o: PartitionRunOutcome): string {
  if (o.outcome === 'ran') {
    const failedTask = o.result.record.tasks.find((t) => t.state === 'failed');
    return failedTask ? `${failedTask.id}: ${failedTask.error}` : '';
  }
  return o.outcome === 'unchanged' ? `inputs and code as live version ${o.liveVersion}` : o.message;
}

/** What a person wants to know beside the state: reused tasks, what changed, or why nothing ran. */
function noteOf(o: PartitionRunOutcome): string {
  if (o.outcome === 'unchanged') return 'inputs and code unchanged: kept the live version';
  if (o.outcome !== 'ran') return o.message;
  const { record } = o.result;
  const reused = record.tasks.filter((t) => t.reusedFrom).map((t) => t.id);
  const notes: string[] = [];
  if (reused.length) notes.push(`resumed, reused ${reused.join(', ')}`);
  if (record.changes?.length) notes.push(`changed: ${record.changes.join('; ')}`);
  if (record.publication === 'staged' && record.stagingDir) notes.push(`not published; staged in ${record.stagingDir}`);
  return notes.join('; ');
}
