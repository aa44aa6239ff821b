// PLACEHOLDER: replaced by the module that implements 'pipewright graph'.
import type { CliContext } from '../context.js';

export async function graphCommand(_args: string[], ctx: CliContext): Promise<number> {
  ctx.stderr.write('pipewright graph: not implemented yet\n');
  return 70;
}
