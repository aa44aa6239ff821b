// Benchmark: plan a 10-year daily backfill (3,653 partitions) against a ledger
// of 20,000 run records (five or six runs per partition) in which the latest run
// of every other partition succeeded, so half are planned (issue 14: < 100 ms).
// Measured three ways: with the ledger in memory (the planner alone), with the
// filesystem ledger the CLI uses through its index, and through the records
// alone (the ledger before the index). The ledger is generated once into
// bench/.data/plan/ and reused.
// Usage: npm exec -- tsx bench/plan.ts [--runs 5]

import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_POLICY, type Pipeline } from '../src/contract/model.js';
import { mapLimited } from '../src/map-limited.js';
import { planBackfill } from '../src/plan/plan.js';
import { partitionRange } from '../src/schedule/partitions.js';
import { FsLedger } from '../src/store/fs-ledger.js';
import { type LedgerReader, type RunRecord, summarize } from '../src/store/ledger.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');

const pipeline: Pipeline = {
  dagId: 'bench_daily',
  description: 'benchmark',
  owner: 'bench',
  tags: [],
  schedule: '0 6 * * *',
  timezone: 'America/New_York',
  partition: 'daily',
  startDate: '2016-01-01',
  catchup: true,
  maxActiveRuns: 1,
  maxActiveTasks: 1,
  retainVersions: 3,
  reprocessOnTick: 'failed',
  defaults: DEFAULT_POLICY,
  inputs: {},
  outputs: {},
  tasks: [],
  alerts: { on: [], labels: [], assignees: [] },
  dir: tmpdir(),
  file: join(tmpdir(), 'pipeline.yml'),
};
const range = { start: '2016-01-01', end: '2025-12-31', reprocess: 'failed' as const, reverse: false };
const all = partitionRange(pipeline.partition, pipeline.timezone, range.start, range.end);

const RECORDS = 20_000;
const GENERATION = 'v1'; // bump when the generated ledger changes shape

/** Partition i's runs: the latest succeeds for every other partition and fails for the rest. */
const records: RunRecord[] = all.flatMap((p, i) => {
  const count = Math.floor(((i + 1) * RECORDS) / all.length) - Math.floor((i * RECORDS) / all.length);
  return Array.from({ length: count }, (_, n): RunRecord => {
    const last = n === count - 1;
    const state = last && i % 2 === 0 ? 'success' : 'failed';
    const startedAt = new Date(Date.parse(p.dataIntervalEnd) + n * 3_600_000).toISOString();
    return {
      dagId: pipeline.dagId,
      partition: p.key,
      runId: `backfill__${p.key.replaceAll('-', '')}T${String(n).padStart(2, '0')}0000Z__${i.toString(16).padStart(6, '0')}`,
      trigger: 'backfill',
      reason: 'benchmark',
      state,
      sequence: n + 1,
      startedAt,
      endedAt: new Date(Date.parse(startedAt) + 60_000).toISOString(),
      dataIntervalStart: p.dataIntervalStart,
      dataIntervalEnd: p.dataIntervalEnd,
      tasks: [
        { id: 'ingest', state, attempts: 1, durationMs: 60_000 },
        { id: 'build', state: state === 'success' ? 'success' : 'upstream_failed', attempts: 1, durationMs: 1 },
      ],
      checks: [],
      metrics: { order_count: 100 + i, revenue_total: `${1000 + i}.50` },
      inputs: [{ path: `raw/orders/dt=${p.key}/orders.csv`, rows: 100, bytes: 4800, sha256: 'a'.repeat(64) }],
      outputs: [],
    };
  });
});
const latest = new Map(records.map((r) => [r.partition, r]));
const inMemory: LedgerReader = {
  async latestRuns() {
    return latest;
  },
  async latestSummaries() {
    return new Map([...latest].map(([key, r]) => [key, summarize(r)]));
  },
};

async function time(label: string, ledger: LedgerReader): Promise<number> {
  const samples: number[] = [];
  let planned = 0;
  let entries = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const plan = await planBackfill(pipeline, range, ledger);
    samples.push(performance.now() - t0);
    planned = plan.count;
    entries = plan.matrix.include.length;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  process.stdout.write(
    `${label.padEnd(26)} median ${median.toFixed(1)} ms, best ${samples[0]!.toFixed(1)} ms over ${runs} runs ` +
      `(${all.length} partitions, ${records.length} records, ${planned} planned in ${entries} matrix entries)\n`,
  );
  return median;
}

/** The records alone, written once (without an index, as an older pipewright wrote them) and kept. */
async function generate(dataRoot: string): Promise<void> {
  const marker = join(dataRoot, `generated-${GENERATION}`);
  if (existsSync(marker)) return;
  await rm(dataRoot, { recursive: true, force: true });
  const t0 = performance.now();
  const writer = new FsLedger(dataRoot, { index: false });
  await mapLimited(records, 32, (record) => writer.write(record));
  await writeFile(marker, '');
  process.stderr.write(`(wrote ${records.length} run records in ${(performance.now() - t0).toFixed(0)} ms, once)\n`);
}

const TARGET_MS = 100;
const inMemoryMs = await time('in-memory ledger', inMemory);
const dataRoot = join(import.meta.dirname, '.data', 'plan');
await generate(dataRoot);
const recordsOnly = new FsLedger(dataRoot, { index: false });
const withoutIndex = await time('filesystem, no index', recordsOnly);
await rm(join(dataRoot, '_pipewright', 'index'), { recursive: true, force: true });
const indexed = new FsLedger(dataRoot);
const t0 = performance.now();
await indexed.latestSummaries(pipeline.dagId);
process.stdout.write(`index built from the records on the first read in ${(performance.now() - t0).toFixed(0)} ms\n`);
const withIndex = await time('filesystem, index', indexed);
process.stdout.write(
  `index: ${(withoutIndex / withIndex).toFixed(1)}× faster than the records alone; ` +
    `plan with the index ${(withIndex / TARGET_MS).toFixed(2)}× the ${TARGET_MS} ms target ` +
    `(the planner alone: ${(inMemoryMs / TARGET_MS).toFixed(2)}×)\n`,
);
