import { describe, expect, it } from 'vitest';
import { toMatrix } from './matrix.js';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(4, '0')}`);

describe('toMatrix', () => {
  it('gives one entry per partition up to 256', () => {
    const m = toMatrix(keys(256));
    expect(m.include).toHaveLength(256);
    expect(m.include[0]).toEqual({ label: 'k0000', partitions: 'k0000' });
    expect(toMatrix(['2026-05-01'])).toEqual({ include: [{ label: '2026-05-01', partitions: '2026-05-01' }] });
  });

  it('chunks 1,000 partitions into 256 contiguous entries covering each once, in order, sizes within one', () => {
    const all = keys(1000);
    const m = toMatrix(all);
    expect(m.include).toHaveLength(256);
    const chunks = m.include.map((e) => e.partitions.split(' '));
    expect(chunks.flat()).toEqual(all);
    const sizes = new Set(chunks.map((c) => c.length));
    expect([...sizes].sort()).toEqual([3, 4]);
    expect(m.include[0]).toEqual({ label: 'k0000..k0003', partitions: 'k0000 k0001 k0002 k0003' });
    expect(m.include[255]?.label).toBe('k0997..k0999');
  });

  it('honours a smaller limit and an empty plan', () => {
    expect(toMatrix(['a', 'b', 'c'], 2).include).toEqual([
      { label: 'a..b', partitions: 'a b' },
      { label: 'c', partitions: 'c' },
    ]);
    expect(toMatrix([])).toEqual({ include: [] });
    expect(() => toMatrix(['a'], 0)).toThrow(/positive integer/);
  });
});
