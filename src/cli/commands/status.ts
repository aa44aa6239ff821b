import { toJsonText } from '../../json.js';
import { renderStatusTable, statusRows } from '../../run/status.js';
import { openWorkspace } from '../../run/workspace.js';
import { dagIdArgument, oneOf, parseFlags } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright status <dag_id> [--format table|json] [--data-root DIR] [--pipelines DIR]

  One row per partition: last state, run id, trigger, attempts, duration, rows,
  numeric metrics and the recorded reason.
`;

export async function statusCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { format: { type: 'string' }, 'data-root': { type: 'string' }, pipelines: { type: 'string' } },
    USAGE,
  );
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
  const rows = statusRows(await ledger.latestRuns(pipeline.dagId));
  ctx.stdout.write(
    format === 'json'
      ? toJsonText({ dagId: pipeline.dagId, partitions: rows })
      : renderStatusTable(pipeline.dagId, rows),
  );
  return 0;
}
