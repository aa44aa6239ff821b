import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContractText } from './check-file.js';
import { describeChange, diffPipelines } from './diff.js';
import type { Pipeline } from './model.js';

const file = path.resolve(import.meta.dirname, '../../pipelines/turanmart_daily_sales/pipeline.yml');
const original = readFileSync(file, 'utf8');

function load(text: string): Pipeline {
  const result = checkContractText(file, text);
  if (!result.pipeline) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.pipeline;
}

describe('diffPipelines', () => {
  it('finds nothing between a contract and itself', () => {
    expect(diffPipelines(load(original), load(original))).toEqual({
      dagId: 'turanmart_daily_sales',
      status: 'unchanged',
      changes: [],
    });
  });

  it('reports the schedule, owner, retries and an output that a pull request changed', () => {
    const head = original
      .replace('schedule: "0 6 * * *"', 'schedule: "30 5 * * *"')
      .replace('owner: data-platform', 'owner: sales-analytics')
      .replace('  retries: 2\n', '  retries: 4\n')
      .replace(
        'daily_sales: gold/daily_sales/dt={{ ds }}/daily_sales.csv',
        'daily_sales: gold/v2/dt={{ ds }}/sales.csv',
      );
    const diff = diffPipelines(load(original), load(head));
    expect(diff.status).toBe('changed');
    expect(diff.changes).toContainEqual({ field: 'schedule', before: '0 6 * * *', after: '30 5 * * *' });
    expect(diff.changes).toContainEqual({ field: 'owner', before: 'data-platform', after: 'sales-analytics' });
    expect(diff.changes).toContainEqual({ field: 'defaults.retries', before: '2', after: '4' });
    // Tasks inheriting the default retries change with it; the one pinned to 0 does not.
    expect(diff.changes).toContainEqual({ field: 'tasks.ingest_orders_bronze.retries', before: '2', after: '4' });
    expect(diff.changes.some((c) => c.field === 'tasks.validate_bronze_orders.retries')).toBe(false);
    expect(diff.changes).toContainEqual({
      field: 'outputs.daily_sales',
      before: 'gold/daily_sales/dt={{ ds }}/daily_sales.csv',
      after: 'gold/v2/dt={{ ds }}/sales.csv',
    });
  });

  it('lists tasks added and removed with their kind, and rewired upstreams', () => {
    const head = original
      .replace(
        / {2}- id: write_quality_report\n {4}upstream: \[build_daily_sales_gold\]\n {4}trigger_rule: all_done\n {4}handler: tasks\/quality_metrics.ts#collectQualityMetrics\n/,
        '  - id: notify\n    upstream: [build_daily_sales_gold]\n    command: [echo, done]\n',
      )
      .replace('upstream: [validate_bronze_orders]', 'upstream: [ingest_orders_bronze]');
    const diff = diffPipelines(load(original), load(head));
    expect(diff.changes).toContainEqual({
      field: 'tasks.write_quality_report',
      before: 'handler tasks/quality_metrics.ts#collectQualityMetrics',
    });
    expect(diff.changes).toContainEqual({ field: 'tasks.notify', after: 'command echo done' });
    expect(diff.changes).toContainEqual({
      field: 'tasks.build_daily_sales_gold.upstream',
      before: 'validate_bronze_orders',
      after: 'ingest_orders_bronze',
    });
    expect(diff.changes.map(describeChange)).toContain('added: command echo done');
  });

  it('calls a contract new in the pull request added, and one deleted removed', () => {
    const p = load(original);
    expect(diffPipelines(undefined, p)).toEqual({ dagId: p.dagId, status: 'added', changes: [] });
    expect(diffPipelines(p, undefined)).toEqual({ dagId: p.dagId, status: 'removed', changes: [] });
  });
});
