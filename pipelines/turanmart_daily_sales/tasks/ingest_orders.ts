// ingest_orders_bronze: raw export -> bronze orders. The raw file is whatever
// the shop system exported (any column order, CRLF, padded values); bronze is
// the same rows normalized: values trimmed, LF line endings, the five contract
// columns first in a fixed order, any extra columns after them as they came.

import { createReadStream } from 'node:fs';
import { relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { TaskContext, TaskOutcome } from 'pipewright';
import { csvLine } from './csv_format.ts';

export const ORDER_COLUMNS = ['order_id', 'order_date', 'customer_id', 'region', 'order_total'] as const;

const BATCH_CHARS = 1 << 18;

export async function ingestOrdersBronze(ctx: TaskContext): Promise<TaskOutcome> {
  const source = required(ctx.inputs, 'raw_orders');
  const target = required(ctx.outputs, 'bronze_orders');
  const shown = relative(ctx.dataRoot, source);
  const file = await ctx.writer.open(target);
  let rows = 0;
  try {
    // pipeline() hands a read or parse error to the loop below; a bare pipe() would
    // emit it with no listener and take the whole process down.
    const parser = parse({ bom: true, trim: true, skip_empty_lines: true });
    pipeline(createReadStream(source, { signal: ctx.signal }), parser).catch(() => {});
    const records = parser as AsyncIterable<string[]>;
    let order: number[] | undefined;
    let batch = '';
    for await (const record of records) {
      if (order === undefined) {
        order = columnOrder(record, shown, ctx);
        batch = csvLine(order.map((i) => record[i]!));
        continue;
      }
      batch += csvLine(order.map((i) => normalize(record[i]!)));
      rows++;
      if (batch.length >= BATCH_CHARS) {
        await file.write(batch);
        batch = '';
      }
    }
    if (order === undefined) throw new ctx.errors.DataContractError(`${shown} is empty: no header row`);
    await file.write(batch);
    await file.commit();
  } catch (error) {
    await file.abort();
    if (error instanceof CsvError) throw new ctx.errors.DataContractError(`${shown}: ${error.message}`);
    throw error;
  }
  ctx.logger.info(`bronze: ${rows} order lines from ${shown}`);
  return { metrics: { row_count: rows } };
}

/** Positions of the contract columns, then of the extra ones; a missing or repeated column breaks the contract. */
function columnOrder(header: string[], shown: string, ctx: TaskContext): number[] {
  const found = header.map((name) => name.trim());
  const order: number[] = [];
  for (const column of ORDER_COLUMNS) {
    const index = found.indexOf(column);
    if (index < 0) {
      throw new ctx.errors.DataContractError(
        `${shown}:1: missing required column "${column}" (found: ${found.join(', ')}); ` +
          `the export must have ${ORDER_COLUMNS.join(', ')}`,
      );
    }
    if (found.indexOf(column, index + 1) >= 0) {
      throw new ctx.errors.DataContractError(`${shown}:1: column "${column}" appears twice`);
    }
    order.push(index);
  }
  found.forEach((_, index) => {
    if (!order.includes(index)) order.push(index);
  });
  return order;
}

/** Trimmed, with line breaks inside a value as LF: the same order gives the same bytes from any exporter. */
function normalize(value: string): string {
  return value.trim().replace(/\r\n?/g, '\n');
}

function required(paths: Record<string, string>, name: string): string {
  const path = paths[name];
  if (path === undefined) throw new Error(`the pipeline contract must declare "${name}" for this task`);
  return path;
}
