// Distinct counting must be exact for any ids, not only the rising ones it is fast for.

import { describe, expect, it } from 'vitest';
import { aggregateDailySales } from '../../pipelines/turanmart_daily_sales/tasks/daily_sales.js';
import { ByteSet, IdSet, NumberSet, unionSize } from '../../pipelines/turanmart_daily_sales/tasks/id_set.js';
import { csvReading } from '../../src/csv/reader.js';

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
  ids.forKey('TM-').add(7);
  ids.forKey('KASPI-').add(7);
  ids.forKey('TM-').add(7);
  ids.forKey('TM-\u00003').add(7);
  const other = new TextEncoder().encode('x007y');
  ids.addOther(other, 0, other.length);
  ids.addOther(other, 0, other.length);
  expect(ids.size).toBe(5);
});

it('counts byte strings exactly like a Set, through growth and hash collisions', () => {
  const set = new ByteSet();
  const truth = new Set<string>();
  const encoder = new TextEncoder();
  for (let i = 0; i < 100_000; i++) {
    const id = `${i % 3 === 0 ? 'ord-' : ''}${(i * 7919) % 60_000}-${'x'.repeat(i % 5)}é`;
    const bytes = encoder.encode(`,${id},`);
    set.add(bytes, 1, bytes.length - 1);
    truth.add(id);
  }
  expect(set.size).toBe(truth.size);
  expect(truth.size).toBeGreaterThan(50_000);
});

// Each id shape of the benchmark and the samples, through the whole gold aggregation, against a Set.
describe('distinct orders per id shape', () => {
  const shapes: Record<string, (i: number) => string> = {
    rising: (i) => String(10_000_000 + i),
    shuffled: (i) => String(10_000_000 + ((i * 7_919) % 20_011)),
    'zero-padded': (i) => `TM-${String(i % 15_000).padStart(9, '0')}`,
    'zero-padded, several widths': (i) => `${String(i % 900).padStart(1 + (i % 4), '0')}`,
    duplicated: (i) => String(10_000_000 + (i % 3 === 0 ? Math.floor(i / 7) : i)),
    'marketplace prefixes': (i) => (i % 5 === 0 ? `KASPI-${88_000 + (i % 700)}` : String(5_000_000 + i)),
    'not numeric': (i) => `ord-${(i % 9_000).toString(36)}-z`,
    'longer than 15 digits': (i) => `${'9'.repeat(16)}${i % 4_000}`,
    quoted: (i) => `"A,${i % 3_000}""x"`,
  };
  it.each(Object.keys(shapes))('%s', async (shape) => {
    const make = shapes[shape]!;
    const regions = ['Almaty', 'Astana', 'Shymkent'];
    let csv = 'order_id,order_date,customer_id,region,order_total\n';
    const truth = new Map<string, Set<string>>(regions.map((r) => [r, new Set()]));
    for (let i = 0; i < 30_000; i++) {
      const id = make(i);
      const region = regions[(i * 31) % 3]!;
      csv += `${id},2026-05-01,C1,${region},1.00\n`;
      truth.get(region)!.add(id.startsWith('"') ? id.slice(1, -1).replaceAll('""', '"') : id);
    }
    const sales = await aggregateDailySales([new TextEncoder().encode(csv)], csvReading);
    expect(Object.fromEntries(sales.rows.map((r) => [r.region, r.orderCount]))).toEqual(
      Object.fromEntries([...truth].map(([r, ids]) => [r, ids.size])),
    );
  });
});

describe('dense windows and merged shares', () => {
  /** Shuffled ids over a range, a few far-off ones, and rising ones past the range: window, table and both. */
  function values(seed: number, n: number): number[] {
    let s = seed;
    const random = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 4294967296;
    };
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = random();
      if (r < 0.6) out.push(10_000_000 + Math.floor(random() * 2_000_000));
      else if (r < 0.9) out.push(12_000_000 + i * 3);
      else out.push(Math.floor(random() * 2 ** 52));
    }
    return out;
  }

  it('counts exactly like a Set while blocks move from the table into the window', () => {
    const set = new NumberSet();
    const truth = new Set<number>();
    for (const value of values(7, 300_000)) {
      set.add(value);
      truth.add(value);
    }
    expect(set.size).toBe(truth.size);
  });

  it('gives the exact union of sets built on two threads, from their data', () => {
    const a = new IdSet();
    const b = new IdSet();
    const truth = new Set<string>();
    const encoder = new TextEncoder();
    values(11, 200_000).forEach((value, i) => {
      const side = i % 3 === 0 ? a : b;
      // Both shares hold some of the same ids: the union must count each once.
      side.plain.add(value);
      (i % 5 === 0 ? a : b).plain.add(value);
      truth.add(String(value));
      if (i % 4 === 0) {
        side.forKey('TM-').add(value % 100_000);
        truth.add(`TM-${value % 100_000}`);
      }
      if (i % 9 === 0) {
        const other = encoder.encode(`x${value % 5_000}`);
        side.addOther(other, 0, other.length);
        truth.add(`x${value % 5_000}`);
      }
    });
    const [dataA, dataB] = structuredClone([a.toData(), b.toData()]);
    expect(unionSize([dataA!, dataB!])).toBe(truth.size);
    expect(unionSize([a.toData()])).toBe(a.size);
  });
});
