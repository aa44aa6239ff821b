// `pipewright graph <dag_id>`: the DAG as Mermaid (pastes into a GitHub
// comment or job summary) or Graphviz dot (pipe into `dot -Tsvg`).
import { resolve } from 'node:path';
import { loadPipelineById } from '../../contract/load.js';
import { toDot, toMermaid } from '../../graph/render.js';
import { dagIdArgument, oneOf, parseFlags } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright graph <dag_id> [--format mermaid|dot] [--pipelines-dir DIR]

  --format FORMAT    mermaid (default) or dot
  --pipelines-dir DIR  folder holding <dag_id>/pipeline.yml (default: ./pipelines)`;

export async function graphCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { format: { type: 'string' }, pipelines: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dagId = dagIdArgument(positionals, USAGE);
  const format = oneOf(values.format, ['mermaid', 'dot'] as const, 'format', 'mermaid');
  const pipeline = await loadPipelineById(resolve(ctx.cwd, values.pipelines ?? 'pipelines'), dagId);
  const text = format === 'dot' ? toDot(pipeline) : toMermaid(pipeline);
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
