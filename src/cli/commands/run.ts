// `pipewright run <dag_id> --date KEY`: runs one partition here and now, with a live
// view of its tasks, and prints where its quality report is.
// Exit: 0 success or deferred (the source is not there yet: the next tick runs it),
// 1 failed or busy (another run holds the partition), 2 bad input.
import { displayPath } from '../../contract/format.js';
import { errorMessage, PartitionBusyError, UsageError } from '../../errors.js';
import { assertUpstreamPublished } from '../../lineage/upstream.js';
import { formatDuration } from '../../run/duration.js';
import { onInterrupt } from '../../run/interrupt.js';
import { createLiveView } from '../../run/live-view.js';
import { runPartition } from '../../run/partition.js';
import { openWorkspace } from '../../run/workspace.js';
import { partitionForKey } from '../../schedule/partitions.js';
import { assertWithinContract } from '../../schedule/window.js';
import { dagIdArgument, parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright run <dag_id> --partition KEY [--resume] [--data-root DIR] [--reason TEXT] [--pipelines-dir DIR]

  --partition KEY   the partition to run, e.g. 2026-05-02 (daily), 2026-05-02T13 (hourly)
                    (--date KEY is the same)
  --resume          start from the task the partition's last run failed in, reusing the
                    staged outputs of the tasks before it when inputs and code are unchanged
  --data-root DIR   where inputs, outputs and the run ledger live
                    (default: $PIPEWRIGHT_DATA_ROOT, else <pipeline folder>/data)
  --reason TEXT     recorded in the run record and the quality report (default: manual run)
  --pipelines-dir DIR folder holding <dag_id>/pipeline.yml (default: ./pipelines)

Exit status: 0 success or deferred, 1 failed or busy, 2 invalid input.
`;

export async function runCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      partition: { type: 'string' },
      date: { type: 'string' },
      resume: { type: 'boolean' },
      ...WORKSPACE_FLAGS,
      reason: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  const key = values.partition ?? values.date;
  if (key === undefined) throw new UsageError(`missing --partition KEY (the partition to run)\n${USAGE}`);

  const { pipeline, dataRoot, store, ledger } = await openWorkspace(
    dagId,
    { pipelines: values.pipelines, dataRoot: values['data-root'] },
    ctx.cwd,
    ctx.env,
  );
  // The same window `backfill` enforces: not before start_date, not after end_date, not before it is due.
  const named = {
    partition: partitionForKey(pipeline.partition, pipeline.timezone, key),
    label: `partition '${key}'`,
  };
  assertWithinContract(pipeline, named, named, new Date());
  await assertUpstreamPublished(pipeline, named.partition);
  const view = createLiveView(
    ctx.stderr,
    pipeline.tasks.map((t) => t.id),
    ctx.interactive,
    ctx.logger,
  );
  const interrupt = onInterrupt((signal) => view.logger.warning(`${signal}: stopping the run`));
  try {
    const { record, reportPaths } = await runPartition({
      pipeline,
      partition: key,
      dataRoot,
      store,
      trigger: 'manual',
      reason: values.reason ?? 'manual run',
      planReason: values.resume ? 'resume' : 'manual',
      resume: Boolean(values.resume),
      ledger,
      logger: view.logger,
      onTaskState: view.onTaskState,
      signal: interrupt.signal,
    });
    view.close();
    const took = formatDuration(Date.parse(record.endedAt ?? record.startedAt) - Date.parse(record.startedAt));
    for (const task of record.tasks) {
      if (task.state !== 'failed') continue;
      const why = task.failureClass ? ` (${task.failureClass})` : '';
      ctx.stderr.write(`${task.id} failed${why}: ${task.error}\n`);
    }
    ctx.stdout.write(`${pipeline.dagId} ${record.partition}: ${record.state} in ${took} (run ${record.runId})\n`);
    const reused = record.tasks.filter((t) => t.reusedFrom);
    if (reused.length) {
      ctx.stdout.write(`resumed: reused ${reused.map((t) => t.id).join(', ')} from run ${reused[0]?.reusedFrom}\n`);
    }
    if (record.publication === 'published') ctx.stdout.write(`published: live version is ${record.runId}\n`);
    else {
      const live = record.liveVersion ? `live version stays ${record.liveVersion}` : 'nothing is live';
      ctx.stdout.write(
        `not published: ${live}${record.stagingDir ? `; staged outputs in ${record.stagingDir}` : ''}\n`,
      );
    }
    if (reportPaths) ctx.stdout.write(`report: ${displayPath(reportPaths.json, ctx.cwd)}\n`);
    if (interrupt.signal.aborted) return 130;
    return record.state === 'failed' ? 1 : 0;
  } catch (error) {
    view.close();
    if (error instanceof PartitionBusyError) {
      ctx.stderr.write(`pipewright run: ${errorMessage(error)}\n`);
      return 1;
    }
    throw error;
  } finally {
    interrupt.dispose();
  }
}
