import { describe, expect, it } from 'vitest';
import { DateTime } from '../luxon.js';
import {
  dsOf,
  isDue,
  nextPartition,
  partitionContaining,
  partitionForKey,
  partitionRange,
  previousPartition,
} from './partitions.js';

const NY = 'America/New_York';
const hours = (p: { dataIntervalStart: string; dataIntervalEnd: string }) =>
  (Date.parse(p.dataIntervalEnd) - Date.parse(p.dataIntervalStart)) / 3_600_000;

describe('daily partitions', () => {
  it('are local calendar days with the zone offset', () => {
    expect(partitionForKey('daily', 'Asia/Almaty', '2026-05-02')).toEqual({
      key: '2026-05-02',
      dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
      dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
    });
  });

  it('print UTC as +00:00, never Z', () => {
    expect(partitionForKey('daily', 'UTC', '2026-05-02').dataIntervalStart).toBe('2026-05-02T00:00:00.000+00:00');
  });

  it('are 23 hours on the New York spring-forward day and 25 on the fall-back day', () => {
    const spring = partitionForKey('daily', NY, '2026-03-08');
    expect(spring.dataIntervalStart).toBe('2026-03-08T00:00:00.000-05:00');
    expect(spring.dataIntervalEnd).toBe('2026-03-09T00:00:00.000-04:00');
    expect(hours(spring)).toBe(23);
    const fall = partitionForKey('daily', NY, '2026-11-01');
    expect(fall.dataIntervalEnd).toBe('2026-11-02T00:00:00.000-05:00');
    expect(hours(fall)).toBe(25);
    expect(hours(partitionForKey('daily', NY, '2026-11-02'))).toBe(24);
  });

  it('start at the first instant of a day whose midnight the clocks skip (Santiago)', () => {
    const range = partitionRange('daily', 'America/Santiago', '2026-09-05', '2026-09-07');
    expect(range.map((p) => [p.dataIntervalStart, p.dataIntervalEnd])).toEqual([
      ['2026-09-05T00:00:00.000-04:00', '2026-09-06T01:00:00.000-03:00'],
      ['2026-09-06T01:00:00.000-03:00', '2026-09-07T00:00:00.000-03:00'],
      ['2026-09-07T00:00:00.000-03:00', '2026-09-08T00:00:00.000-03:00'],
    ]);
    expect(partitionContaining('daily', 'America/Santiago', new Date('2026-09-06T04:30:00Z')).key).toBe('2026-09-06');
  });

  it('contain instants by local date, not UTC date', () => {
    // 20:00 UTC on May 1 is already May 2 in Almaty.
    expect(partitionContaining('daily', 'Asia/Almaty', new Date('2026-05-01T20:00:00Z')).key).toBe('2026-05-02');
    expect(partitionContaining('daily', NY, new Date('2026-05-02T03:00:00Z')).key).toBe('2026-05-01');
  });

  it('range inclusively over a month boundary', () => {
    expect(partitionRange('daily', 'Asia/Almaty', '2026-04-29', '2026-05-02').map((p) => p.key)).toEqual([
      '2026-04-29',
      '2026-04-30',
      '2026-05-01',
      '2026-05-02',
    ]);
  });
});

