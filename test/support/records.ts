// Run records for tests: the fields a test cares about, the rest empty.
import type { RunRecord } from '../../src/store/ledger.js';

export function runRecord(fields: Pick<RunRecord, 'partition' | 'state'> & Partial<RunRecord>): RunRecord {
  return {
    dagId: 'turanmart_daily_sales',
    runId: `schedule__${fields.partition}`,
    trigger: 'schedule',
    reason: 'scheduled tick',
    startedAt: '2026-05-20T06:00:00.000Z',
    dataIntervalStart: '',
    dataIntervalEnd: '',
    tasks: [],
    checks: [],
    metrics: {},
    inputs: [],
    outputs: [],
    ...fields,
  };
}
