// Benchmark: plan a 10-year daily backfill (3,653 partitions) against a ledger
// of 20,000 run records (five or six runs per partition) in which the latest run
// of every other partition succeeded, so half are planned (issue 14: < 100 ms);
// and a 2-year hourly backfill (17,544 partitions) over 8,760 records (< 200 ms).
// Measured with the ledger in memory (the planner alone), with the filesystem
// ledger the CLI uses through its index and through the records alone (the
// ledger before the index), and with the bucket ledger (`state: bucket`) on
// versitygw over loopback, through its index and through every record. The
// filesystem ledgers are generated once into bench/.data/plan-<case>/ and reused;
// the bucket's are written afresh (one PutObject per record).
// Usage: npm exec -- tsx bench/plan.ts [--runs 5] [--no-bucket]

import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_POLICY, type Pipeline } from '../src/contract/model.js';
import { toJsonText } from '../src/json.js';
import { mapLimited } from '../src/map-limited.js';
import { planBackfill } from '../src/plan/plan.js';
import { type Partition, partitionRange } from '../src/schedule/partitions.js';
import { BucketLedger } from '../src/store/bucket-ledger.js';
import { FsLedger } from '../src/store/fs-ledger.js';
import { compareRuns, type LedgerReader, type RunRecord, summarize } from '../src/store/ledger.js';
import { openS3Store } from '../src/store/s3/bucket-store.js';
import { startVersitygw, type Versitygw } from '../test/support/versitygw.js';
import { readmeRow, times } from './lib/readme-row.js';

const GENERATION = 'v2'; // bump when the generated ledgers change shape

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'no-bucket': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');

/** One benchmark case: a pipeline, the range a backfill asks for, and a generated ledger. */
interface Case {
  name: string;
  pipeline: Pipeline;
  range: { start: string; end: string; reprocess: 'failed'; reverse: false };
  records: RunRecord[];
  targetMs: number;
}

function benchPipeline(dagId: string, partition: Pipeline['partition'], schedule: string): Pipeline {
  return {
    dagId,
    description: 'benchmark',
    owner: 'bench',
    tags: [],
    schedule,
    timezone: 'America/New_York',
    partition,
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
}

/** Run `n` (from 1) of partition `p`, the `index`th of the range: the latest of every other partition succeeds. */
function record(dagId: string, p: Partition, index: number, n: number, last: boolean): RunRecord {
  const state = last && index % 2 === 0 ? 'success' : 'failed';
  const startedAt = new Date(Date.parse(p.dataIntervalEnd) + (n - 1) * 3_600_000).toISOString();
  return {
    dagId,
    partition: p.key,
    runId: `backfill__${p.key.replaceAll(/[-:+]/g, '')}T${String(n - 1).padStart(2, '0')}0000Z__${index.toString(16).padStart(6, '0')}`,
    trigger: 'backfill',
    reason: 'benchmark',
    state,
    sequence: n,
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 60_000).toISOString(),
    dataIntervalStart: p.dataIntervalStart,
    dataIntervalEnd: p.dataIntervalEnd,
    tasks: [
      { id: 'ingest', state, attempts: 1, durationMs: 60_000 },
      { id: 'build', state: state === 'success' ? 'success' : 'upstream_failed', attempts: 1, durationMs: 1 },
    ],
    checks: [],
    metrics: { order_count: 100 + index, revenue_total: `${1000 + index}.50` },
    inputs: [{ path: `raw/orders/dt=${p.key}/orders.csv`, rows: 100, bytes: 4800, sha256: 'a'.repeat(64) }],
    outputs: [],
  };
}

/** A 10-year daily backfill over 20,000 records: five or six runs per partition (issue 14: < 100 ms). */
function dailyCase(): Case {
  const pipeline = benchPipeline('bench_daily', 'daily', '0 6 * * *');
  const range = { start: '2016-01-01', end: '2025-12-31', reprocess: 'failed' as const, reverse: false as const };
  const all = partitionRange(pipeline.partition, pipeline.timezone, range.start, range.end);
  const RECORDS = 20_000;
  const records = all.flatMap((p, i) => {
    const count = Math.floor(((i + 1) * RECORDS) / all.length) - Math.floor((i * RECORDS) / all.length);
    return Array.from({ length: count }, (_, n) => record(pipeline.dagId, p, i, n + 1, n === count - 1));
  });
  return { name: 'daily', pipeline, range, records, targetMs: 100 };
}

/** A 2-year hourly backfill (17,544 partitions) over 8,760 records: every other hour ran once (< 200 ms). */
function hourlyCase(): Case {
  const pipeline = benchPipeline('bench_hourly', 'hourly', '5 * * * *');
  const range = { start: '2024-01-01T00', end: '2025-12-31T23', reprocess: 'failed' as const, reverse: false as const };
  const all = partitionRange(pipeline.partition, pipeline.timezone, range.start, range.end);
  const records = all.flatMap((p, i) =>
    i % 2 === 0 && i / 2 < 8_760 ? [record(pipeline.dagId, p, i / 2, 1, true)] : [],
  );
  return { name: 'hourly', pipeline, range, records, targetMs: 200 };
}

