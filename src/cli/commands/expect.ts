// `pipewright expect [dag_id ...]`: runs the partitions each pipeline's
// expected/ folder covers on its sample inputs and compares the outputs byte
// for byte. Exit 0 when every expected file matches, 1 otherwise, 2 bad input.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadPipelineById } from '../../contract/load.js';
import { UsageError } from '../../errors.js';
import { checkExpectedOutputs } from '../../run/expect.js';
import { parseFlags } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright expect [dag_id ...] [--pipelines-dir DIR]

Runs, in a scratch data root, every partition that <pipeline>/expected/ holds files
for (expected/ mirrors the data root, e.g. expected/gold/daily_sales/dt=2026-05-01/
daily_sales.csv), using the pipeline's sample inputs from its data/ folder, and
compares each expected file with the output byte for byte.

  --pipelines-dir DIR folder holding <dag_id>/pipeline.yml (default: ./pipelines)

Exit status: 0 all match, 1 a difference or a failed run, 2 invalid input.
`;

export async function expectCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(args, { pipelines: { type: 'string' } }, USAGE);
  if (values.help) {
    ctx.stdout.write(USAGE);
    return 0;
  }
  const pipelinesDir = path.resolve(ctx.cwd, values.pipelines ?? 'pipelines');
  if (!existsSync(pipelinesDir)) throw new UsageError(`no pipelines folder at ${path.relative(ctx.cwd, pipelinesDir)}`);
  const dagIds =
    positionals.length > 0
      ? positionals
      : readdirSync(pipelinesDir).filter((d) => existsSync(path.join(pipelinesDir, d, 'pipeline.yml')));

  let failed = 0;
  let checked = 0;
  for (const dagId of dagIds) {
    const pipeline = await loadPipelineById(pipelinesDir, dagId);
    const result = await checkExpectedOutputs(pipeline, ctx.logger);
    if (result.files.length === 0) {
      ctx.stdout.write(`${dagId}: no expected/ files, nothing to compare\n`);
      continue;
    }
    for (const file of result.files) {
      checked++;
      const where = path.relative(ctx.cwd, path.join(pipeline.dir, 'expected', file.path));
      if (file.status === 'match') {
        ctx.stdout.write(`ok       ${where}\n`);
      } else {
        failed++;
        ctx.stdout.write(`${file.status.padEnd(8)} ${where}: ${file.detail}\n`);
      }
    }
  }
  ctx.stdout.write(`${checked} expected files, ${checked - failed} match, ${failed} differ\n`);
  return failed > 0 ? 1 : 0;
}
