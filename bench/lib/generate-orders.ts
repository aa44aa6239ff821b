// Deterministic bronze order lines for benchmarks: one daily partition, orders
// of 1-4 lines on consecutive rows, amounts with cents, a few quoted channels.

import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { seededRandom } from '../../pipelines/turanmart_daily_sales/scripts/seeded_random.js';

const REGIONS = ['Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Aktobe', 'Pavlodar'];
const CHANNELS = ['web', 'mobile', 'store', '"web, promo"'];

/** Writes `rows` order lines for `ds` to `file` (through a temporary name, so a cut run leaves nothing). */
export async function generateOrders(file: string, rows: number, ds = '2026-05-01', seed = 20260501): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const random = seededRandom(seed);
  let batch = 'order_id,order_date,customer_id,region,order_total,channel\n';
  let orderId = 10_000_000;
  let written = 0;
  while (written < rows) {
    orderId += 1 + Math.floor(random() * 3);
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
