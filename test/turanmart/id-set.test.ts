// Distinct counting must be exact for any ids, not only the rising ones it is fast for.

import { expect, it } from 'vitest';
import { IdSet, NumberSet } from '../../pipelines/turanmart_daily_sales/tasks/id_set.js';

it('counts exactly like a Set across small, 32-bit-boundary and 15-digit values', () => {
  let seed = 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const bases = [0, 2 ** 31 - 100, 2 ** 32 - 100, 2 ** 40, 999_999_999_999_000];
  const set = new NumberSet();
  const truth = new Set<number>();
  for (let i = 0; i < 200_000; i++) {
    const base = bases[Math.floor(random() * bases.length)]!;
    // Mostly near-sequential ids, with random jumps that make sparse blocks and force growth.
    const value = base + (random() < 0.7 ? Math.floor(random() * 300) : Math.floor(random() * 5_000_000));
    if (value > 999_999_999_999_999) continue;
    set.add(value);
    truth.add(value);
  }
  expect(set.size).toBe(truth.size);
  expect(truth.size).toBeGreaterThan(40_000);
});

it('tells apart values that share a block, and values 64 apart', () => {
  const set = new NumberSet();
  for (const value of [0, 1, 31, 32, 63, 64, 65, 2 ** 32 + 5, 2 ** 32 + 69, 0, 64, 2 ** 32 + 5]) set.add(value);
  expect(set.size).toBe(9);
});

it('keeps numeric, prefixed and other ids apart in one group', () => {
  const ids = new IdSet();
  ids.plain.add(7);
  ids.forPrefix('TM-').add(7);
  ids.forPrefix('KASPI-').add(7);
  ids.forPrefix('TM-').add(7);
  ids.addOther('007');
  ids.addOther('007');
  expect(ids.size).toBe(4);
});
