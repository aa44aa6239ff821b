// A checks task on a big output, through the CLI as a user runs it: the bytes go to a
// worker thread while the handler writes them, and the report says what reading the
// file says. A big input's rows are counted as the run hashes it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckRule } from '../../src/contract/model.js';
import { runChecks } from '../../src/quality/checks.js';
import { pipewright } from '../support/cli.js';
import { tempDir } from './support.js';

const CONTRACT = `dag_id: big_dag
description: One big output and a checks task on it.
owner: tests
tags: [test]
schedule: "0 6 * * *"
timezone: Asia/Almaty
partition: daily
start_date: 2026-05-01
catchup: false
inputs:
  export: raw/dt={{ ds }}/export.csv
outputs:
  orders: bronze/dt={{ ds }}/orders.csv
  quality_report: quality/dt={{ ds }}/quality_report.json
tasks:
  - id: produce
    handler: tasks/produce.ts#produce
  - id: audit
    upstream: [produce]
    checks:
      dataset: orders
      rules:
        - row_count: { min: 1 }
        - numeric: [order_total]
        - date_in_partition: order_date
          severity: warning
`;

// 300,000 order lines (about 10 MB) in 64 KiB writes from one reused buffer; two bad lines near the end.
const HANDLER = `export async function produce(ctx) {
  const file = await ctx.open('orders');
  const buffer = new Uint8Array(1 << 16);
  const encoder = new TextEncoder();
  let text = 'order_id,order_date,order_total\\n';
  const flush = async () => {
    const { written } = encoder.encodeInto(text, buffer);
    await file.write(buffer.subarray(0, written));
    buffer.fill(0x2c);
    text = '';
  };
  for (let i = 1; i <= 300000; i++) {
    const date = i === 299990 ? '2026-05-03' : ctx.ds;
    const total = i === 299995 ? 'n/a' : String(i % 1000) + '.25';
    text += 'TM-' + String(i).padStart(9, '0') + ',' + date + 'T12:00:00,' + total + '\\n';
    if (text.length > 60000) await flush();
  }
  await flush();
  await file.commit();
}
`;

describe('checks on a big output, through the CLI', () => {
  it('report what reading the file reports, with the lines of the offending rows', () => {
    const cwd = tempDir('checks-cli');
    mkdirSync(path.join(cwd, 'pipelines/big_dag/tasks'), { recursive: true });
    writeFileSync(path.join(cwd, 'pipelines/big_dag/pipeline.yml'), CONTRACT);
    writeFileSync(path.join(cwd, 'pipelines/big_dag/tasks/produce.ts'), HANDLER);
    // A big input: its rows are counted while the run hashes it.
    const lines = ['id,"note"'];
    for (let i = 0; i < 400_000; i++) lines.push(i % 1000 === 0 ? `${i},"two\nlines"` : `${i},"plain, quoted"`);
    const exported = `${lines.join('\n')}\n\n`;
    mkdirSync(path.join(cwd, 'data/raw/dt=2026-05-02'), { recursive: true });
    writeFileSync(path.join(cwd, 'data/raw/dt=2026-05-02/export.csv'), exported);
    const r = pipewright(cwd, ['run', 'big_dag', '--date', '2026-05-02', '--data-root', 'data', '--reason', 'test']);
    expect(r.status, r.stderr + r.stdout).toBe(1);
    const report = JSON.parse(readFileSync(path.join(cwd, 'data/quality/dt=2026-05-02/quality_report.json'), 'utf8'));
    expect(report.inputs).toEqual([
      {
        path: 'raw/dt=2026-05-02/export.csv',
        rows: 400_000,
        bytes: Buffer.byteLength(exported),
        sha256: createHash('sha256').update(exported).digest('hex'),
      },
    ]);
    const found = report.checks.map((c: { name: string; status: string; details: string }) => [
      c.name,
      c.status,
      c.details,
    ]);
    expect(found).toEqual([
      ['row_count', 'passed', '300000 rows, expected at least 1'],
      ['numeric(order_total)', 'failed', '1 non-numeric value (first: line 299996, order_total=n/a)'],
      [
        'date_in_partition(order_date)',
        'warned',
        '1 row outside 2026-05-02 (first: line 299991, order_date=2026-05-03T12:00:00)',
      ],
    ]);
    return verifyAgainstFile(cwd, found);
  });
});

/** The staged file (the run failed, nothing was published) checked by reading it. */
async function verifyAgainstFile(cwd: string, found: string[][]): Promise<void> {
  const rules: CheckRule[] = [
    { type: 'row_count', min: 1, severity: 'error' },
    { type: 'numeric', columns: ['order_total'], severity: 'error' },
    { type: 'date_in_partition', column: 'order_date', severity: 'warning' },
  ];
  const staging = path.join(cwd, 'data/_pipewright/staging/big_dag/2026-05-02');
  const { readdirSync } = await import('node:fs');
  const [run] = readdirSync(staging);
  const file = path.join(staging, run as string, 'produce.1/bronze/dt=2026-05-02/orders.csv');
  const partition = {
    key: '2026-05-02',
    dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
    dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
  };
  const fromFile = await runChecks(file, 'orders', rules, { partition, timezone: 'Asia/Almaty' });
  expect(fromFile.map((c) => [c.name, c.status, c.details])).toEqual(found);
}
