// The ledger index: per pipeline, each partition's run ids and a summary of its
// latest run, so `plan` reads one file instead of every record. It is a cache of
// the records, never their replacement: every entry carries a stamp of what it was
// read from (a folder's mtime, a git tree id), each backend compares the stamps
// with the records' current ones and reads the records again wherever they differ
// (a record written by hand, by an older pipewright, or by a writer that died
// between its record and the index). A missing, unreadable or older-format index
// is simply an index with no entries.
import { fromJsonValue, toJsonText } from '../json.js';
import { compareRuns, type RunRecord, type RunSummary } from './ledger.js';

/** Bumped when the entries change meaning; an index of another format is rebuilt. */
export const INDEX_FORMAT = 1;

export type IndexedRun = Omit<RunSummary, 'dagId' | 'partition' | 'abandoned'>;

/** One partition: its latest run, flat, so the index of a 20,000-run ledger stays small to read. */
export interface IndexEntry extends IndexedRun {
  partition: string;
  /** What the entry was read from, as the backend sees it: changes when any record of the partition does. */
  stamp: string;
  /** The partition's runs (the names of its records), oldest first. */
  runIds: string[];
}

export interface LedgerIndex {
  format: number;
  dagId: string;
  partitions: IndexEntry[];
}

export function indexedRun(record: RunSummary): IndexedRun {
  const { runId, state, startedAt, endedAt, sequence, pinned } = record;
  return { runId, state, startedAt, endedAt, sequence, pinned };
}

/** The entry for a partition's runs (oldest first, as `Ledger.runs` gives them); undefined when it has none. */
export function entryFor(partition: string, stamp: string, runs: readonly RunRecord[]): IndexEntry | undefined {
  const latest = runs.at(-1);
  if (!latest) return undefined;
  return { partition, stamp, runIds: runs.map((r) => r.runId), ...indexedRun(latest) };
}

/** What a writer saw of a partition around its write. */
export interface WriteSeen {
  /** The record's file existed before the write (a rewrite of the run). */
  existed: boolean;
  /** The partition's records after the write. */
  runIds: readonly string[];
  stamp: string;
}

/**
 * The entry after `record` was written, from the entry before it, when the
 * partition holds exactly the runs the entry knew plus this one and this one is
 * the latest: no record needs reading. Undefined when the caller must read the
 * partition's records instead (it changed behind the index's back, or an older
 * run was written). `seen.stamp` is that of the partition with this record latest.
 */
export function entryAfterWrite(
  before: IndexEntry | undefined,
  record: RunRecord,
  seen: WriteSeen,
): IndexEntry | undefined {
  const known = before?.runIds ?? [];
  // A rewrite of the latest run (running, then its end) stays the latest; a new run must be later than the latest.
  const fits = seen.existed
    ? before?.runId === record.runId
    : !before || (!known.includes(record.runId) && compareRuns(record, before) > 0);
  const runIds = seen.existed ? known : [...known, record.runId];
  if (!fits || !sameMembers(runIds, seen.runIds)) return undefined;
  return { partition: record.partition, stamp: seen.stamp, runIds, ...indexedRun(record) };
}

/** The two lists hold the same run ids, in any order. */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

export function summaryOf(dagId: string, entry: IndexEntry): RunSummary {
  const { stamp: _, runIds: __, ...run } = entry;
  return { dagId, ...run };
}

/**
 * Each partition's latest run from its entry, a `running` one passed through the
 * backend's `settle` (is its runner alive?). Awaited only when there is something
 * to settle: a plan reads thousands of these.
 */
export async function settledSummaries(
  dagId: string,
  entries: readonly IndexEntry[],
  settle: (running: RunSummary) => Promise<RunSummary>,
): Promise<Map<string, RunSummary>> {
  const summaries = new Map<string, RunSummary>();
  for (const entry of entries) {
    const summary = summaryOf(dagId, entry);
    summaries.set(entry.partition, summary.state === 'running' ? await settle(summary) : summary);
  }
  return summaries;
}

/** `entries` replace those of their partitions; partitions in `gone` are dropped. */
export function withEntries(
  index: LedgerIndex,
  entries: Iterable<IndexEntry>,
  gone: ReadonlySet<string> = new Set(),
): LedgerIndex {
  const byKey = new Map(index.partitions.map((e) => [e.partition, e]));
  for (const key of gone) byKey.delete(key);
  for (const entry of entries) byKey.set(entry.partition, entry);
  const partitions = [...byKey.values()].sort((a, b) => (a.partition < b.partition ? -1 : 1));
  return { ...index, partitions };
}

export function emptyIndex(dagId: string): LedgerIndex {
  return { format: INDEX_FORMAT, dagId, partitions: [] };
}

export function indexText(index: LedgerIndex): string {
  return toJsonText(index);
}

/** The index in `text`, or an empty one when the text is not an index of this format for `dagId`. */
export function parseIndex(text: string | undefined, dagId: string): LedgerIndex {
  if (text === undefined) return emptyIndex(dagId);
  try {
    const index = fromJsonValue<LedgerIndex>(JSON.parse(text));
    if (index.format === INDEX_FORMAT && index.dagId === dagId && Array.isArray(index.partitions)) return index;
  } catch {
    // A torn or hand-mangled index is rebuilt from the records.
  }
  return emptyIndex(dagId);
}
