import { describe, expect, it } from 'vitest';
import { IANAZone } from '../luxon.js';
import { isValidZone } from './memo.js';

describe('isValidZone', () => {
  it('agrees with luxon on canonical names, aliases, offsets and mistakes', () => {
    for (const zone of ['UTC', 'Asia/Almaty', 'America/New_York', 'US/Eastern', 'Asia/Calcutta', 'Etc/GMT+5']) {
      expect(isValidZone(zone), zone).toBe(true);
      expect(IANAZone.isValidZone(zone), zone).toBe(true);
    }
    for (const zone of ['Asia/Almati', 'Mars/Olympus', '', 'utc+5']) {
      expect(isValidZone(zone), zone).toBe(IANAZone.isValidZone(zone));
    }
    expect(isValidZone('Asia/Almati')).toBe(false);
  });
});
