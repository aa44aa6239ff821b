// Writes the sample product snapshots data/raw/product_snapshot/dt=<ds>/products.csv for
// 2026-05-01..03: every product's stock in every region at the end of the day, seeded so the
// files are the same on every machine. Stock levels are chosen so the regions land in
// different risk bands against the sample daily sales.
// Run: npm exec -- tsx pipelines/turanmart_region_inventory_risk/scripts/generate_sample.ts

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../turanmart_daily_sales/scripts/seeded_random.ts';

const pipelineDir = dirname(dirname(fileURLToPath(import.meta.url)));
const PRODUCTS = [
  ['P-1001', 'Basmati rice 5 kg', 'grocery', '8990.00'],
  ['P-1002', 'Sunflower oil 1 l', 'grocery', '1290.50'],
  ['P-2001', 'Kettle, steel', 'home', '14990.00'],
  ['P-2002', 'Towel set, cotton', 'home', '7450.90'],
  ['P-3001', 'Headphones, wired', 'electronics', '6990.00'],
  ['P-3002', 'Phone charger 20 W', 'electronics', '4590.99'],
] as const;
// Stock value per product (tenge) scales with a region's depth: Almaty is well stocked, Shymkent runs thin.
const DEPTH: Record<string, number> = { Almaty: 420_000, Astana: 130_000, Karaganda: 55_000, Shymkent: 22_000 };

for (const [day, ds] of ['2026-05-01', '2026-05-02', '2026-05-03'].entries()) {
  const random = seededRandom(2026_0501 + day);
  const lines = ['product_id,product_name,category,region,stock_units,unit_price'];
  for (const region of Object.keys(DEPTH)) {
    for (const [id, name, category, price] of PRODUCTS) {
      const units = Math.max(1, Math.round((DEPTH[region]! * (0.7 + random() * 0.6)) / Number(price)) - day * 2);
      // A product name with a comma is quoted, as the shop system exports it.
      lines.push([id, name.includes(',') ? `"${name}"` : name, category, region, String(units), price].join(','));
    }
  }
  const file = join(pipelineDir, 'data', 'raw', 'product_snapshot', `dt=${ds}`, 'products.csv');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
