// Every pipeline in one diagram: each pipeline a box of its tasks, and an edge
// from an upstream pipeline to each pipeline that reads one of its outputs
// through `from:`, labelled with the output. Pipelines come in lineage order
// (upstream first) so diagrams are stable.
import type { Pipeline } from '../contract/model.js';
import { topologicalOrder } from './dag.js';
import { dotTaskLines, mermaidTaskLines, quote } from './render.js';

/** One `from:` edge between pipelines: `output` of `from` is read by `to` as `input`. */
export interface LineageEdge {
  from: string;
  to: string;
  output: string;
  input: string;
}

export function lineageEdges(pipelines: readonly Pipeline[]): LineageEdge[] {
  return pipelines.flatMap((p) =>
    Object.entries(p.from ?? {}).map(([input, ref]) => ({ from: ref.dagId, to: p.dagId, output: ref.output, input })),
  );
}

/** Pipelines with each upstream before its downstreams; ties keep dag_id order. */
function lineageOrder(pipelines: readonly Pipeline[]): Pipeline[] {
  const sorted = [...pipelines].sort((a, b) => a.dagId.localeCompare(b.dagId));
  const byId = new Map(sorted.map((p) => [p.dagId, p]));
  const nodes = sorted.map((p) => ({ id: p.dagId, upstream: Object.values(p.from ?? {}).map((r) => r.dagId) }));
  return topologicalOrder(nodes).map((n) => byId.get(n.id)!);
}

const edgeLabel = (e: LineageEdge) => (e.input === e.output ? e.output : `${e.output} as ${e.input}`);

export function lineageToMermaid(pipelines: readonly Pipeline[]): string {
  const lines = ['flowchart LR'];
  for (const p of lineageOrder(pipelines)) {
    lines.push(`  subgraph ${p.dagId}["${p.dagId}"]`, '    direction LR');
    lines.push(...mermaidTaskLines(topologicalOrder(p.tasks), { id: (t) => `${p.dagId}__${t}`, indent: '    ' }));
    lines.push('  end');
  }
  for (const e of lineageEdges(pipelines)) lines.push(`  ${e.from} ==>|${edgeLabel(e)}| ${e.to}`);
  return `${lines.join('\n')}\n`;
}

export function lineageToDot(pipelines: readonly Pipeline[]): string {
  const ordered = lineageOrder(pipelines);
  const lines = [
    'digraph "pipelines" {',
    '  rankdir=LR;',
    '  compound=true;',
    '  node [fontname="Helvetica", fontsize=11];',
  ];
  // dot draws edges between nodes: a lineage edge joins the upstream's last task to the downstream's first.
  const ends = new Map<string, { first: string; last: string }>();
  for (const p of ordered) {
    const tasks = topologicalOrder(p.tasks);
    const id = (t: string) => `${p.dagId}.${t}`;
    ends.set(p.dagId, { first: id(tasks[0]!.id), last: id(tasks.at(-1)!.id) });
    lines.push(`  subgraph ${quote(`cluster_${p.dagId}`)} {`, `    label=${quote(p.dagId)};`);
    lines.push(...dotTaskLines(tasks, { id, indent: '    ' }), '  }');
  }
  for (const e of lineageEdges(pipelines)) {
    const from = ends.get(e.from);
    const to = ends.get(e.to);
    if (!from || !to) continue;
    lines.push(
      `  ${quote(from.last)} -> ${quote(to.first)} [ltail=${quote(`cluster_${e.from}`)}, lhead=${quote(`cluster_${e.to}`)}, penwidth=2, label=${quote(edgeLabel(e))}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
