import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckRule } from '../contract/model.js';
import { checkWithCsvParse, runChecks } from './checks.js';

const dir = mkdtempSync(join(tmpdir(), 'pipewright-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx = {
  partition: {
    key: '2026-05-02',
    dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
    dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
  },
  timezone: 'Asia/Almaty',
};

let n = 0;
function csv(text: string): string {
  const file = join(dir, `f${n++}.csv`);
  writeFileSync(file, text);
  return file;
}

const GOOD = csv(
  [
    'order_id,order_date,customer_id,region,order_total',
    'A-1,2026-05-02,c1,north,10.50',
    'A-2,2026-05-02T23:59:59+05:00,c2,south,7',
    'A-3,2026-05-02 08:00:00,c3,"north",-3e2',
  ].join('\n'),
);

// Line numbers: header is line 1; the quoted note spans lines 3-4, so the next record is line 5.
const BAD = csv(
  [
    'order_id,order_date,region,order_total,note',
    'A-1,2026-05-02,north,10,ok',
    'A-2,2026-05-01,south,,"two',
    'lines"',
    ',2026-05-03,mars,12.50,ok',
    'A-1,NULL,north,"12,50",ok',
    '',
    'A-6,2026-05-02T19:30:00Z,north,1,ok',
  ].join('\r\n'),
);

const rule = <T extends CheckRule['type']>(r: Extract<CheckRule, { type: T }>) => r;
const E = 'error' as const;

describe('runChecks on a clean file', () => {
  it('passes every rule with details that say what was checked', async () => {
    const results = await runChecks(
      GOOD,
      'bronze_orders',
      [
        rule({ type: 'required_columns', columns: ['order_id', 'order_date', 'region'], severity: E }),
        rule({ type: 'row_count', min: 1, max: 10, severity: E }),
        rule({ type: 'not_null', columns: ['order_id', 'order_total'], severity: E }),
        rule({ type: 'unique', columns: ['order_id'], severity: E }),
        rule({ type: 'accepted_values', column: 'region', values: ['north', 'south'], severity: E }),
        rule({ type: 'date_in_partition', column: 'order_date', severity: E }),
        rule({ type: 'numeric', columns: ['order_total'], severity: E }),
      ],
      ctx,
    );
    expect(results.map((r) => [r.name, r.status, r.details])).toEqual([
      ['required_columns', 'passed', 'all 3 required columns present'],
      ['row_count', 'passed', '3 rows, expected at least 1 and at most 10'],
      ['not_null(order_id)', 'passed', 'no empty values among 3 rows'],
      ['not_null(order_total)', 'passed', 'no empty values among 3 rows'],
      ['unique(order_id)', 'passed', 'all 3 rows unique'],
      ['accepted_values(region)', 'passed', 'no rows with other values among 3 rows'],
      ['date_in_partition(order_date)', 'passed', 'no rows outside 2026-05-02 among 3 rows'],
      ['numeric(order_total)', 'passed', 'no non-numeric values among 3 rows'],
    ]);
    expect(results.every((r) => r.dataset === 'bronze_orders' && r.severity === 'error')).toBe(true);
  });
});

describe('runChecks on a broken file', () => {
  async function one(r: CheckRule) {
    return runChecks(BAD, 'bronze_orders', [r], ctx);
  }

  it('required_columns names the missing columns and what the header holds', async () => {
    const [res] = await one(
      rule({ type: 'required_columns', columns: ['order_id', 'customer_id', 'vat'], severity: E }),
    );
    expect(res).toMatchObject({ name: 'required_columns', status: 'failed' });
    expect(res!.details).toBe(
      'missing columns: customer_id, vat (header: order_id, order_date, region, order_total, note)',
    );
  });

  it('row_count counts records, not lines, and states the bound broken', async () => {
    expect((await one(rule({ type: 'row_count', min: 10, severity: E })))[0]).toMatchObject({
      status: 'failed',
      details: '5 rows, expected at least 10',
    });
    expect((await one(rule({ type: 'row_count', max: 4, severity: E })))[0]!.details).toBe(
      '5 rows, expected at most 4',
    );
  });

  it('not_null counts empty and NULL values and lists the first lines', async () => {
    const res = await one(rule({ type: 'not_null', columns: ['order_id', 'order_total', 'order_date'], severity: E }));
    expect(res.map((r) => [r.name, r.status, r.details])).toEqual([
      ['not_null(order_id)', 'failed', '1 empty value (first: line 5)'],
      ['not_null(order_total)', 'failed', '1 empty value (first: line 3)'],
      ['not_null(order_date)', 'failed', '1 empty value (first: line 6)'],
    ]);
  });

  it('unique reports the duplicate count and the first clash', async () => {
    const [res] = await one(rule({ type: 'unique', columns: ['order_id'], severity: E }));
    expect(res).toMatchObject({
      name: 'unique(order_id)',
      status: 'failed',
      details: '1 duplicate row (first: line 6, order_id=A-1 already on line 2)',
    });
    const [pair] = await one(rule({ type: 'unique', columns: ['order_id', 'order_total'], severity: E }));
    expect(pair).toMatchObject({ name: 'unique(order_id, order_total)', status: 'passed' });
  });

  it('accepted_values shows the first other value and the accepted list', async () => {
    const [res] = await one(
      rule({ type: 'accepted_values', column: 'region', values: ['north', 'south'], severity: E }),
    );
    expect(res!.details).toBe('1 row with another value (first: line 5, region=mars); accepted: north, south');
  });

  it('date_in_partition reads dates and instants in the zone and names the first offender', async () => {
    const [res] = await one(rule({ type: 'date_in_partition', column: 'order_date', severity: E }));
    // 2026-05-01, 2026-05-03, NULL and 19:30Z (= 00:30 on the 3rd in Almaty) are outside.
    expect(res).toMatchObject({
      name: 'date_in_partition(order_date)',
      status: 'failed',
      details: '4 rows outside 2026-05-02 (first: line 3, order_date=2026-05-01)',
    });
  });

  it('numeric refuses empty values and decimal commas', async () => {
    const [res] = await one(rule({ type: 'numeric', columns: ['order_total'], severity: E }));
    expect(res!.details).toBe('2 non-numeric values (first: line 3, order_total=(empty))');
  });

  it('a rule over a column the file lacks fails and says so', async () => {
    const [res] = await one(rule({ type: 'not_null', columns: ['customer_id'], severity: E }));
    expect(res).toMatchObject({ name: 'not_null(customer_id)', status: 'failed' });
    expect(res!.details).toMatch(/^column customer_id is not in the file \(header: order_id,/);
  });

  it('a failing warning-severity rule is warned, not failed', async () => {
    const [res] = await one(rule({ type: 'row_count', min: 10, severity: 'warning' }));
    expect(res).toMatchObject({ status: 'warned', severity: 'warning' });
  });
});

describe('runChecks on files it cannot read', () => {
  it('a missing file gives one failed check naming the path', async () => {
    const missing = join(dir, 'nope.csv');
    const results = await runChecks(
      missing,
      'raw',
      [rule({ type: 'row_count', min: 1, severity: E }), rule({ type: 'not_null', columns: ['a'], severity: E })],
      ctx,
    );
    expect(results).toEqual([
      { name: 'exists', dataset: 'raw', status: 'failed', severity: 'error', details: `file not found: ${missing}` },
    ]);
  });

  it('an unclosed quote gives one failed check with the parser message', async () => {
    const results = await runChecks(csv('a,b\n1,"open\n2,3\n'), 'raw', [rule({ type: 'row_count', severity: E })], ctx);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ name: 'readable', status: 'failed' });
    expect(results[0]!.details).toMatch(/cannot parse .* as CSV: Quote Not Closed/);
  });

  it('an empty file has no header and no rows', async () => {
    const results = await runChecks(
      csv(''),
      'raw',
      [
        rule({ type: 'required_columns', columns: ['a'], severity: E }),
        rule({ type: 'row_count', min: 1, severity: E }),
      ],
      ctx,
    );
    expect(results.map((r) => r.details)).toEqual([
      'missing column: a (the file has no header row)',
      '0 rows, expected at least 1',
    ]);
  });
});

