import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../contract/model.js';
import { partitionForKey } from '../schedule/partitions.js';
import { checkFreshness, freshnessDeadline } from './freshness.js';

type Timing = Pick<Pipeline, 'partition' | 'timezone' | 'startDate' | 'endDate' | 'freshness'>;

const almaty: Timing = {
  partition: 'daily',
  timezone: 'Asia/Almaty',
  startDate: '2026-05-01',
  freshness: { deadline: '07:30' },
};

describe('checkFreshness', () => {
  it('judges the latest due partition against HH:MM on the day its interval ends', () => {
    const verdict = checkFreshness(almaty, new Date('2026-05-03T03:00:00Z'), [
      { partition: '2026-05-02', endedAt: '2026-05-03T01:05:00Z' }, // 06:05 local
    ]);
    expect(verdict).toEqual({
      partition: partitionForKey('daily', 'Asia/Almaty', '2026-05-02'),
      deadline: '2026-05-03T07:30:00.000+05:00',
      status: 'met',
      publishedAt: '2026-05-03T01:05:00.000Z',
    });
  });

  it('is a miss at the deadline with nothing published, and pending a minute before', () => {
    expect(checkFreshness(almaty, new Date('2026-05-03T02:30:00Z'), [])?.status).toBe('missed');
    expect(checkFreshness(almaty, new Date('2026-05-03T02:29:00Z'), [])?.status).toBe('pending');
  });

  it('is a miss when the only success ended after the deadline, or was for another partition', () => {
    const now = new Date('2026-05-03T05:00:00Z');
    expect(checkFreshness(almaty, now, [{ partition: '2026-05-02', endedAt: '2026-05-03T02:31:00Z' }])).toMatchObject({
      status: 'missed',
      publishedAt: '2026-05-03T02:31:00.000Z',
    });
    expect(checkFreshness(almaty, now, [{ partition: '2026-05-01', endedAt: '2026-05-02T01:00:00Z' }])?.status).toBe(
      'missed',
    );
  });

  it('says nothing for a contract without a deadline', () => {
    expect(checkFreshness({ ...almaty, freshness: undefined }, new Date('2026-05-03T05:00:00Z'), [])).toBeUndefined();
  });

  it('follows the offset change on a DST day (New York springs forward on 2026-03-08)', () => {
    const ny: Timing = { ...almaty, timezone: 'America/New_York', startDate: '2026-01-01' };
    // 2026-03-07 ends at midnight EST; its deadline is 07:30 EDT, 11:30 UTC, not 12:30.
    const before = checkFreshness(ny, new Date('2026-03-08T11:29:00Z'), []);
    expect(before).toMatchObject({ deadline: '2026-03-08T07:30:00.000-04:00', status: 'pending' });
    expect(before?.partition.key).toBe('2026-03-07');
    expect(checkFreshness(ny, new Date('2026-03-08T11:30:00Z'), [])?.status).toBe('missed');
  });

  it('moves a deadline inside the DST gap forward by the gap', () => {
    const partition = partitionForKey('daily', 'America/New_York', '2026-03-07');
    expect(freshnessDeadline(partition, 'America/New_York', '02:30').toISO()).toBe('2026-03-08T03:30:00.000-04:00');
  });

  it('gives hourly partitions the next HH:MM after their interval ends', () => {
    const partition = partitionForKey('hourly', 'Europe/Berlin', '2026-10-25T13');
    expect(freshnessDeadline(partition, 'Europe/Berlin', '07:30').toISO()).toBe('2026-10-26T07:30:00.000+01:00');
    expect(freshnessDeadline(partition, 'Europe/Berlin', '14:00').toISO()).toBe('2026-10-25T14:00:00.000+01:00');
  });
});
