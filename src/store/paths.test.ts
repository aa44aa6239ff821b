import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { partitionForKey } from '../schedule/partitions.js';
import {
  assertSafeSegment,
  renderTemplate,
  resolveDataRoot,
  resolveInside,
  resolvePartitionPaths,
  templateVars,
} from './paths.js';

const may2 = {
  key: '2026-05-02',
  dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
  dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
};
const pipeline = {
  dir: '/repo/pipelines/sales',
  inputs: { raw_orders: 'raw/orders/dt={{ ds }}/orders.csv' },
  outputs: { daily: 'gold/daily/dt={{ds_nodash}}/part-{{ partition }}.csv' },
};

describe('resolveDataRoot', () => {
  it('prefers the flag, then PIPEWRIGHT_DATA_ROOT, then the pipeline data folder', () => {
    expect(resolveDataRoot(pipeline, '/flag', { PIPEWRIGHT_DATA_ROOT: '/env' })).toBe('/flag');
    expect(resolveDataRoot(pipeline, undefined, { PIPEWRIGHT_DATA_ROOT: '/env' })).toBe('/env');
    expect(resolveDataRoot(pipeline, undefined, { PIPEWRIGHT_DATA_ROOT: '' })).toBe('/repo/pipelines/sales/data');
    expect(resolveDataRoot(pipeline, undefined, {})).toBe('/repo/pipelines/sales/data');
  });

  it("falls back to the contract's data_root: a folder relative to the pipeline, or a bucket kept as written", () => {
    const lake = { ...pipeline, dataRoot: 's3://turanmart-lake/daily' };
    expect(resolveDataRoot(lake, undefined, {})).toBe('s3://turanmart-lake/daily');
    expect(resolveDataRoot(lake, 'local', {}, '/work')).toBe('/work/local');
    expect(resolveDataRoot(pipeline, 's3://other/x', {}, '/work')).toBe('s3://other/x');
    expect(resolveDataRoot({ ...pipeline, dataRoot: '../shared' }, undefined, {})).toBe('/repo/pipelines/shared');
  });
});

describe('renderTemplate', () => {
  it('renders every partition variable, with or without spaces inside the braces', () => {
    const vars = { ...templateVars(may2), inputs: { raw: '/d/raw.csv' }, outputs: { out: '/d/out.csv' } };
    expect(
      renderTemplate(
        '{{ds}} {{ ds_nodash }} {{partition}} {{ data_interval_start }} {{data_interval_end}} {{ inputs.raw }} {{outputs.out}}',
        vars,
      ),
    ).toBe(
      '2026-05-02 20260502 2026-05-02 2026-05-02T00:00:00.000+05:00 2026-05-03T00:00:00.000+05:00 /d/raw.csv /d/out.csv',
    );
  });

  it('renders Hive layouts by the hour in the pipeline zone', () => {
    const hour = partitionForKey('hourly', 'Asia/Almaty', '2026-05-02T13');
    expect(renderTemplate('events/dt={{ ds }}/hour={{ hour }}/ts={{ ts_nodash }}', templateVars(hour))).toBe(
      'events/dt=2026-05-02/hour=13/ts=20260502T130000',
    );
  });

  it('names an unknown variable and the ones it could have meant', () => {
    expect(() => renderTemplate('dt={{ date }}', templateVars(may2))).toThrow(
      /unknown template variable '\{\{ date \}\}'.*known: ds, ds_nodash/,
    );
    expect(() => renderTemplate('{{ inputs.nope }}', { ...templateVars(may2), inputs: {} })).toThrow(UsageError);
  });
});

describe('resolvePartitionPaths', () => {
  it('resolves inputs and outputs to absolute paths under the data root', () => {
    expect(resolvePartitionPaths(pipeline, may2, '/data')).toEqual({
      inputs: { raw_orders: '/data/raw/orders/dt=2026-05-02/orders.csv' },
      outputs: { daily: '/data/gold/daily/dt=20260502/part-2026-05-02.csv' },
    });
  });

  it.each(['../2026-05-02', '2026/05/02', '2026\\05', '2026-05\0', '..'])('refuses the partition key %j', (key) => {
    expect(() => resolvePartitionPaths(pipeline, { ...may2, key }, '/data')).toThrow(UsageError);
    expect(() => resolvePartitionPaths(pipeline, { ...may2, key }, '/data')).toThrow(/escape the data root/);
  });

  it('refuses a contract path that climbs out of the root', () => {
    const sneaky = { ...pipeline, outputs: { out: '../../etc/{{ ds }}.csv' } };
    expect(() => resolvePartitionPaths(sneaky, may2, '/data')).toThrow(/outside the data root \/data/);
    const absolute = { ...pipeline, outputs: { out: '/tmp/{{ ds }}.csv' } };
    expect(() => resolvePartitionPaths(absolute, may2, '/data')).toThrow(UsageError);
  });
});

describe('resolveInside', () => {
  it('accepts paths inside the root, absolute or relative, and refuses the root itself and siblings', () => {
    expect(resolveInside('/data', 'a/b.csv')).toBe('/data/a/b.csv');
    expect(resolveInside('/data', '/data/a/../b.csv')).toBe('/data/b.csv');
    expect(() => resolveInside('/data', '.')).toThrow(UsageError);
    expect(() => resolveInside('/data', '/data-other/x.csv')).toThrow(UsageError);
    expect(() => resolveInside('/data', join('a', '..', '..', 'x'))).toThrow(UsageError);
  });

  it('refuses unsafe single segments such as run ids', () => {
    expect(() => assertSafeSegment('manual__20260502T060000Z__a1b2c3', 'run id')).not.toThrow();
    expect(() => assertSafeSegment('.hidden', 'run id')).toThrow(/starts with '.'/);
    expect(() => assertSafeSegment('', 'run id')).toThrow(/empty/);
  });
});
