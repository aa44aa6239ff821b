// A checks task on a dataset a task of the run writes is answered from the bytes as
// they were written: the same results as reading the committed file, from the attempt
// whose output counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckRule } from '../../src/contract/model.js';
import { silentLogger } from '../../src/log.js';
import { runChecks } from '../../src/quality/checks.js';
import { runPartition } from '../../src/run/partition.js';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { tempRoots } from '../support/temp.js';
import { handler, pipeline, task } from './support.js';

const tempRoot = tempRoots('pipewright-checks-on-write-');
const KEY = '2026-05-02';
const RAW = `raw/dt=${KEY}/orders.csv`;
const SALES = `gold/dt=${KEY}/sales.csv`;

const RULES: CheckRule[] = [
  { type: 'row_count', min: 1, max: 3, severity: 'warning' },
  { type: 'not_null', columns: ['order_id', 'order_total'], severity: 'warning' },
  { type: 'numeric', columns: ['order_total'], severity: 'warning' },
  { type: 'date_in_partition', column: 'order_date', severity: 'warning' },
  { type: 'unique', columns: ['order_id'], severity: 'warning' },
];

function checked() {
  return pipeline(
    [
      task('copy', handler('copyInPieces'), { policy: { retries: 1 } }),
      task('audit', { kind: 'checks', dataset: 'sales', rules: RULES }, { upstream: ['copy'] }),
    ],
    {
      inputs: { raw_orders: 'raw/dt={{ ds }}/orders.csv' },
      outputs: { sales: 'gold/dt={{ ds }}/sales.csv' },
    },
  );
}

async function runOn(root: string, raw: string) {
  mkdirSync(path.join(root, path.dirname(RAW)), { recursive: true });
  writeFileSync(path.join(root, RAW), raw);
  const p = checked();
  const { record } = await runPartition({
    pipeline: p,
    partition: KEY,
    dataRoot: root,
    trigger: 'manual',
    reason: 'test',
    ledger: new FsLedger(root),
    logger: silentLogger,
  });
  const partition = {
    key: KEY,
    dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
    dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
  };
  const fromFile = await runChecks(path.join(root, SALES), 'sales', RULES, { partition, timezone: p.timezone });
  return { record, fromFile };
}

const ORDERS = [
  'order_id,order_date,order_total,note',
  'A-1,2026-05-02,10.50,"a, quoted ""note"""',
  ',2026-05-01,x,"two',
  'lines"',
  'A-1,2026-05-02T23:00:00+05:00,NULL,',
  'A-4,2026-05-02,7,ok',
].join('\n');

describe('checks on a dataset the run writes', () => {
  it('give what reading the committed file gives, whatever pieces it was written in', async () => {
    const { record, fromFile } = await runOn(tempRoot(), `${ORDERS}\n`);
    expect(record.state).toBe('success');
    const audit = record.checks.filter((c) => c.taskId === 'audit').map(({ taskId: _, ...c }) => c);
    expect(audit).toEqual(fromFile);
    expect(audit.map((c) => c.status)).toEqual(['warned', 'warned', 'warned', 'warned', 'warned', 'warned']);
  });

  it('give what csv-parse reads from a file the byte reader leaves to it (a CRLF after LF lines)', async () => {
    const { record, fromFile } = await runOn(tempRoot(), `${ORDERS}\nA-5,2026-05-02,1,crlf\r\n`);
    const audit = record.checks.filter((c) => c.taskId === 'audit').map(({ taskId: _, ...c }) => c);
    expect(audit).toEqual(fromFile);
    expect(audit[0]?.details).toBe('5 rows, expected at least 1 and at most 3');
  });

  it('judge the bytes of the attempt that succeeded, not those a failed attempt committed', async () => {
    const root = tempRoot();
    writeFileSync(path.join(root, 'fail-after-commit'), '');
    const { record, fromFile } = await runOn(root, `${ORDERS}\n`);
    expect(record.tasks.find((t) => t.id === 'copy')).toMatchObject({ state: 'success', attempts: 2 });
    const audit = record.checks.filter((c) => c.taskId === 'audit').map(({ taskId: _, ...c }) => c);
    expect(audit).toEqual(fromFile);
    expect(audit[0]?.details).toBe('4 rows, expected at least 1 and at most 3');
  });
});
