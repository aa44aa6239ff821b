// Writes the sample raw exports data/raw/orders/dt=<ds>/orders.csv for
// 2026-05-01..2026-05-04. Seeded, so running it again gives the same bytes.
// Each day exercises something an export does in real life:
//   05-01 plain LF export;   05-02 CRLF line endings and padded values;
//   05-03 columns in another order, with a UTF-8 BOM;   05-04 marketplace ids like KASPI-88231.
// All days: orders over several lines, notes with commas, quotes and a line
// break, and many 0.10 / 0.20 / 0.70 amounts whose float sum would drift.
// Run: npm exec -- tsx pipelines/turanmart_daily_sales/scripts/generate_sample.ts

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './seeded_random.ts';

const REGIONS = ['Almaty', 'Astana', 'Shymkent', 'Karaganda'];
const CHANNELS = ['web', 'mobile', 'store'];
const NOTES = [
  '',
  '',
  '',
  'gift, wrapped',
  'leave at the door',
  'call before delivery\nentrance from the yard',
  'customer said "fragile"',
  'ring twice, then knock',
];
const SMALL_AMOUNTS = ['0.10', '0.20', '0.70', '0.30'];

interface Day {
  ds: string;
  orders: number;
  crlf: boolean;
  padded: boolean;
  columns: string[];
  bom: boolean;
  idPrefix?: string;
}

const STANDARD = ['order_id', 'order_date', 'customer_id', 'region', 'order_total', 'channel', 'note'];
const DAYS: Day[] = [
  { ds: '2026-05-01', orders: 60, crlf: false, padded: false, columns: STANDARD, bom: false },
  { ds: '2026-05-02', orders: 75, crlf: true, padded: true, columns: STANDARD, bom: false },
  {
    ds: '2026-05-03',
    orders: 90,
    crlf: false,
    padded: false,
    columns: ['region', 'order_id', 'note', 'order_total', 'customer_id', 'channel', 'order_date'],
    bom: true,
  },
  { ds: '2026-05-04', orders: 70, crlf: false, padded: false, columns: STANDARD, bom: false, idPrefix: 'KASPI-' },
];

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function dayCsv(day: Day, dayIndex: number): string {
  const random = seededRandom(20260501 + dayIndex);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const eol = day.crlf ? '\r\n' : '\n';
  const pad = (value: string): string => (day.padded && random() < 0.3 ? ` ${value}  ` : value);
  const lines = [day.columns.join(',')];
  let orderId = 5_010_000 + dayIndex * 1000;
  for (let o = 0; o < day.orders; o++) {
    orderId += 1 + Math.floor(random() * 3);
    // Every fifth order on day 4 comes from the marketplace, with its own id scheme.
    const id = day.idPrefix && o % 5 === 0 ? `${day.idPrefix}${88_000 + o}` : String(orderId);
    const customer = `C${100_000 + Math.floor(random() * 900_000)}`;
    const region = pick(REGIONS);
    const channel = pick(CHANNELS);
    const lineCount = 1 + Math.floor(random() * 4);
    for (let l = 0; l < lineCount; l++) {
      const amount =
        random() < 0.6
          ? pick(SMALL_AMOUNTS)
          : `${Math.floor(random() * 25_000)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`;
      const values: Record<string, string> = {
        order_id: id,
        order_date: day.ds,
        customer_id: customer,
        region,
        order_total: amount,
        channel,
        // A CRLF exporter writes CRLF inside quoted values too.
        note: l === 0 ? pick(NOTES).replaceAll('\n', eol) : '',
      };
      lines.push(day.columns.map((column) => quote(pad(values[column]!))).join(','));
    }
  }
  return `${day.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

const pipelineDir = dirname(dirname(fileURLToPath(import.meta.url)));
DAYS.forEach((day, index) => {
  const file = join(pipelineDir, 'data', 'raw', 'orders', `dt=${day.ds}`, 'orders.csv');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, dayCsv(day, index));
  process.stdout.write(`wrote ${file}\n`);
});
