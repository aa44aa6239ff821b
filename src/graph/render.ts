// The DAG as text for people: Mermaid (job summaries, PR comments) and
// Graphviz dot. Tasks appear in topological order so diagrams are stable.
import type { Pipeline, Task } from '../contract/model.js';
import { topologicalOrder } from './dag.js';

export interface RenderOptions {
  /** A state per task id (e.g. from a run record), shown in the label and as a Mermaid class. */
  states?: Record<string, string>;
}

const MERMAID_SHAPES: Record<Task['spec']['kind'], [string, string]> = {
  handler: ['[', ']'],
  command: ['[[', ']]'],
  sensor: ['([', '])'],
  checks: ['{{', '}}'],
};

const MERMAID_STATE_STYLES: Record<string, string> = {
  success: 'fill:#d4edda,stroke:#28a745',
  failed: 'fill:#f8d7da,stroke:#dc3545',
  upstream_failed: 'fill:#fde2c8,stroke:#fd7e14',
  up_for_retry: 'fill:#fff3cd,stroke:#ffc107',
  deferred: 'fill:#e2e3f5,stroke:#6f42c1',
  skipped: 'fill:#eeeeee,stroke:#999999',
  running: 'fill:#cce5ff,stroke:#007bff',
};

function label(task: Task, state: string | undefined): string {
  return [task.id, task.spec.kind, state].filter(Boolean).join(' · ');
}

/** Edges upstream -> task; a task's non-default trigger rule labels its incoming edges. */
function edges(task: Task): Array<{ from: string; to: string; rule?: string }> {
  const rule = task.triggerRule === 'all_success' ? undefined : task.triggerRule;
  return task.upstream.map((from) => ({ from, to: task.id, ...(rule ? { rule } : {}) }));
}

/** Node and edge lines of a pipeline's tasks; `id` names each node (a prefix keeps several pipelines apart). */
export function mermaidTaskLines(
  tasks: readonly Task[],
  opts: RenderOptions & { id?: (taskId: string) => string; indent?: string } = {},
): string[] {
  const id = opts.id ?? ((t: string) => t);
  const indent = opts.indent ?? '  ';
  const lines: string[] = [];
  for (const task of tasks) {
    const [open, close] = MERMAID_SHAPES[task.spec.kind];
    lines.push(`${indent}${id(task.id)}${open}"${label(task, opts.states?.[task.id])}"${close}`);
  }
  for (const task of tasks)
    for (const e of edges(task))
      lines.push(
        e.rule ? `${indent}${id(e.from)} -.->|${e.rule}| ${id(e.to)}` : `${indent}${id(e.from)} --> ${id(e.to)}`,
      );
  return lines;
}

export function toMermaid(pipeline: Pipeline, opts: RenderOptions = {}): string {
  const tasks = topologicalOrder(pipeline.tasks);
  const lines = ['flowchart LR', ...mermaidTaskLines(tasks, opts)];
  const used = new Set(Object.values(opts.states ?? {}));
  for (const [state, style] of Object.entries(MERMAID_STATE_STYLES)) {
    if (!used.has(state)) continue;
    lines.push(`  classDef ${state} ${style}`);
    const ids = tasks.filter((t) => opts.states?.[t.id] === state).map((t) => t.id);
    lines.push(`  class ${ids.join(',')} ${state}`);
  }
  return `${lines.join('\n')}\n`;
}

const DOT_SHAPES: Record<Task['spec']['kind'], string> = {
  handler: 'box',
  command: 'box3d',
  sensor: 'ellipse',
  checks: 'hexagon',
};

export const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Node and edge lines of a pipeline's tasks in dot; `id` names each node (a prefix keeps several pipelines apart). */
export function dotTaskLines(
  tasks: readonly Task[],
  opts: RenderOptions & { id?: (taskId: string) => string; indent?: string } = {},
): string[] {
  const id = opts.id ?? ((t: string) => t);
  const indent = opts.indent ?? '  ';
  const lines: string[] = [];
  for (const task of tasks) {
    const state = opts.states?.[task.id];
    const text = [task.id, task.spec.kind, state].filter(Boolean).join('\\n');
    lines.push(`${indent}${quote(id(task.id))} [label="${text}", shape=${DOT_SHAPES[task.spec.kind]}];`);
  }
  for (const task of tasks)
    for (const e of edges(task))
      lines.push(
        `${indent}${quote(id(e.from))} -> ${quote(id(e.to))}${e.rule ? ` [style=dashed, label=${quote(e.rule)}]` : ''};`,
      );
  return lines;
}

export function toDot(pipeline: Pipeline, opts: RenderOptions = {}): string {
  const tasks = topologicalOrder(pipeline.tasks);
  const lines = [
    `digraph ${quote(pipeline.dagId)} {`,
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=11];',
    ...dotTaskLines(tasks, opts),
  ];
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
