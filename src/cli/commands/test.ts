// `pipewright test <dag_id> <task_id> --partition KEY`: runs one task once in a scratch data
// root, without the ledger, and says what it wrote. Exit 0 success, 1 failed, 2 bad input.

import { UsageError } from '../../errors.js';
import { formatDuration } from '../../run/duration.js';
import { testTask } from '../../run/task-test.js';
import { openWorkspace } from '../../run/workspace.js';
import { parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright test <dag_id> <task_id> --partition KEY [--data-root DIR] [--keep] [--pipelines-dir DIR]

Runs one task of one partition once (no retries) in a scratch data root, without the run
ledger: the partition's inputs, and the outputs upstream tasks already wrote for it, are
copied from the data root first, and nothing is written back.

  --partition KEY   the partition, e.g. 2026-05-02 (daily), 2026-05-02T13 (hourly); --date is the same
  --data-root DIR   where the inputs are copied from (default: $PIPEWRIGHT_DATA_ROOT, else <pipeline folder>/data)
  --keep            keep the scratch data root and print its path
  --pipelines-dir DIR folder holding <dag_id>/pipeline.yml (default: ./pipelines)

Exit status: 0 success, 1 failed, 2 invalid input.
`;

export async function testCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      partition: { type: 'string' },
      ...WORKSPACE_FLAGS,
      keep: { type: 'boolean' },
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const [dagId, taskId, ...extra] = positionals;
  if (dagId === undefined || taskId === undefined) throw new UsageError(`missing <dag_id> <task_id>\n${USAGE}`);
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'\n${USAGE}`);
  if (values.partition === undefined) throw new UsageError(`missing --partition KEY\n${USAGE}`);
  const { pipeline, dataRoot } = await openWorkspace(
    dagId,
    { pipelines: values.pipelines, dataRoot: values['data-root'] },
    ctx.cwd,
    ctx.env,
  );
  const result = await testTask({
    pipeline,
    taskId,
    partition: values.partition,
    dataRoot,
    logger: ctx.logger,
    keep: values.keep === true,
  });
  const { record } = result;
  if (result.missing.length) ctx.logger.warning(`inputs missing in ${dataRoot}: ${result.missing.join(', ')}`);
  const lines = [
    `${dagId}.${taskId} ${values.partition}: ${record.state} in ${formatDuration(record.durationMs)} (test: no ledger, scratch data root)`,
  ];
  if (record.error) lines.push(`${record.failureClass ? `${record.failureClass}: ` : ''}${record.error}`);
  for (const [key, value] of Object.entries(result.metrics)) lines.push(`  metric ${key} = ${value}`);
  for (const c of result.checks)
    lines.push(`  check ${c.name} on ${c.dataset}: ${c.status}${c.details ? ` (${c.details})` : ''}`);
  for (const o of result.outputs) lines.push(`  wrote ${o.name}: ${o.path} (${o.bytes} bytes)`);
  if (result.scratch) lines.push(`  scratch data root kept: ${result.scratch}`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return record.state === 'success' ? 0 : 1;
}
