// PLACEHOLDER: replaced by the module that implements 'pipewright validate'.
import type { CliContext } from '../context.js';

export async function validateCommand(_args: string[], ctx: CliContext): Promise<number> {
  ctx.stderr.write('pipewright validate: not implemented yet\n');
  return 70;
}
