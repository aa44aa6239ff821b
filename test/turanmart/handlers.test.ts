// The TuranMart tasks run as the executor runs them: real contract, real
// partition paths under a temp data root, C1's atomic writer. Gold must match
// the committed expected files byte for byte.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { TaskContext } from 'pipewright';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDailySalesGold } from '../../pipelines/turanmart_daily_sales/tasks/build_daily_sales.js';
import { ingestOrdersBronze } from '../../pipelines/turanmart_daily_sales/tasks/ingest_orders.js';
import { collectQualityMetrics } from '../../pipelines/turanmart_daily_sales/tasks/quality_metrics.js';
import { loadPipelineById } from '../../src/contract/load.js';
import type { Pipeline } from '../../src/contract/model.js';
import { csvReading } from '../../src/csv/reader.js';
import { DataContractError, TransientError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { readInParts } from '../../src/run/read-in-parts.js';
import { directDatasets } from '../../src/run/staging.js';
import { partitionForKey } from '../../src/schedule/partitions.js';
import { createAtomicWriter } from '../../src/store/atomic.js';
import { FsObjectStore } from '../../src/store/fs-store.js';
import { resolvePartitionKeys, resolvePartitionPaths } from '../../src/store/paths.js';
import { referenceDailySales } from './reference.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pipelineDir = join(repo, 'pipelines', 'turanmart_daily_sales');
const SAMPLE_DAYS = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'];

let pipeline: Pipeline;
const roots: string[] = [];

beforeAll(async () => {
  pipeline = await loadPipelineById(join(repo, 'pipelines'), 'turanmart_daily_sales');
});
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A data root holding a copy of the sample raw exports. */
function sampleRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'pipewright-turanmart-'));
  roots.push(root);
  cpSync(join(pipelineDir, 'data', 'raw'), join(root, 'raw'), { recursive: true });
  return root;
}

function context(dataRoot: string, ds: string, taskId: string): TaskContext {
  const partition = partitionForKey(pipeline.partition, pipeline.timezone, ds);
  const { inputs, outputs } = resolvePartitionPaths(pipeline, partition, dataRoot);
  const datasets = directDatasets(new FsObjectStore(dataRoot), resolvePartitionKeys(pipeline, partition));
  return {
    read: datasets.read,
    write: datasets.write,
    open: datasets.open,
    exists: datasets.exists,
    where: datasets.where,
    readInParts: (name, work) =>
      readInParts((options) => datasets.read(name, options), work, [join(repo, 'pipelines')]),
    dagId: pipeline.dagId,
    taskId,
    runId: 'test-run',
    partition: partition.key,
    ds,
    dataInterval: { start: partition.dataIntervalStart, end: partition.dataIntervalEnd },
    attempt: 1,
    inputs,
    outputs,
    dataRoot,
    logger: silentLogger,
    signal: new AbortController().signal,
    writer: createAtomicWriter(dataRoot),
    csv: csvReading,
    errors: { TransientError, DataContractError },
  };
}

// Bronze as the csv-parse ingest wrote it before bronze was written from byte ranges.
const expectedBronze = (ds: string): string =>
  readFileSync(join(pipelineDir, 'expected', 'bronze', 'orders', `dt=${ds}`, 'orders.csv'), 'utf8');

const expectedGold = (ds: string): string =>
  readFileSync(join(pipelineDir, 'expected', 'gold', 'daily_sales', `dt=${ds}`, 'daily_sales.csv'), 'utf8');

