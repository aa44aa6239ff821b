import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPipelineById } from '../contract/load.js';
import { toDot, toMermaid } from './render.js';

const pipelines = fileURLToPath(new URL('../../pipelines', import.meta.url));

describe('DAG rendering', () => {
  it('draws the TuranMart DAG as Mermaid, with task kinds and non-default trigger rules', async () => {
    const pipeline = await loadPipelineById(pipelines, 'turanmart_daily_sales');
    expect(toMermaid(pipeline, { states: { check_source_available: 'success', ingest_orders_bronze: 'failed' } })).toBe(
      [
        'flowchart LR',
        '  check_source_available(["check_source_available · sensor · success"])',
        '  ingest_orders_bronze["ingest_orders_bronze · handler · failed"]',
        '  validate_bronze_orders{{"validate_bronze_orders · checks"}}',
        '  build_daily_sales_gold["build_daily_sales_gold · handler"]',
        '  write_quality_report["write_quality_report · handler"]',
        '  check_source_available --> ingest_orders_bronze',
        '  ingest_orders_bronze --> validate_bronze_orders',
        '  validate_bronze_orders --> build_daily_sales_gold',
        '  build_daily_sales_gold -.->|all_done| write_quality_report',
        '  classDef success fill:#d4edda,stroke:#28a745',
        '  class check_source_available success',
        '  classDef failed fill:#f8d7da,stroke:#dc3545',
        '  class ingest_orders_bronze failed',
        '',
      ].join('\n'),
    );
  });

  it('draws the same DAG as Graphviz dot', async () => {
    const dot = toDot(await loadPipelineById(pipelines, 'turanmart_daily_sales'));
    expect(dot.startsWith('digraph "turanmart_daily_sales" {\n  rankdir=LR;\n')).toBe(true);
    expect(dot).toContain('  "check_source_available" [label="check_source_available\\nsensor", shape=ellipse];\n');
    expect(dot).toContain('  "build_daily_sales_gold" -> "write_quality_report" [style=dashed, label="all_done"];\n');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });
});
