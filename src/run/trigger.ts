// Trigger rules: given the states of a task's upstream tasks, may it run now,
// must it wait, or can its rule no longer be met?
import type { TriggerRule } from '../contract/model.js';
import type { TaskState } from '../store/ledger.js';

export type Decision = 'run' | 'wait' | 'upstream_failed' | 'skipped';

/** `undefined` = the upstream task has not finished (not started, running or up_for_retry). */
export type UpstreamState = TaskState | undefined;

const FAILED: ReadonlySet<UpstreamState> = new Set(['failed', 'upstream_failed']);

// A deferred task has not finished either: it runs again at the next tick.
function finished(state: UpstreamState): boolean {
  return state !== undefined && state !== 'up_for_retry' && state !== 'deferred';
}

/**
 * Decides as early as the rule allows (as Airflow does): all_success gives up at the
 * first failed upstream, one_failed runs at the first failed upstream.
 *  - all_success: every upstream succeeded; a failure → upstream_failed, a skip → skipped.
 *  - all_done:    every upstream finished, whatever its state.
 *  - none_failed: every upstream finished and none failed (skipped is fine).
 *  - one_failed:  at least one upstream failed; all finished without failure → skipped.
 */
export function decide(rule: TriggerRule, upstream: UpstreamState[]): Decision {
  const anyFailed = upstream.some((s) => FAILED.has(s));
  const allFinished = upstream.every(finished);
  switch (rule) {
    case 'all_success':
      if (anyFailed) return 'upstream_failed';
      if (upstream.some((s) => s === 'skipped')) return 'skipped';
      return allFinished ? 'run' : 'wait';
    case 'all_done':
      return allFinished ? 'run' : 'wait';
    case 'none_failed':
      if (anyFailed) return 'upstream_failed';
      return allFinished ? 'run' : 'wait';
    case 'one_failed':
      if (anyFailed) return 'run';
      return allFinished ? 'skipped' : 'wait';
  }
}
