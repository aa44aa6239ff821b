// Every run of one pipeline, a partition at a time, read through the ledger API
// (filesystem, git state branch or bucket): the site never reads record files itself.
import { mapLimited } from '../map-limited.js';
import type { FileChecksum, Ledger, RunRecord, TaskRecord } from '../store/ledger.js';

/**
 * What the site needs from a ledger. `eachPartition` (every partition's runs in
 * one pass, newest partition first, each partition's latest settled) is used
 * when a backend has it: a ten-year history is hundreds of thousands of records,
 * `latestRuns` + `runs` would read each twice, and held whole they make garbage
 * collection most of the build.
 */
export type HistoryLedger = Pick<Ledger, 'latestRuns' | 'runs'> & {
  eachPartition?(dagId: string, visit: (runs: RunRecord[]) => void): Promise<void>;
};

/**
 * What the pages show of a run once its details are written: the grid's state,
 * duration and trigger, failed tasks for reliability, metrics and rows for trends,
 * the data interval for the catalog. A whole `RunRecord` is one too.
 */
export interface RunOutline
  extends Pick<
    RunRecord,
    'state' | 'trigger' | 'startedAt' | 'endedAt' | 'dataIntervalStart' | 'dataIntervalEnd' | 'metrics'
  > {
  tasks: Pick<TaskRecord, 'id' | 'state' | 'failureClass'>[];
  outputs: Pick<FileChecksum, 'rows'>[];
}

export interface PartitionHistory<Run extends RunOutline = RunOutline> {
  key: string;
  /** Oldest first; the last one is `latest`. */
  runs: Run[];
  /** The latest run as the ledger settles it (a killed `running` run reads as failed). */
  latest: Run;
}

/** Partitions read at once from a ledger without `eachPartition`. */
const PARTITION_CONCURRENCY = 16;

/** Every partition with at least one run, newest partition first, handed to `visit` one at a time. */
export async function eachPartition(
  ledger: HistoryLedger,
  dagId: string,
  visit: (partition: PartitionHistory<RunRecord>) => void,
): Promise<void> {
  const visitRuns = (runs: RunRecord[]) => visit({ key: runs[0]!.partition, runs, latest: runs.at(-1)! });
  if (ledger.eachPartition) return await ledger.eachPartition(dagId, visitRuns);
  const latest = [...(await ledger.latestRuns(dagId))].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const read = await mapLimited(latest, PARTITION_CONCURRENCY, async ([key, settled]) => {
    // The settled latest run replaces its raw twin, so an abandoned run shows as failed everywhere.
    const runs = (await ledger.runs(dagId, key)).map((r) => (r.runId === settled.runId ? settled : r));
    return { key, runs: runs.length > 0 ? runs : [settled], latest: settled };
  });
  for (const partition of read) visit(partition);
}

/** The outline of a run: a few small fields instead of the whole record, so ten years of them stay small. */
export function outline(run: RunRecord): RunOutline {
  const { state, trigger, startedAt, endedAt, dataIntervalStart, dataIntervalEnd, metrics } = run;
  const tasks: RunOutline['tasks'] = [];
  for (const { id, state, failureClass } of run.tasks) if (state === 'failed') tasks.push({ id, state, failureClass });
  const outputs = run.outputs.map(({ rows }) => ({ rows }));
  return { state, trigger, startedAt, endedAt, dataIntervalStart, dataIntervalEnd, metrics, tasks, outputs };
}
