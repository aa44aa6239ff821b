// What one pipeline's pages are built from: the contract, its history from the
// ledger, and what the site derives from them.
import type { Pipeline } from '../contract/model.js';
import type { RunRecord, TaskState } from '../store/ledger.js';
import type { PublishedOutput } from './catalog.js';
import type { PartitionHistory } from './history.js';
import type { Reliability } from './reliability.js';
import type { Trend } from './trends.js';

export interface SitePipeline {
  pipeline: Pipeline;
  /** Newest partition first. */
  partitions: PartitionHistory[];
  reliability: Reliability;
  trends: Trend[];
  outputs: PublishedOutput[];
  /** The pipeline folder's README.md: its runbook. */
  runbook?: string;
}

/** What index.html shows of a pipeline: `partitions` holds only the newest one. */
export type IndexedPipeline = Pick<SitePipeline, 'pipeline' | 'partitions' | 'reliability'>;

export type ShownState = RunRecord['state'] | TaskState | 'none';

/** Every state's text alternative: colour never carries meaning alone. */
export const STATE_SYMBOL: Record<ShownState, string> = {
  success: '✓',
  failed: '✗',
  running: '▶',
  deferred: '…',
  up_for_retry: '↻',
  upstream_failed: '!',
  skipped: '–',
  none: '·',
};

export function stateLabel(state: ShownState): string {
  return state === 'none' ? 'no run' : state.replaceAll('_', ' ');
}
