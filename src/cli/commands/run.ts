// PLACEHOLDER: replaced by the module that implements 'pipewright run'.
import type { CliContext } from '../context.js';

export async function runCommand(_args: string[], ctx: CliContext): Promise<number> {
  ctx.stderr.write('pipewright run: not implemented yet\n');
  return 70;
}
