// `pipewright repair <dag_id>`: finishes every publish a killed process left half
// done (the next run of a partition would too). Exit: 0 nothing left to repair,
// 1 a partition is held by a live run, 2 bad input.
import { repairPipeline } from '../../run/rollback.js';
import { openWorkspace } from '../../run/workspace.js';
import { dagIdArgument, parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright repair <dag_id> [--data-root DIR] [--pipelines-dir DIR]

  Rolls forward each publish that was interrupted (its journal is still there),
  so every output path and the partition manifest agree on one version.

Exit status: 0 repaired (or nothing to do), 1 a partition is busy, 2 invalid input.
`;

export async function repairCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(args, { ...WORKSPACE_FLAGS }, USAGE);
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  const { pipeline, dataRoot, store, ledger } = await openWorkspace(
    dagId,
    { pipelines: values.pipelines, dataRoot: values['data-root'] },
    ctx.cwd,
    ctx.env,
  );
  const results = await repairPipeline(pipeline, dataRoot, ledger, store);
  if (results.length === 0) ctx.stdout.write(`${dagId}: no interrupted publish to repair\n`);
  for (const r of results) {
    if (r.repaired) ctx.stdout.write(`${dagId} ${r.partition}: finished the publish of ${r.repaired}\n`);
    else ctx.stderr.write(`${dagId} ${r.partition}: left alone: ${r.busy}\n`);
  }
  return results.some((r) => r.busy) ? 1 : 0;
}
