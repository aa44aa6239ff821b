// PLACEHOLDER: replaced by the module that implements 'pipewright backfill'.
import type { CliContext } from '../context.js';

export async function backfillCommand(_args: string[], ctx: CliContext): Promise<number> {
  ctx.stderr.write('pipewright backfill: not implemented yet\n');
  return 70;
}
