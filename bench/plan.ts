// Benchmark: plan a 10-year daily backfill (3,653 partitions) against a ledger
// in which every other partition already succeeded, so half are planned.
// Measured twice: with the ledger in memory (the planner alone) and with the
// filesystem ledger the CLI uses (one JSON record per run on disk).
// Usage: npm exec -- tsx bench/plan.ts [--runs 5]

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_POLICY, type Pipeline } from '../src/contract/model.js';
import { planBackfill } from '../src/plan/plan.js';
import { partitionRange } from '../src/schedule/partitions.js';
import { FsLedger } from '../src/store/fs-ledger.js';
import type { LedgerReader, RunRecord } from '../src/store/ledger.js';

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

const succeeded: RunRecord[] = all
  .filter((_, i) => i % 2 === 0)
  .map((p, i) => ({
    dagId: pipeline.dagId,
    partition: p.key,
    runId: `bench-${i}`,
    trigger: 'backfill',
    reason: 'benchmark',
    state: 'success',
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:01.000Z',
    dataIntervalStart: p.dataIntervalStart,
    dataIntervalEnd: p.dataIntervalEnd,
    tasks: [],
    checks: [],
    metrics: {},
    inputs: [],
    outputs: [],
  }));
const inMemory: LedgerReader = {
  async latestRuns() {
    return new Map(succeeded.map((r) => [r.partition, r]));
  },
};

async function time(label: string, ledger: LedgerReader): Promise<void> {
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
    `${label.padEnd(24)} median ${median.toFixed(1)} ms, best ${samples[0]!.toFixed(1)} ms over ${runs} runs ` +
      `(${all.length} partitions, ${succeeded.length} succeeded, ${planned} planned in ${entries} matrix entries)\n`,
  );
}

await time('in-memory ledger', inMemory);

const dataRoot = await mkdtemp(join(tmpdir(), 'pipewright-bench-plan-'));
try {
  const fsLedger = new FsLedger(dataRoot);
  const t0 = performance.now();
  for (const record of succeeded) await fsLedger.write(record);
  process.stderr.write(`(wrote ${succeeded.length} run records in ${(performance.now() - t0).toFixed(0)} ms)\n`);
  await time('filesystem ledger', fsLedger);
} finally {
  await rm(dataRoot, { recursive: true, force: true });
}
