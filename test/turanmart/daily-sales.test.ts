// The aggregation behind build_daily_sales_gold: exact cents, exact distinct
// orders, sorted groups, the same answer for any chunking, clear refusals.

import { describe, expect, it } from 'vitest';
import {
  aggregateDailySales,
  dailySalesPart,
  ESCAPED,
  formatCents,
  formatDailySalesCsv,
  mergeDailySales,
} from '../../pipelines/turanmart_daily_sales/tasks/daily_sales.js';
import { CsvDataError, csvReading } from '../../src/csv/reader.js';
import { referenceDailySales } from './reference.js';

const encoder = new TextEncoder();

/** The gold CSV for `csv` fed in chunks of `size` bytes. */
async function gold(csv: string, size = 1 << 16): Promise<string> {
  const bytes = encoder.encode(csv);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
  return formatDailySalesCsv(await aggregateDailySales(chunks, csvReading));
}

const HEADER = 'order_id,order_date,customer_id,region,order_total\n';

describe('aggregateDailySales', () => {
  it('sums many 0.10/0.20/0.70 amounts to the exact cent where floats drift', async () => {
    let csv = HEADER;
    let float = 0;
    for (let i = 0; i < 3000; i++) {
      const amount = ['0.10', '0.20', '0.70'][i % 3]!;
      float += Number(amount);
      csv += `${i},2026-05-01,C1,Almaty,${amount}\n`;
    }
    expect(float).not.toBe(1000); // the drift this guards against
    expect(await gold(csv)).toBe('order_date,region,order_count,revenue\n2026-05-01,Almaty,3000,1000.00\n');
  });

  it('counts distinct orders, not lines, whatever shape the ids have', async () => {
    const csv =
      HEADER +
      // consecutive lines of one order, the same order again later, prefixed ids,
      // leading zeros (a different id than 7), ids too long for a float, quoted ids.
      ['7', '7', '8', '7', 'TM-7', 'TM-7', 'TM-8', 'KASPI-7', '007', '07', '1234567890123456789', '1234567890123456788']
        .concat(['"A""1"', '"A""1"', '12345678901234567', 'X', 'X', ''])
        .map((id) => `${id},2026-05-01,C1,Almaty,1.00\n`)
        .join('');
    // 7, 8, TM-7, TM-8, KASPI-7, 007, 07, two long ids, A"1, 12345678901234567, X; the empty id is no order.
    expect(await gold(csv)).toBe('order_date,region,order_count,revenue\n2026-05-01,Almaty,12,18.00\n');
    expect(await gold(csv)).toBe(referenceDailySales(csv));
  });

  it('keeps orders of different groups apart and sorts by date, then region', async () => {
    const csv =
      HEADER +
      '1,2026-05-02,C1,Shymkent,1.00\n' +
      '2,2026-05-01,C1,Shymkent,2.00\n' +
      '3,2026-05-01,C1,Almaty,3.00\n' +
      '3,2026-05-01,C1,"Almaty, центр",4.00\n' +
      '4,2026-05-01,C1,Astana,5.5\n' +
      '5,2026-05-01,C1,Astana,-0.5\n';
    expect(await gold(csv)).toBe(
      'order_date,region,order_count,revenue\n' +
        '2026-05-01,Almaty,1,3.00\n' +
        '2026-05-01,"Almaty, центр",1,4.00\n' +
        '2026-05-01,Astana,2,5.00\n' +
        '2026-05-01,Shymkent,1,2.00\n' +
        '2026-05-02,Shymkent,1,1.00\n',
    );
  });

  it('finds its columns by header name, with extra columns anywhere', async () => {
    const csv =
      'note,region,order_total,channel,order_date,order_id\n' +
      '"gift, wrapped",Astana,"12.30",web,2026-05-01,1\n' +
      '"two\nlines",Astana,0.70,web,2026-05-01,2\r\n';
    expect(await gold(csv)).toBe('order_date,region,order_count,revenue\n2026-05-01,Astana,2,13.00\n');
  });

  it('stays exact past 2^53 cents', async () => {
    let csv = HEADER;
    for (let i = 0; i < 30; i++) csv += `${i},2026-05-01,C1,Almaty,9999999999999.99\n`;
    expect(await gold(csv)).toBe('order_date,region,order_count,revenue\n2026-05-01,Almaty,30,299999999999999.70\n');
  });

  it('gives the same bytes for any chunk size, equal to the simple reference', async () => {
    let seed = 99;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const regions = ['Almaty', 'Astana', '"Shymkent, south"', 'Karaganda'];
    const notes = ['', '"gift, wrapped"', '"line\nbreak"', '"said ""hi"""'];
    let csv = 'order_id,order_date,customer_id,region,order_total,note\r\n';
    for (let i = 0; i < 2000; i++) {
      const id = Math.floor(random() * 700);
      const cents = Math.floor(random() * 100000);
      const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const date = `2026-05-0${1 + Math.floor(random() * 2)}`;
      const region = regions[Math.floor(random() * regions.length)];
      csv += `${id},${date},C${i},${region},${amount},${notes[Math.floor(random() * notes.length)]}\r\n`;
    }
    const expected = referenceDailySales(csv);
    for (const size of [1, 7, 64, 4096, 1 << 20]) expect(await gold(csv, size), `chunks of ${size}`).toBe(expected);

    // Shares of the lines, each with the header, as two threads see them: merged, the same gold.
    const [header, ...lines] = csv.split('\r\n').filter((line) => line !== '');
    const share = (keep: (i: number) => boolean) =>
      encoder.encode(`${header}\r\n${lines.filter((_, i) => keep(i)).join('\r\n')}\r\n`);
    const parts = await Promise.all([
      dailySalesPart([share((i) => i % 3 === 0)], csvReading),
      dailySalesPart([share((i) => i % 3 !== 0)], csvReading),
    ]);
    expect(formatDailySalesCsv(mergeDailySales(structuredClone(parts)))).toBe(expected);
  });

  it('refuses a malformed amount, naming the line and the value', async () => {
    const csv = `${HEADER}1,2026-05-01,C1,Almaty,1.00\n2,2026-05-01,C1,"Almaty\nWest",2.00\n3,2026-05-01,C1,Almaty,"1,50"\n`;
    await expect(gold(csv)).rejects.toThrow(CsvDataError);
    await expect(gold(csv)).rejects.toMatchObject({
      line: 5,
      message: 'order_total "1,50" is not an amount with at most two decimals',
    });
    for (const bad of ['', '1.2.3', 'abc', '1.005', '12e3', ' 1.00', '-']) {
      await expect(gold(`${HEADER}1,2026-05-01,C1,Almaty,"${bad}"\n`), bad).rejects.toThrow(/is not an amount/);
    }
    expect(await gold(`${HEADER}1,2026-05-01,C1,Almaty,1.500\n`)).toContain('Almaty,1,1.50\n');
  });

  it('refuses a file without a required column, naming it', async () => {
    await expect(gold('order_id,order_date,customer_id,order_total\n1,2026-05-01,C1,1.00\n')).rejects.toThrow(
      'missing required column "region" (found: order_id, order_date, customer_id, order_total)',
    );
  });

  it('refuses a line with too few fields', async () => {
    await expect(gold(`${HEADER}1,2026-05-01,C1,Almaty,1.00\n2,2026-05-01\n`)).rejects.toMatchObject({
      line: 3,
      message: 'expected at least 5 fields, found 2',
    });
  });

  it('writes the header alone for a file without data lines', async () => {
    expect(await gold(HEADER)).toBe('order_date,region,order_count,revenue\n');
  });
});

it("names the reader's escaped-field flag by the value ctx.csv gives", () => {
  expect(ESCAPED).toBe(csvReading.FIELD_ESCAPED);
});

describe('formatCents', () => {
  it('writes two decimals and a sign', () => {
    expect([123456n, 5n, 0n, -5n, -100n].map(formatCents)).toEqual(['1234.56', '0.05', '0.00', '-0.05', '-1.00']);
  });
});
