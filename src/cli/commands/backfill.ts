// `pipewright backfill <dag_id> --start K --end K --reason TEXT`: plans the range
// against the ledger and runs the planned partitions, at most N at once. One
// partition failing does not stop the others. Exit: 0 all succeeded (or deferred),
// 1 any failed or busy, 2 bad input.
import { errorMessage, PartitionBusyError, UsageError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { planBackfill, REPROCESS_MODES } from '../../plan/plan.js';
import { renderPlanTable } from '../../plan/render.js';
import { onInterrupt } from '../../run/interrupt.js';
import { runPartition } from '../../run/partition.js';
import { prefixLogger } from '../../run/prefix-logger.js';
import { createProgress } from '../../run/progress.js';
import { openWorkspace } from '../../run/workspace.js';
import { dagIdArgument, oneOf, parseFlags, positiveInt } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright backfill <dag_id> --start KEY --end KEY --reason TEXT [options]

  --start KEY, --end KEY   first and last partition, inclusive (e.g. 2026-05-01)
  --reason TEXT            why (required): recorded in every run and its quality report
  --reprocess MODE         failed (default): missing or failed partitions;
                           completed: every partition; none: only those never run
  --max-active-runs N      partitions at once (default: the contract's max_active_runs)
  --reverse                newest partition first
  --dry-run                print the plan and run nothing
  --data-root DIR          where inputs, outputs and the run ledger live
  --pipelines DIR          folder holding <dag_id>/pipeline.yml (default: ./pipelines)

Exit status: 0 every partition succeeded or deferred, 1 any failed or busy, 2 invalid input.
`;

/** Runs `work` over `items` with at most `limit` in flight, in order of `items`. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

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
      'data-root': { type: 'string' },
      pipelines: { type: 'string' },
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

  const { pipeline, dataRoot, ledger } = await openWorkspace(
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
  const results: Array<{ key: string; state: string; runId: string; report: string }> = [];
  try {
    await pool(plan.partitions, maxActiveRuns, async (p) => {
      if (interrupt.signal.aborted) return;
      progress.started(p.key);
      try {
        const { record, reportPaths } = await runPartition({
          pipeline,
          partition: p.key,
          dataRoot,
          trigger: 'backfill',
          reason,
          ledger,
          logger: taskLogger(p.key),
          signal: interrupt.signal,
        });
        const failedTask = record.tasks.find((t) => t.state === 'failed');
        progress.finished(p.key, record.state, failedTask ? `${failedTask.id}: ${failedTask.error}` : '');
        results.push({ key: p.key, state: record.state, runId: record.runId, report: reportPaths?.json ?? '' });
      } catch (error) {
        if (!(error instanceof PartitionBusyError)) throw error;
        progress.finished(p.key, 'busy', errorMessage(error));
        results.push({ key: p.key, state: 'busy', runId: '-', report: '' });
      }
    });
  } finally {
    progress.close();
    interrupt.dispose();
  }
  results.sort(
    (a, b) => plan.partitions.findIndex((p) => p.key === a.key) - plan.partitions.findIndex((p) => p.key === b.key),
  );
  const failed = results.filter((r) => r.state !== 'success' && r.state !== 'deferred');
  ctx.stdout.write(
    `${pipeline.dagId}: backfill of ${plan.count} partition${plan.count === 1 ? '' : 's'}: ` +
      `${results.length - failed.length} ok, ${failed.length} failed${interrupt.signal.aborted ? ' (interrupted)' : ''}\n`,
  );
  for (const r of results) ctx.stdout.write(`${r.key}  ${r.state.padEnd(8)}  ${r.runId}\n`);
  if (interrupt.signal.aborted) return 130;
  return failed.length > 0 ? 1 : 0;
}
