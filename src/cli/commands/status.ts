import { toJsonText } from '../../json.js';
import { renderStale, stalePartitions } from '../../lineage/upstream.js';
import { dueWithoutRun, renderDueWithoutRun } from '../../plan/due.js';
import { renderStatusTable, statusRows } from '../../run/status.js';
import { openWorkspace } from '../../run/workspace.js';
import { dagIdArgument, oneOf, parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright status <dag_id> [--format table|json] [--data-root DIR] [--pipelines-dir DIR]

  One row per partition: last state, run id, trigger, attempts (the most any task
  needed), duration, rows, numeric metrics, the live version and the recorded
  reason; then the due partitions that never ran.
`;

export async function statusCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(args, { format: { type: 'string' }, ...WORKSPACE_FLAGS }, USAGE);
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  const format = oneOf(values.format, ['table', 'json'] as const, 'format', 'table');
  const { pipeline, ledger } = await openWorkspace(
    dagId,
    { pipelines: values.pipelines, dataRoot: values['data-root'] },
    ctx.cwd,
    ctx.env,
  );
  const latest = await ledger.latestRuns(pipeline.dagId);
  const rows = statusRows(latest);
  // The ledger lists only what ran: a partition that never did is a gap status must show.
  const never = dueWithoutRun(pipeline, latest, new Date());
  // Succeeded, but a from: upstream partition was published again since: it holds old data.
  const stale = await stalePartitions(pipeline, latest);
  ctx.stdout.write(
    format === 'json'
      ? toJsonText({
          dagId: pipeline.dagId,
          partitions: rows,
          dueNeverRun: never.map((p) => p.key),
          ...(pipeline.from && Object.keys(pipeline.from).length > 0 ? { stale } : {}),
        })
      : renderStatusTable(pipeline.dagId, rows) + renderDueWithoutRun(never) + renderStale(stale),
  );
  return 0;
}
