// How long to wait before the next attempt of a task.
import type { RetryPolicy } from '../contract/model.js';

/**
 * Delay before attempt `failedAttempt + 1`.
 * fixed: `retry_delay` every time.
 * exponential: `retry_delay × 2^(failedAttempt-1) × f`, with the jitter factor f uniform in
 * [1, 2) as Airflow does: retries of many partitions spread out instead of hitting a
 * recovering source together, a wait is never shorter than `retry_delay`, and each wait is
 * at least as long as the one before (the next base is already the previous maximum).
 * Both are capped by `max_retry_delay`.
 */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number, random: () => number): number {
  if (policy.retryBackoff === 'fixed') return Math.min(policy.retryDelayMs, policy.maxRetryDelayMs);
  const base = policy.retryDelayMs * 2 ** Math.max(0, failedAttempt - 1);
  return Math.min(Math.round(base * (1 + random())), policy.maxRetryDelayMs);
}
