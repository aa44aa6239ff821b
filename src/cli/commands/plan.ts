// PLACEHOLDER: replaced by the module that implements 'pipewright plan'.
import type { CliContext } from '../context.js';

export async function planCommand(_args: string[], ctx: CliContext): Promise<number> {
  ctx.stderr.write('pipewright plan: not implemented yet\n');
  return 70;
}
