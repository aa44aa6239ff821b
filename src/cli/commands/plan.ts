// `pipewright plan <dag_id>`: which partitions a scheduled tick (default) or a
// backfill (--start/--end) must run, read against the run ledger. Prints only;
// running them is `pipewright run` / `pipewright backfill`.
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { toJsonText } from '../../json.js';
import { planBackfill, planSchedule, REPROCESS_MODES } from '../../plan/plan.js';
import { planToJson, renderPlanTable } from '../../plan/render.js';
import { openWorkspace } from '../../run/workspace.js';
import { parseInstant } from '../../schedule/instants.js';
import { dagIdArgument, oneOf, parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright plan <dag_id> [--now ISO | --start KEY --end KEY [--reprocess failed|completed|none] [--reverse]]
                      [--format table|json] [--pipelines-dir DIR] [--data-root DIR]

  --now ISO          the tick's time (default: now); without an offset it is read in the pipeline's timezone
  --start/--end KEY  plan a backfill of these partition keys, inclusive (2026-05-02, 2026-05-02T13, 2026-W18, 2026-05)
  --reprocess MODE   failed (default: missing or failed), completed (everything), none (never run)
  --reverse          newest partition first
  --format FORMAT    table (default) or json
  --pipelines-dir DIR  folder holding <dag_id>/pipeline.yml (default: ./pipelines)
  --data-root DIR    data root holding the run ledger (default: $PIPEWRIGHT_DATA_ROOT, else <pipeline>/data)`;

export async function planCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      now: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      reprocess: { type: 'string' },
      reverse: { type: 'boolean' },
      format: { type: 'string' },
      ...WORKSPACE_FLAGS,
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  const format = oneOf(values.format, ['table', 'json'] as const, 'format', 'table');
  const backfill = values.start !== undefined || values.end !== undefined;
  if (backfill && (values.start === undefined || values.end === undefined))
    throw new UsageError('a backfill needs both --start and --end (inclusive partition keys)');
  if (!backfill && (values.reprocess !== undefined || values.reverse))
    throw new UsageError('--reprocess and --reverse apply to a backfill: add --start and --end');
  const reprocess = oneOf(values.reprocess, REPROCESS_MODES, 'reprocess', 'failed');

  const { pipeline, dataRoot, ledger } = await openWorkspace(
    dagId,
    { pipelines: values.pipelines, dataRoot: values['data-root'] },
    ctx.cwd,
    ctx.env,
  );
  const now = values.now === undefined ? new Date() : parseInstant(values.now, pipeline.timezone, '--now').toJSDate();
  ctx.logger.debug(`plan: ledger at ${join(dataRoot, '_pipewright')}`);

  const plan = backfill
    ? await planBackfill(
        pipeline,
        { start: values.start!, end: values.end!, reprocess, reverse: values.reverse === true, now },
        ledger,
      )
    : await planSchedule(pipeline, now, ledger);
  ctx.stdout.write(format === 'json' ? toJsonText(planToJson(plan)) : renderPlanTable(plan));
  return 0;
}