async function time(c: Case, label: string, ledger: LedgerReader): Promise<number> {
  const { pipeline, range, records } = c;
  const samples: number[] = [];
  let planned = 0;
  let entries = 0;
  let partitions = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const plan = await planBackfill(pipeline, range, ledger);
    samples.push(performance.now() - t0);
    planned = plan.count;
    partitions = plan.count + plan.skipped.length;
    entries = plan.matrix.include.length;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  process.stdout.write(
    `${label.padEnd(26)} median ${median.toFixed(1)} ms, best ${samples[0]!.toFixed(1)} ms over ${runs} runs ` +
      `(${partitions} partitions, ${records.length} records, ${planned} planned in ${entries} matrix entries)\n`,
  );
  return median;
}

/** The records alone, written once (without an index, as an older pipewright wrote them) and kept. */
async function generate(dataRoot: string, records: RunRecord[]): Promise<void> {
  const marker = join(dataRoot, `generated-${GENERATION}`);
  if (existsSync(marker)) return;
  await rm(dataRoot, { recursive: true, force: true });
  const t0 = performance.now();
  const writer = new FsLedger(dataRoot, { index: false });
  await mapLimited(records, 32, (r) => writer.write(r));
  await writeFile(marker, '');
  process.stderr.write(`(wrote ${records.length} run records in ${(performance.now() - t0).toFixed(0)} ms, once)\n`);
}

/** What each case measured, for the README's row. */
const figures: string[] = [];
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The bucket ledger on a versitygw bucket: records put as objects without the index (as before it), then timed. */
async function timeBucket(server: Versitygw, c: Case): Promise<string> {
  const bucket = `plan-${c.name}`;
  server.createBucket(bucket);
  const ledger = new BucketLedger(openS3Store(`s3://${bucket}/lake`));
  const t0 = performance.now();
  await mapLimited(c.records, 64, (r) => ledger.store.write(ledger.recordKey(r), toJsonText(r)));
  process.stderr.write(`(put ${c.records.length} run records in ${(performance.now() - t0).toFixed(0)} ms)\n`);
  // Every record read, as the bucket ledger did before its index.
  const everyRecord: LedgerReader = {
    async latestRuns(dagId) {
      const latest = new Map<string, RunRecord>();
      for (const run of await ledger.history(dagId)) {
        const known = latest.get(run.partition);
        if (!known || compareRuns(run, known) > 0) latest.set(run.partition, run);
      }
      return latest;
    },
  };
  const withoutIndex = await time(c, 'bucket, every record', everyRecord);
  const t1 = performance.now();
  await ledger.latestSummaries(c.pipeline.dagId);
  process.stdout.write(
    `bucket index built from the records on the first read in ${(performance.now() - t1).toFixed(0)} ms\n`,
  );
  const withIndex = await time(c, 'bucket, index', ledger);
  process.stdout.write(
    `bucket index: ${(withoutIndex / withIndex).toFixed(1)}× faster than every record; ` +
      `plan with it ${(withIndex / c.targetMs).toFixed(2)}× the ${c.targetMs} ms target\n`,
  );
  return `the bucket ledger on versitygw, through its index ${ms(withIndex)} against ${ms(withoutIndex)} reading every record (${times(withoutIndex, withIndex)} faster)`;
}

const server = values['no-bucket'] ? undefined : await startVersitygw();
if (server) Object.assign(process.env, server.env);
try {
  for (const c of [dailyCase(), hourlyCase()]) {
    const { pipeline, records, targetMs } = c;
    process.stdout.write(`\n${c.name}: ${c.range.start}..${c.range.end}\n`);
    const latest = new Map(records.map((r) => [r.partition, r]));
    const inMemory: LedgerReader = {
      async latestRuns() {
        return latest;
      },
      async latestSummaries() {
        return new Map([...latest].map(([key, r]) => [key, summarize(r)]));
      },
    };
    const inMemoryMs = await time(c, 'in-memory ledger', inMemory);
    const dataRoot = join(import.meta.dirname, '.data', `plan-${c.name}`);
    await generate(dataRoot, records);
    const withoutIndex = await time(c, 'filesystem, no index', new FsLedger(dataRoot, { index: false }));
    await rm(join(dataRoot, '_pipewright', 'index'), { recursive: true, force: true });
    const indexed = new FsLedger(dataRoot);
    const t0 = performance.now();
    await indexed.latestSummaries(pipeline.dagId);
    process.stdout.write(
      `index built from the records on the first read in ${(performance.now() - t0).toFixed(0)} ms\n`,
    );
    const withIndex = await time(c, 'filesystem, index', indexed);
    process.stdout.write(
      `index: ${(withoutIndex / withIndex).toFixed(1)}× faster than the records alone; ` +
        `plan with the index ${(withIndex / targetMs).toFixed(2)}× the ${targetMs} ms target ` +
        `(the planner alone: ${(inMemoryMs / targetMs).toFixed(2)}×)\n`,
    );
    const bucket = server ? `; ${await timeBucket(server, c)}` : '';
    figures.push(
      `${c.name === 'daily' ? '10-year daily backfill' : '2-year hourly backfill'} (${c.records.length.toLocaleString('en')} records): ` +
        `through the ledger index **${ms(withIndex)}** (target < ${targetMs} ms: **${times(withIndex, targetMs)}**), ` +
        `through the records alone ${ms(withoutIndex)} (${times(withoutIndex, withIndex)}), the planner alone ${ms(inMemoryMs)}${bucket}`,
    );
  }
  readmeRow({
    id: 'plan',
    benchmark: `plan against a filesystem ledger, median of ${runs} (\`npm run bench -- plan\`)`,
    figure: figures.join('. '),
  });
} finally {
  await server?.stop();
}
