// Every run of one pipeline, grouped by partition, read through the ledger API
// (filesystem or git state branch): the site never reads record files itself.
import { mapLimited } from '../map-limited.js';
import type { Ledger, RunRecord } from '../store/ledger.js';

/**
 * What the site needs from a ledger. `history` (every run in one pass, each
 * partition's latest settled) is used when a backend has it: a ten-year history
 * is tens of thousands of records, and `latestRuns` + `runs` would read each twice.
 */
export type HistoryLedger = Pick<Ledger, 'latestRuns' | 'runs'> & {
  history?(dagId: string): Promise<RunRecord[]>;
};

export interface PartitionHistory {
  key: string;
  /** Oldest first; the last one is `latest`. */
  runs: RunRecord[];
  /** The latest run as the ledger settles it (a killed `running` run reads as failed). */
  latest: RunRecord;
}

/** Partitions read at once from a ledger without `history`. */
const PARTITION_CONCURRENCY = 16;

/** Every partition with at least one run, newest partition first. */
export async function readHistory(ledger: HistoryLedger, dagId: string): Promise<PartitionHistory[]> {
  const partitions: PartitionHistory[] = [];
  if (ledger.history) {
    const grouped = new Map<string, RunRecord[]>();
    for (const record of await ledger.history(dagId)) {
      const list = grouped.get(record.partition);
      if (list) list.push(record);
      else grouped.set(record.partition, [record]);
    }
    for (const [key, runs] of grouped) partitions.push({ key, runs, latest: runs.at(-1)! });
  } else {
    const latest = await ledger.latestRuns(dagId);
    const read = await mapLimited([...latest], PARTITION_CONCURRENCY, async ([key, settled]) => {
      // The settled latest run replaces its raw twin, so an abandoned run shows as failed everywhere.
      const runs = (await ledger.runs(dagId, key)).map((r) => (r.runId === settled.runId ? settled : r));
      return { key, runs: runs.length > 0 ? runs : [settled], latest: settled };
    });
    partitions.push(...read);
  }
  return partitions.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}
