import { describe, expect, it } from 'vitest';
import { findCycle, topologicalOrder } from './dag.js';

const node = (id: string, ...upstream: string[]) => ({ id, upstream });

describe('topologicalOrder', () => {
  it('puts every task after its upstream tasks, keeping contract order between independent tasks', () => {
    const tasks = [node('report', 'gold', 'checks'), node('checks', 'bronze'), node('gold', 'bronze'), node('bronze')];
    expect(topologicalOrder(tasks).map((t) => t.id)).toEqual(['bronze', 'checks', 'gold', 'report']);
  });

  it('refuses a cyclic graph, naming the cycle', () => {
    expect(() => topologicalOrder([node('a', 'b'), node('b', 'a')])).toThrow(/cycle: (a -> b -> a|b -> a -> b)/);
  });
});

describe('findCycle', () => {
  it('returns the cycle as a path in the direction data flows', () => {
    // b feeds c, c feeds a, a feeds b.
    expect(findCycle([node('start'), node('a', 'start', 'c'), node('b', 'a'), node('c', 'b')])).toEqual([
      'b',
      'c',
      'a',
      'b',
    ]);
  });

  it('sees a self-dependency and returns nothing for a DAG', () => {
    expect(findCycle([node('x', 'x')])).toEqual(['x', 'x']);
    expect(findCycle([node('a'), node('b', 'a'), node('c', 'a', 'b')])).toBeUndefined();
  });
});
