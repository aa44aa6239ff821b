// `pipewright graph <dag_id>`: the DAG as Mermaid (pastes into a GitHub
// comment or job summary) or Graphviz dot (pipe into `dot -Tsvg`).
// `pipewright graph --all`: every pipeline in one diagram, with the `from:`
// lineage between them.
import { resolve } from 'node:path';
import { loadPipelineById, loadPipelines } from '../../contract/load.js';
import { UsageError } from '../../errors.js';
import { lineageToDot, lineageToMermaid } from '../../graph/lineage.js';
import { toDot, toMermaid } from '../../graph/render.js';
import { dagIdArgument, oneOf, parseFlags } from '../args.js';
import type { CliContext } from '../context.js';

const USAGE = `usage: pipewright graph <dag_id> | --all [--format mermaid|dot] [--pipelines-dir DIR]

  --all              every pipeline in one diagram, with the from: lineage between pipelines
  --format FORMAT    mermaid (default) or dot
  --pipelines-dir DIR  folder holding <dag_id>/pipeline.yml (default: ./pipelines)`;

export async function graphCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { format: { type: 'string' }, pipelines: { type: 'string' }, all: { type: 'boolean' } },
    USAGE,
  );
  if (values.help) {
    ctx.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = oneOf(values.format, ['mermaid', 'dot'] as const, 'format', 'mermaid');
  const pipelinesDir = resolve(ctx.cwd, values.pipelines ?? 'pipelines');
  let text: string;
  if (values.all) {
    if (positionals.length > 0) throw new UsageError(`--all draws every pipeline: drop '${positionals[0]}'\n${USAGE}`);
    const pipelines = await loadPipelines(pipelinesDir);
    text = format === 'dot' ? lineageToDot(pipelines) : lineageToMermaid(pipelines);
  } else {
    const pipeline = await loadPipelineById(pipelinesDir, dagIdArgument(positionals, USAGE));
    text = format === 'dot' ? toDot(pipeline) : toMermaid(pipeline);
  }
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
