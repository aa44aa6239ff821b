import { describe, expect, it } from 'vitest';
import { decide } from './trigger.js';

describe('trigger rules', () => {
  it('all_success runs only when every upstream succeeded, and gives up at the first failure', () => {
    expect(decide('all_success', ['success', 'success'])).toBe('run');
    expect(decide('all_success', ['success', undefined])).toBe('wait');
    expect(decide('all_success', ['failed', undefined])).toBe('upstream_failed');
    expect(decide('all_success', ['upstream_failed'])).toBe('upstream_failed');
    expect(decide('all_success', ['skipped', 'success'])).toBe('skipped');
    expect(decide('all_success', ['up_for_retry'])).toBe('wait');
  });

  it('all_done waits for every upstream whatever its state', () => {
    expect(decide('all_done', ['failed', 'upstream_failed', 'skipped'])).toBe('run');
    expect(decide('all_done', ['failed', undefined])).toBe('wait');
    expect(decide('all_done', ['up_for_retry'])).toBe('wait');
  });

  it('none_failed runs past skipped upstreams but not failed ones', () => {
    expect(decide('none_failed', ['skipped', 'success'])).toBe('run');
    expect(decide('none_failed', ['success', 'failed'])).toBe('upstream_failed');
    expect(decide('none_failed', ['success', undefined])).toBe('wait');
  });

  it('one_failed runs at the first failure and is skipped when nothing failed', () => {
    expect(decide('one_failed', ['failed', undefined])).toBe('run');
    expect(decide('one_failed', ['success', 'success'])).toBe('skipped');
    expect(decide('one_failed', ['success', undefined])).toBe('wait');
  });

  it('a deferred upstream is not finished: nothing downstream may run yet', () => {
    expect(decide('all_done', ['deferred'])).toBe('wait');
    expect(decide('all_success', ['deferred'])).toBe('wait');
  });

  it('a root task (no upstream) runs at once under every rule but one_failed', () => {
    expect(decide('all_success', [])).toBe('run');
    expect(decide('all_done', [])).toBe('run');
    expect(decide('none_failed', [])).toBe('run');
    expect(decide('one_failed', [])).toBe('skipped');
  });
});
