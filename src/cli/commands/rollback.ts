// `pipewright rollback <dag_id> --partition KEY [--to RUN_ID] --reason TEXT`:
// makes a retained version live again and pins it; `--unpin` releases the pin.
// Exit: 0 done, 1 busy (a run holds the partition), 2 bad input.
import { errorMessage, PartitionBusyError, UsageError } from '../../errors.js';
import { rollbackPartition } from '../../run/rollback.js';
import { openWorkspace } from '../../run/workspace.js';
import { dagIdArgument, parseFlags, WORKSPACE_FLAGS } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright rollback <dag_id> --partition KEY --reason TEXT [--to RUN_ID] [options]

  --partition KEY   the partition to roll back, e.g. 2026-05-02
  --to RUN_ID       the retained version to make live (default: the one the latest publish replaced)
  --reason TEXT     why (required): recorded in the ledger and the quality report
  --unpin           keep the live version, but let ticks and changed-reprocessing touch it again
  --data-root DIR   where inputs, outputs and the run ledger live
  --pipelines-dir DIR folder holding <dag_id>/pipeline.yml (default: ./pipelines)

A rolled-back partition is pinned: scheduled ticks (also with reprocess_on_tick: changed)
leave it as it is until 'backfill --reprocess completed' or 'rollback --unpin'.

Exit status: 0 rolled back, 1 busy, 2 invalid input.
`;

export async function rollbackCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      partition: { type: 'string' },
      date: { type: 'string' },
      to: { type: 'string' },
      reason: { type: 'string' },
      unpin: { type: 'boolean' },
      ...WORKSPACE_FLAGS,
    },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  const partition = values.partition ?? values.date;
  if (partition === undefined) throw new UsageError(`missing --partition KEY\n${USAGE}`);
  const reason = values.reason?.trim();
  if (!reason) throw new UsageError('missing --reason TEXT: a rollback changes what readers see, so say why');
  if (values.unpin && values.to !== undefined) throw new UsageError('--unpin keeps the live version: drop --to');
  const { pipeline, dataRoot, store, ledger } = await openWorkspace(
    dagId,
    { pipelines: values.pipelines, dataRoot: values['data-root'] },
    ctx.cwd,
    ctx.env,
  );
  try {
    const { manifest, replaced } = await rollbackPartition({
      pipeline,
      partition,
      dataRoot,
      store,
      ledger,
      reason,
      to: values.to,
      unpin: values.unpin,
    });
    if (values.unpin) {
      ctx.stdout.write(`${dagId} ${manifest.partition}: unpinned; live version ${manifest.runId}\n`);
    } else {
      ctx.stdout.write(
        `${dagId} ${manifest.partition}: rolled back to ${manifest.runId} (was ${replaced}); pinned until ` +
          `'backfill --reprocess completed' or 'rollback --unpin'\n`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof PartitionBusyError)) throw error;
    ctx.stderr.write(`pipewright rollback: ${errorMessage(error)}\n`);
    return 1;
  }
}