describe('hourly partitions across New York DST changes', () => {
  it('skip the hour the clocks skip: the spring-forward day has 23', () => {
    const keys = partitionRange('hourly', NY, '2026-03-08T00', '2026-03-08T04').map((p) => p.key);
    expect(keys).toEqual(['2026-03-08T00', '2026-03-08T01', '2026-03-08T03', '2026-03-08T04']);
    const day = partitionRange('hourly', NY, '2026-03-08T00', '2026-03-08T23');
    expect(day).toHaveLength(23);
    expect(day.every((p) => hours(p) === 1)).toBe(true);
  });

  it('key the repeated fall-back hour uniquely: the second one carries its offset', () => {
    const range = partitionRange('hourly', NY, '2026-11-01T00', '2026-11-01T03');
    expect(range).toEqual([
      {
        key: '2026-11-01T00',
        dataIntervalStart: '2026-11-01T00:00:00.000-04:00',
        dataIntervalEnd: '2026-11-01T01:00:00.000-04:00',
      },
      {
        key: '2026-11-01T01',
        dataIntervalStart: '2026-11-01T01:00:00.000-04:00',
        dataIntervalEnd: '2026-11-01T01:00:00.000-05:00',
      },
      {
        key: '2026-11-01T01-0500',
        dataIntervalStart: '2026-11-01T01:00:00.000-05:00',
        dataIntervalEnd: '2026-11-01T02:00:00.000-05:00',
      },
      {
        key: '2026-11-01T02',
        dataIntervalStart: '2026-11-01T02:00:00.000-05:00',
        dataIntervalEnd: '2026-11-01T03:00:00.000-05:00',
      },
      {
        key: '2026-11-01T03',
        dataIntervalStart: '2026-11-01T03:00:00.000-05:00',
        dataIntervalEnd: '2026-11-01T04:00:00.000-05:00',
      },
    ]);
    const day = partitionRange('hourly', NY, '2026-11-01T00', '2026-11-01T23');
    expect(day).toHaveLength(25);
    expect(new Set(day.map((p) => p.key)).size).toBe(25);
    // Keys sort in time order, so listings and ledger folders stay chronological.
    expect([...day.map((p) => p.key)].sort()).toEqual(day.map((p) => p.key));
  });

  it('round-trip both repeated-hour keys and the instants inside them', () => {
    expect(partitionForKey('hourly', NY, '2026-11-01T01').dataIntervalStart).toBe('2026-11-01T01:00:00.000-04:00');
    expect(partitionForKey('hourly', NY, '2026-11-01T01-0500').dataIntervalStart).toBe('2026-11-01T01:00:00.000-05:00');
    expect(partitionContaining('hourly', NY, new Date('2026-11-01T05:30:00Z')).key).toBe('2026-11-01T01');
    expect(partitionContaining('hourly', NY, new Date('2026-11-01T06:30:00Z')).key).toBe('2026-11-01T01-0500');
    const first = partitionForKey('hourly', NY, '2026-11-01T01');
    expect(nextPartition('hourly', NY, first).key).toBe('2026-11-01T01-0500');
    expect(previousPartition('hourly', NY, partitionForKey('hourly', NY, '2026-11-01T02')).key).toBe(
      '2026-11-01T01-0500',
    );
  });

  it('refuse an hour that does not exist and a non-canonical repeated-hour key', () => {
    expect(() => partitionForKey('hourly', NY, '2026-03-08T02')).toThrow(/does not exist in America\/New_York/);
    expect(() => partitionForKey('hourly', NY, '2026-11-01T01-0400')).toThrow(/keyed '2026-11-01T01'/);
    expect(() => partitionForKey('hourly', NY, '2026-05-02T13-0400')).toThrow(/keyed '2026-05-02T13'/);
  });

  it('follow half-hour offsets', () => {
    expect(partitionForKey('hourly', 'Asia/Kolkata', '2026-05-02T13')).toEqual({
      key: '2026-05-02T13',
      dataIntervalStart: '2026-05-02T13:00:00.000+05:30',
      dataIntervalEnd: '2026-05-02T14:00:00.000+05:30',
    });
  });
});

describe('weekly partitions', () => {
  it('are ISO weeks starting Monday', () => {
    expect(partitionForKey('weekly', 'Asia/Almaty', '2026-W18')).toEqual({
      key: '2026-W18',
      dataIntervalStart: '2026-04-27T00:00:00.000+05:00',
      dataIntervalEnd: '2026-05-04T00:00:00.000+05:00',
    });
    // Sunday belongs to the week that began the Monday before.
    expect(partitionContaining('weekly', 'UTC', new Date('2026-05-03T23:59:59Z')).key).toBe('2026-W18');
  });

  it('use the ISO week-year at year ends, and refuse weeks that year lacks', () => {
    expect(partitionContaining('weekly', 'UTC', new Date('2027-01-01T12:00:00Z')).key).toBe('2026-W53');
    expect(partitionContaining('weekly', 'UTC', new Date('2024-12-30T12:00:00Z')).key).toBe('2025-W01');
    expect(() => partitionForKey('weekly', 'UTC', '2025-W53')).toThrow(/not a weekly partition key/);
    expect(() => partitionForKey('hourly', 'UTC', '2026-05-02')).toThrow(
      /^'2026-05-02' is not an hourly partition key/,
    );
  });

  it('span the DST change as 167 hours', () => {
    expect(hours(partitionForKey('weekly', NY, '2026-W10'))).toBe(167);
  });
});

