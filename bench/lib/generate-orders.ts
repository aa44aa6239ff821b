// Deterministic raw order exports for benchmarks: one daily partition, orders
// of 1-4 lines on consecutive rows, amounts with cents, a few quoted channels.
// `ids` picks the shape of the order ids, the thing distinct counting cares about:
//   rising      10000001, 10000003, ... (what most shop systems export)
//   shuffled    the same numbers in a scrambled order (ids from several tills merged)
//   padded      TM-000000001: prefixed and zero-padded to a fixed width
//   duplicated  30 % of orders reuse the id of an earlier order at random (re-exported orders)

import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { seededRandom } from '../../pipelines/turanmart_daily_sales/scripts/seeded_random.js';

const REGIONS = ['Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Aktobe', 'Pavlodar'];
const CHANNELS = ['web', 'mobile', 'store', '"web, promo"'];

export const ID_SHAPES = ['rising', 'shuffled', 'padded', 'duplicated'] as const;
export type IdShape = (typeof ID_SHAPES)[number];

export interface GenerateOptions {
  ds?: string;
  seed?: number;
  ids?: IdShape;
}

/** Writes `rows` order lines for `ds` to `file` (through a temporary name, so a cut run leaves nothing). */
export async function generateOrders(file: string, rows: number, options: GenerateOptions = {}): Promise<void> {
  const { ds = '2026-05-01', seed = 20260501, ids = 'rising' } = options;
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const random = seededRandom(seed);
  const nextId = idSource(ids, rows, random);
  let batch = 'order_id,order_date,customer_id,region,order_total,channel\n';
  let written = 0;
  while (written < rows) {
    const orderId = nextId();
    const region = REGIONS[Math.floor(random() * REGIONS.length)]!;
    const customer = `C${String(Math.floor(random() * 900_000) + 100_000)}`;
    const lines = Math.min(1 + Math.floor(random() * 4), rows - written);
    for (let l = 0; l < lines; l++) {
      const cents = Math.floor(random() * 5_000_000);
      const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const channel = CHANNELS[random() < 0.01 ? 3 : Math.floor(random() * 3)]!;
      batch += `${orderId},${ds},${customer},${region},${amount},${channel}\n`;
    }
    written += lines;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await rename(tmp, file);
}

/** The order id of each next order, in the chosen shape. */
function idSource(shape: IdShape, rows: number, random: () => number): () => string {
  let orderId = 10_000_000;
  let issued = 0;
  switch (shape) {
    case 'rising':
      return () => {
        orderId += 1 + Math.floor(random() * 3);
        return String(orderId);
      };
    case 'padded':
      return () => `TM-${String(++issued).padStart(9, '0')}`;
    case 'shuffled': {
      // i -> (a*i + b) mod m is a bijection on [0, m) when a and m are coprime: distinct ids, scrambled.
      const m = rows + 1;
      let a = 1_000_003;
      while (gcd(a, m) !== 1) a += 2;
      return () => String(10_000_000 + ((a * issued++ + 7919) % m));
    }
    case 'duplicated':
      return () => {
        if (issued > 0 && random() < 0.3) return String(10_000_001 + Math.floor(random() * issued));
        return String(10_000_001 + issued++);
      };
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
