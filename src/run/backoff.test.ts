import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type RetryPolicy } from '../contract/model.js';
import { retryDelayMs } from './backoff.js';

const exponential: RetryPolicy = {
  ...DEFAULT_POLICY,
  retries: 10,
  retryDelayMs: 1000,
  retryBackoff: 'exponential',
  maxRetryDelayMs: 60_000,
};

describe('retry delay', () => {
  it('fixed backoff waits retry_delay every time', () => {
    const policy = { ...exponential, retryBackoff: 'fixed' as const };
    expect([1, 2, 3].map((a) => retryDelayMs(policy, a, () => 0.9))).toEqual([1000, 1000, 1000]);
  });

  it('exponential backoff doubles with a jitter factor in [1, 2)', () => {
    expect(retryDelayMs(exponential, 1, () => 0)).toBe(1000);
    expect(retryDelayMs(exponential, 3, () => 0)).toBe(4000);
    expect(retryDelayMs(exponential, 3, () => 0.5)).toBe(6000);
    expect(retryDelayMs(exponential, 3, () => 0.999)).toBeLessThan(8000);
  });

  it('never waits less than the wait before it, whatever the jitter', () => {
    for (let attempt = 1; attempt < 8; attempt++) {
      const longest = retryDelayMs(exponential, attempt, () => 0.99999);
      const shortestNext = retryDelayMs(exponential, attempt + 1, () => 0);
      expect(shortestNext).toBeGreaterThanOrEqual(longest);
    }
  });

  it('is capped by max_retry_delay', () => {
    expect(retryDelayMs(exponential, 20, () => 0.5)).toBe(60_000);
    expect(retryDelayMs({ ...exponential, retryBackoff: 'fixed', retryDelayMs: 90_000 }, 1, Math.random)).toBe(60_000);
  });
});