describe('monthly partitions', () => {
  it('are calendar months in the zone', () => {
    expect(partitionForKey('monthly', NY, '2026-03')).toEqual({
      key: '2026-03',
      dataIntervalStart: '2026-03-01T00:00:00.000-05:00',
      dataIntervalEnd: '2026-04-01T00:00:00.000-04:00',
    });
    expect(partitionRange('monthly', 'UTC', '2025-11', '2026-02').map((p) => p.key)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('ds and due', () => {
  it('ds is the local date of the interval start', () => {
    expect(dsOf(partitionForKey('hourly', 'Asia/Almaty', '2026-05-02T00'), 'Asia/Almaty')).toBe('2026-05-02');
    expect(dsOf(partitionForKey('weekly', 'UTC', '2026-W18'), 'UTC')).toBe('2026-04-27');
    expect(dsOf(partitionForKey('monthly', 'UTC', '2026-05'), 'UTC')).toBe('2026-05-01');
  });

  it('a partition is due exactly when its interval has ended', () => {
    const p = partitionForKey('daily', 'Asia/Almaty', '2026-05-02');
    expect(isDue(p, new Date('2026-05-02T18:59:59.999Z'))).toBe(false);
    expect(isDue(p, new Date('2026-05-02T19:00:00.000Z'))).toBe(true);
  });
});

describe('refusals', () => {
  it('keys that do not fit the grain name the expected shape and an example', () => {
    expect(() => partitionForKey('daily', 'UTC', '2026-5-2')).toThrow(
      "'2026-5-2' is not a daily partition key: expected YYYY-MM-DD, e.g. 2026-05-02",
    );
    expect(() => partitionForKey('daily', 'UTC', '2026-02-30')).toThrow(/no such date/);
    expect(() => partitionForKey('weekly', 'UTC', '2026-05-01')).toThrow(/e\.g\. 2026-W18/);
    expect(() => partitionForKey('monthly', 'UTC', '2026-05-01')).toThrow(/e\.g\. 2026-05$/);
    expect(() => partitionForKey('hourly', 'UTC', '2026-05-01')).toThrow(/e\.g\. 2026-05-02T13/);
    expect(() => partitionForKey('monthly', 'UTC', '2026-13')).toThrow(/no such month/);
  });

  it('an end before the start, a range too large, an unknown zone', () => {
    expect(() => partitionRange('daily', 'UTC', '2026-05-03', '2026-05-01')).toThrow(
      "range end '2026-05-01' is before its start '2026-05-03'",
    );
    expect(() => partitionRange('hourly', 'UTC', '2010-01-01T00', '2021-12-31T23')).toThrow(/more than 100,000/);
    expect(() => partitionForKey('daily', 'Mars/Olympus', '2026-05-02')).toThrow(/unknown timezone 'Mars\/Olympus'/);
  });

  it('refusals are UsageErrors', () => {
    try {
      partitionForKey('daily', 'UTC', 'tomorrow');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe('UsageError');
    }
  });
});

describe('the 100,000 partition limit', () => {
  it('allows exactly 100,000 and refuses one more', () => {
    const start = Date.parse('2010-01-01T00:00:00Z');
    const keyAt = (hoursAfter: number) => new Date(start + hoursAfter * 3_600_000).toISOString().slice(0, 13);
    expect(partitionRange('hourly', 'UTC', keyAt(0), keyAt(99_999))).toHaveLength(100_000);
    expect(() => partitionRange('hourly', 'UTC', keyAt(0), keyAt(100_000))).toThrow(
      `${keyAt(0)}..${keyAt(100_000)} holds more than 100,000 hourly partitions`,
    );
  });
});

describe('long walks agree with luxon calendar arithmetic step by step', () => {
  // Zones with DST at midnight (Santiago, Beirut), half-hour DST (Lord Howe), none (Kolkata), and the usual.
  const zones = [
    'America/New_York',
    'Europe/London',
    'America/Santiago',
    'Asia/Beirut',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
  ];
  const iso = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");

  it.each(zones)('daily over three years in %s', (zone) => {
    const walked = partitionRange('daily', zone, '2022-01-01', '2024-12-31');
    let dt = DateTime.fromObject({ year: 2022, month: 1, day: 1 }, { zone }).startOf('day');
    const expected = walked.map(() => {
      const next = dt.plus({ days: 1 }).startOf('day');
      const p = { key: dt.toFormat('yyyy-MM-dd'), dataIntervalStart: iso(dt), dataIntervalEnd: iso(next) };
      dt = next;
      return p;
    });
    expect(walked).toHaveLength(1096);
    expect(walked).toEqual(expected);
  });

  it.each(zones)('weekly and monthly over ten years in %s', (zone) => {
    const steps = [
      { grain: 'weekly' as const, from: '2020-W01', to: '2029-W52', unit: 'week' as const, key: "kkkk-'W'WW" },
      { grain: 'monthly' as const, from: '2020-01', to: '2029-12', unit: 'month' as const, key: 'yyyy-MM' },
    ];
    for (const { grain, from, to, unit, key } of steps) {
      const walked = partitionRange(grain, zone, from, to);
      let dt = DateTime.fromISO(walked[0]!.dataIntervalStart, { zone });
      const expected = walked.map(() => {
        const next = dt.plus({ [unit]: 1 }).startOf('day');
        const p = { key: dt.toFormat(key), dataIntervalStart: iso(dt), dataIntervalEnd: iso(next) };
        dt = next;
        return p;
      });
      expect(walked.length).toBeGreaterThan(100);
      expect(walked).toEqual(expected);
    }
  });

  // March to November holds both changes of each zone that has them (the southern ones in April and Sep/Oct).
  const hourlyZones = ['America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  it.each(hourlyZones)('hourly from March to November in %s', (zone) => {
    const walked = partitionRange('hourly', zone, '2024-03-01T00', '2024-11-30T23');
    let ms = DateTime.fromObject({ year: 2024, month: 3, day: 1 }, { zone }).toMillis();
    const expected = walked.map(() => {
      const dt = DateTime.fromMillis(ms, { zone });
      const label = dt.toFormat("yyyy-MM-dd'T'HH");
      const repeated = DateTime.fromMillis(ms - 3_600_000, { zone }).toFormat("yyyy-MM-dd'T'HH") === label;
      ms += 3_600_000;
      return {
        key: repeated ? label + dt.toFormat('ZZZ') : label,
        dataIntervalStart: iso(dt),
        dataIntervalEnd: iso(DateTime.fromMillis(ms, { zone })),
      };
    });
    expect(walked.length).toBeGreaterThan(6500);
    expect(walked).toEqual(expected);
  });
});