describe('date_in_partition for other grains', () => {
  it('an hourly partition takes instants in its hour and the date that contains it', async () => {
    const hour = {
      partition: {
        key: '2026-05-02T13',
        dataIntervalStart: '2026-05-02T13:00:00.000+05:00',
        dataIntervalEnd: '2026-05-02T14:00:00.000+05:00',
      },
      timezone: 'Asia/Almaty',
    };
    const file = csv('ts\n2026-05-02T13:00:00\n2026-05-02T08:59:59Z\n2026-05-02\n2026-05-02T14:00:00\n');
    const [res] = await runChecks(
      file,
      'events',
      [rule({ type: 'date_in_partition', column: 'ts', severity: E })],
      hour,
    );
    expect(res!.details).toBe('1 row outside 2026-05-02T13 (first: line 5, ts=2026-05-02T14:00:00)');
  });
});

describe('the byte reader and csv-parse give the same results', () => {
  const all: CheckRule[] = [
    rule({ type: 'required_columns', columns: ['order_id', 'order_date', 'region', 'order_total'], severity: E }),
    rule({ type: 'row_count', min: 1, max: 100, severity: E }),
    rule({ type: 'not_null', columns: ['order_id', 'order_total', 'region', 'note'], severity: E }),
    rule({ type: 'numeric', columns: ['order_total', 'order_id'], severity: E }),
    rule({ type: 'date_in_partition', column: 'order_date', severity: E }),
    rule({ type: 'accepted_values', column: 'region', values: ['Almaty', 'Astana', 'north'], severity: 'warning' }),
    rule({ type: 'unique', columns: ['order_id', 'order_total'], severity: 'warning' }),
  ];
  const samples = fileURLToPath(new URL('../../pipelines/turanmart_daily_sales/data/raw/orders', import.meta.url));
  const files: Record<string, string> = {
    bad: BAD,
    good: GOOD,
    ...Object.fromEntries(
      readdirSync(samples).map((day) => [`sample ${day}`, csv(readFileSync(join(samples, day, 'orders.csv'), 'utf8'))]),
    ),
    padded: csv(
      'order_id,order_date,region,order_total,note\n 1 ,2026-05-02, north ,\t1.5 ,\u00a0\n2,2026-05-02,null,x,\n',
    ),
    quoted: csv(
      'order_id,order_date,region,order_total,note\n"1","2026-05-02","north","1.5",""\n"2","2026-05-02","no""rth","1e3"\n',
    ),
    'short and long records': csv('order_id,order_date,region,order_total\n1\n2,2026-05-02,north,1,extra,more\n,,,\n'),
    'NULL in any case': csv('order_id,order_date,region,order_total\nNULL,2026-05-02,nUlL,.5\n1,2026-05-02,NULLS,5.\n'),
    'mixed line endings': csv(
      'order_id,order_date,region,order_total\r\n1,2026-05-02,north,1\n2,2026-05-02,north,2\r\n',
    ),
    'stray quote': csv('order_id,order_date,region,order_total\n1,2026-05-02,no"rth,1\n'),
    'unclosed quote': csv('order_id,order_date,region,order_total\n1,2026-05-02,"north,1\n'),
    'header only': csv('order_id,order_date,region,order_total\n'),
    empty: csv(''),
  };

  it.each(Object.keys(files))('%s', async (name) => {
    const file = files[name]!;
    expect(await runChecks(file, 'd', all, ctx)).toEqual(await checkWithCsvParse(file, 'd', all, ctx));
  });

  it('reads bytes that are not UTF-8 as csv-parse does', async () => {
    const file = join(dir, `f${n++}.csv`);
    writeFileSync(file, Buffer.concat([Buffer.from('order_id,region\n1,'), Buffer.of(0xff), Buffer.from('\n')]));
    const rules: CheckRule[] = [rule({ type: 'accepted_values', column: 'region', values: ['x'], severity: E })];
    const results = await runChecks(file, 'd', rules, ctx);
    expect(results).toEqual(await checkWithCsvParse(file, 'd', rules, ctx));
    expect(results[0]!.details).toContain('region=\ufffd');
  });
});

describe('a file left to csv-parse', () => {
  it('is read whole past the first megabyte (csv-parse keeps parts of one chunk while it reads the next)', async () => {
    // A CRLF after LF lines sends the file to csv-parse; the records before it span many reads.
    const lines = ['id,total'];
    for (let i = 0; i < 120_000; i++) lines.push(`${i},"${i % 100}.25"`);
    const file = csv(`${lines.join('\n')}\nlast,x7\r\n`);
    const rules = [
      rule({ type: 'row_count', min: 1, severity: E }),
      rule({ type: 'numeric', columns: ['total'], severity: E }),
      rule({ type: 'unique', columns: ['id'], severity: E }),
    ];
    const results = await runChecks(file, 'raw', rules, ctx);
    expect(results.map((r) => r.details)).toEqual([
      '120001 rows, expected at least 1',
      '1 non-numeric value (first: line 120002, total=x7\r)',
      'all 120001 rows unique',
    ]);
  });
});
