import { describe, expect, it } from 'vitest';
import { fromJsonValue, SCHEMA_VERSION, toJsonText } from './json.js';

describe('the one JSON serializer', () => {
  it('writes snake_case keys with schema_version first and keeps metric names as given', () => {
    const text = toJsonText({ dagId: 'd', tasks: [{ durationMs: 3 }], metrics: { revenueTotal: 1, row_count: 2 } });
    expect(JSON.parse(text)).toEqual({
      schema_version: SCHEMA_VERSION,
      dag_id: 'd',
      tasks: [{ duration_ms: 3 }],
      metrics: { revenueTotal: 1, row_count: 2 },
    });
    expect(text.startsWith('{\n  "schema_version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads what it wrote, and camelCase files written before it, to the same object', () => {
    const record = { dagId: 'd', dataIntervalStart: 'x', sha256: 'ab', metrics: { row_count: 2 }, endedAt: undefined };
    const { endedAt: _, ...expected } = record;
    expect(fromJsonValue(JSON.parse(toJsonText(record)))).toEqual(expected);
    expect(fromJsonValue(JSON.parse(JSON.stringify(record)))).toEqual(expected);
  });
});
