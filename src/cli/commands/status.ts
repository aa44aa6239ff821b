// PLACEHOLDER: replaced by the module that implements 'pipewright status'.
import type { CliContext } from '../context.js';

export async function statusCommand(_args: string[], ctx: CliContext): Promise<number> {
  ctx.stderr.write('pipewright status: not implemented yet\n');
  return 70;
}
