// The DAG of a pipeline's tasks: order and cycles. Works on anything with an
// id and upstream ids, so validation can use it before a contract is normalized.

export interface DagNode {
  id: string;
  upstream: readonly string[];
}

/**
 * Tasks in an order where every task comes after its upstream tasks; ties keep
 * the contract's order so runs and diagrams are stable. Unknown upstream ids
 * are ignored. Throws on a cycle (validation reports cycles before this is called).
 */
export function topologicalOrder<T extends DagNode>(tasks: readonly T[]): T[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const pending = new Map(tasks.map((t) => [t.id, t.upstream.filter((u) => byId.has(u) && u !== t.id).length]));
  const downstream = new Map<string, string[]>();
  for (const t of tasks)
    for (const u of new Set(t.upstream)) if (byId.has(u)) downstream.set(u, [...(downstream.get(u) ?? []), t.id]);
  const order: T[] = [];
  const ready = tasks.filter((t) => pending.get(t.id) === 0).map((t) => t.id);
  const position = new Map(tasks.map((t, i) => [t.id, i]));
  while (ready.length) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(byId.get(id)!);
    for (const d of downstream.get(id) ?? []) {
      const left = pending.get(d)! - 1;
      pending.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  if (order.length < byId.size) {
    const cycle = findCycle(tasks);
    throw new Error(`the task graph has a cycle: ${cycle ? cycle.join(' -> ') : 'unknown'}`);
  }
  return order;
}

/**
 * One cycle as a path that returns to its start, in the direction data flows
 * (each id is upstream of the next), e.g. ['a', 'b', 'c', 'a']; undefined when
 * the graph is acyclic. A self-dependency is the cycle [x, x].
 */
export function findCycle(tasks: readonly DagNode[]): string[] | undefined {
  const upstreamOf = new Map(tasks.map((t) => [t.id, t.upstream]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const u of upstreamOf.get(id) ?? []) {
      if (!upstreamOf.has(u)) continue;
      if (state.get(u) === 'visiting') {
        // stack holds downstream -> upstream; print the flow direction upstream -> downstream.
        const loop = stack.slice(stack.indexOf(u)).reverse();
        return [...loop, loop[0]!];
      }
      if (!state.has(u)) {
        const found = visit(u);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const t of tasks) {
    if (state.has(t.id)) continue;
    const found = visit(t.id);
    if (found) return found;
  }
  return undefined;
}