describe('the sample days', () => {
  it('has a raw export and an expected gold file for every sample day', () => {
    expect(readdirSync(join(pipelineDir, 'data', 'raw', 'orders')).sort()).toEqual(SAMPLE_DAYS.map((d) => `dt=${d}`));
    for (const ds of SAMPLE_DAYS) expect(expectedGold(ds)).toMatch(/^order_date,region,order_count,revenue\n/);
  });

  it.each(SAMPLE_DAYS)('expected gold of %s agrees with a simple csv-parse + BigInt reference', (ds) => {
    const raw = readFileSync(join(pipelineDir, 'data', 'raw', 'orders', `dt=${ds}`, 'orders.csv'), 'utf8');
    expect(referenceDailySales(raw)).toBe(expectedGold(ds));
  });

  it.each(SAMPLE_DAYS)('ingest, build and quality metrics for %s reproduce the expected gold', async (ds) => {
    const root = sampleRoot();
    const ingest = await ingestOrdersBronze(context(root, ds, 'ingest_orders_bronze'));
    const build = await buildDailySalesGold(context(root, ds, 'build_daily_sales_gold'));
    const quality = await collectQualityMetrics(context(root, ds, 'write_quality_report'));

    const gold = readFileSync(join(root, 'gold', 'daily_sales', `dt=${ds}`, 'daily_sales.csv'), 'utf8');
    expect(gold).toBe(expectedGold(ds));

    const bronze = readFileSync(join(root, 'bronze', 'orders', `dt=${ds}`, 'orders.csv'), 'utf8');
    const records = parse(bronze) as string[][];
    // The contract's five first, then the extra columns in the order the export had them.
    const extras = ds === '2026-05-03' ? ['note', 'channel'] : ['channel', 'note'];
    expect(records[0]).toEqual(['order_id', 'order_date', 'customer_id', 'region', 'order_total', ...extras]);
    expect(bronze).not.toContain('\r');
    for (const record of records) for (const value of record) expect(value).toBe(value.trim());
    expect(bronze).toContain('"gift, wrapped"');
    expect(bronze).toContain('"call before delivery\nentrance from the yard"');

    const lines = gold.trim().split('\n').slice(1);
    const orders = lines.reduce((n, line) => n + Number(line.split(',')[2]), 0);
    expect(ingest.metrics?.row_count).toBeGreaterThan(100);
    expect(build.metrics).toEqual({ order_count: orders, revenue_total: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(quality.metrics).toEqual({
      gold_published: 'yes',
      gold_rows: lines.length,
      gold_regions: 4,
      gold_order_count: orders,
      gold_revenue_total: build.metrics?.revenue_total,
    });
  });

  it.each(SAMPLE_DAYS)('writes the same bronze for %s as the csv-parse ingest did', async (ds) => {
    const root = sampleRoot();
    await ingestOrdersBronze(context(root, ds, 'ingest_orders_bronze'));
    const bronze = readFileSync(join(root, 'bronze', 'orders', `dt=${ds}`, 'orders.csv'), 'utf8');
    expect(bronze).toBe(expectedBronze(ds));
  });

  it('writes byte-identical bronze and gold when a partition is run again', async () => {
    const root = sampleRoot();
    const ds = '2026-05-02';
    const files = [
      join(root, 'bronze', 'orders', `dt=${ds}`, 'orders.csv'),
      join(root, 'gold', 'daily_sales', `dt=${ds}`, 'daily_sales.csv'),
    ];
    await ingestOrdersBronze(context(root, ds, 'ingest_orders_bronze'));
    await buildDailySalesGold(context(root, ds, 'build_daily_sales_gold'));
    const first = files.map((f) => readFileSync(f));
    await ingestOrdersBronze(context(root, ds, 'ingest_orders_bronze'));
    await buildDailySalesGold(context(root, ds, 'build_daily_sales_gold'));
    expect(files.map((f) => readFileSync(f))).toEqual(first);
  });
});

/** Bronze as csv-parse reads the raw export: what ingest wrote before byte ranges, the rule for every file. */
function referenceBronze(raw: string): string {
  const records = parse(raw, { bom: true, trim: true, skip_empty_lines: true }) as string[][];
  const header = records[0]!.map((name) => name.trim());
  const contract = ['order_id', 'order_date', 'customer_id', 'region', 'order_total'];
  const order = [...contract.map((c) => header.indexOf(c))];
  header.forEach((_, i) => {
    if (!order.includes(i)) order.push(i);
  });
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const line = (values: string[]) => `${values.map(field).join(',')}\n`;
  return (
    line(order.map((i) => records[0]![i]!)) +
    records
      .slice(1)
      .map((r) => line(order.map((i) => r[i]!.trim().replace(/\r\n?/g, '\n'))))
      .join('')
  );
}

describe('bronze from byte ranges', () => {
  const HEADER = 'order_id,order_date,customer_id,region,order_total,note';
  // What the fast path copies, rewrites field by field, or leaves to csv-parse.
  const RAW: Record<string, string> = {
    clean: `${HEADER}\n1,2026-05-01,C1,Almaty,1.00,\n2,2026-05-01,C2,Astana,2.00,x\n`,
    reordered: 'region,order_total,note,order_id,customer_id,order_date\nAlmaty,1.00,,1,C1,2026-05-01\n',
    padded: `${HEADER}\n 1 ,2026-05-01,\tC1,Almaty\u00a0,1.00,"  a, b  "\n`,
    crlf: `${HEADER}\r\n1,2026-05-01,C1,Almaty,1.00,"x\r\ny"\r\n\r\n2,2026-05-01,C2,Astana,2.00,\r\n`,
    'empty lines and no final break': `${HEADER}\n\n1,2026-05-01,C1,Almaty,1.00,\n\n2,2026-05-01,C2,Astana,2.00,z`,
    'quoted values that need no quotes': `${HEADER}\n"1","2026-05-01","C1","Almaty","1.00",""\n`,
    'doubled quotes': `${HEADER}\n1,2026-05-01,C1,Almaty,1.00,"say ""hi"""\n`,
    'mixed line endings': `${HEADER}\r\n1,2026-05-01,C1,Almaty,1.00,\n2,2026-05-01,C2,Astana,2.00,\r\n`,
    'bare CR': `${HEADER}\n1,2026-05-01,C1,Alm\raty,1.00,\n`,
    'space around a quoted value': `${HEADER}\n1,2026-05-01,C1, "Almaty" ,1.00,\n`,
    'padded header': ` order_id , order_date,customer_id,region,order_total,note\n1,2026-05-01,C1,Almaty,1.00,\n`,
    'empty line before the header': `\n${HEADER}\n1,2026-05-01,C1,Almaty,1.00,\n`,
    'non-ASCII values': `${HEADER}\n1,2026-05-01,C1,Алматы,1.00,подарок\n`,
  };

  it.each(Object.keys(RAW))('writes what csv-parse reads for %s (or refuses what it refuses)', async (name) => {
    const root = sampleRoot();
    const ctx = context(root, '2026-05-01', 'ingest_orders_bronze');
    writeFileSync(ctx.inputs.raw_orders!, RAW[name]!);
    let expected: string;
    try {
      expected = referenceBronze(RAW[name]!);
    } catch (error) {
      await expect(ingestOrdersBronze(ctx)).rejects.toThrow(`orders.csv: ${(error as Error).message}`);
      return;
    }
    await ingestOrdersBronze(ctx);
    expect(readFileSync(ctx.outputs.bronze_orders!, 'utf8')).toBe(expected);
  });

  it('reads bytes that are not UTF-8 as csv-parse does', async () => {
    const root = sampleRoot();
    const ctx = context(root, '2026-05-01', 'ingest_orders_bronze');
    const raw = Buffer.concat([
      Buffer.from(`${HEADER}\n1,2026-05-01,C1,Alm`),
      Buffer.of(0xff),
      Buffer.from(',1.00,\n'),
    ]);
    writeFileSync(ctx.inputs.raw_orders!, raw);
    await ingestOrdersBronze(ctx);
    expect(readFileSync(ctx.outputs.bronze_orders!, 'utf8')).toBe(referenceBronze(raw.toString('utf8')));
  });

  it('matches the samples read by csv-parse (the rule the expected files were made by)', () => {
    for (const ds of SAMPLE_DAYS) {
      const raw = readFileSync(join(pipelineDir, 'data', 'raw', 'orders', `dt=${ds}`, 'orders.csv'), 'utf8');
      expect(referenceBronze(raw)).toBe(expectedBronze(ds));
    }
  });
});

describe('contract failures', () => {
  it('ingest refuses a raw export without a required column and publishes nothing', async () => {
    const root = sampleRoot();
    const raw = join(root, 'raw', 'orders', 'dt=2026-05-01', 'orders.csv');
    writeFileSync(raw, 'order_id,order_date,customer_id,order_total\n1,2026-05-01,C1,1.00\n');
    const run = ingestOrdersBronze(context(root, '2026-05-01', 'ingest_orders_bronze'));
    await expect(run).rejects.toThrow(DataContractError);
    await expect(run).rejects.toThrow(
      'raw/orders/dt=2026-05-01/orders.csv:1: missing required column "region" (found: order_id, order_date, customer_id, order_total)',
    );
    const bronzeDir = join(root, 'bronze', 'orders', 'dt=2026-05-01');
    expect(existsSync(bronzeDir) ? readdirSync(bronzeDir) : []).toEqual([]);
  });

  it('ingest refuses a broken CSV as a data error, keeping the previous bronze file', async () => {
    const root = sampleRoot();
    const ctx = context(root, '2026-05-01', 'ingest_orders_bronze');
    await ingestOrdersBronze(ctx);
    const before = readFileSync(ctx.outputs.bronze_orders!);
    writeFileSync(ctx.inputs.raw_orders!, `${readFileSync(ctx.inputs.raw_orders!, 'utf8')}1,2026-05-01,C1\n`);
    await expect(ingestOrdersBronze(ctx)).rejects.toThrow(
      /orders\.csv: Invalid Record Length: expect 7, got 3 on line \d+/,
    );
    expect(readFileSync(ctx.outputs.bronze_orders!)).toEqual(before);
    expect(readdirSync(dirname(ctx.outputs.bronze_orders!))).toEqual(['orders.csv']);
  });

  it('build refuses a malformed amount as a data error located at its line, publishing no gold', async () => {
    const root = sampleRoot();
    const ctx = context(root, '2026-05-01', 'build_daily_sales_gold');
    await ingestOrdersBronze(ctx);
    const bronze = readFileSync(ctx.outputs.bronze_orders!, 'utf8').split('\n');
    bronze[3] = bronze[3]!.replace(/,(\d+\.\d\d|0\.\d0),/, ',12.3x,');
    writeFileSync(ctx.outputs.bronze_orders!, bronze.join('\n'));
    const run = buildDailySalesGold(ctx);
    await expect(run).rejects.toThrow(DataContractError);
    await expect(run).rejects.toThrow('bronze/orders/dt=2026-05-01/orders.csv:4: order_total "12.3x" is not an amount');
    expect(existsSync(ctx.outputs.daily_sales!)).toBe(false);
  });

  it('quality metrics say the gold file is missing instead of failing', async () => {
    const root = sampleRoot();
    const outcome = await collectQualityMetrics(context(root, '2026-05-03', 'write_quality_report'));
    expect(outcome.metrics).toEqual({ gold_published: 'no', gold_rows: 0 });
  });
});
