// Benchmark: the status site for 20 pipelines × 10 years of daily partitions ×
// 3 runs each (219,180 run records). Prints the build time (contracts + ledger +
// pages, what `pipewright site` does) with the ledger on the filesystem and on a
// git state branch (what the Pages job reads), its CPU time (every thread of the
// process: the build runs a worker thread per core; git's own processes are not
// counted), and the page weights, each against the target of issue 13 (build
// < 10 s, first page < 1 MB).
// The ledgers are generated once into bench/.data/site/ and reused. The state
// branch holds the records without an index (as an older pipewright left them),
// so the git figure is that of reading every record; the filesystem ledger has
// its index, which names each partition's records (no folder listed).
// Usage: npm run bench -- site   (or: npm exec -- tsx bench/site.ts [--runs 3])
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPipelines } from '../src/contract/load.js';
import { mapLimited } from '../src/map-limited.js';
import { partitionRange } from '../src/schedule/partitions.js';
import { buildSite } from '../src/site/build.js';
import { FsLedger } from '../src/store/fs-ledger.js';
import { GitLedger } from '../src/store/git-ledger.js';
import type { RunRecord, TaskRecord } from '../src/store/ledger.js';
import { readmeRow, seconds, times } from './lib/readme-row.js';

const PIPELINES = 20;
const RUNS_PER_PARTITION = 3;
const START = '2016-01-01';
const END = '2025-12-31';
const BUILD_TARGET_MS = 10_000;
const PAGE_TARGET_BYTES = 1_000_000;
const GENERATION = 'v1'; // bump when the generated data changes shape

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');

const root = join(import.meta.dirname, '.data', 'site');
const pipelinesDir = join(root, 'pipelines');
const dataRoot = join(root, 'data');
const out = join(root, 'site');
const origin = join(root, 'origin.git');
const checkout = join(root, 'checkout');
const BRANCH = 'pipewright-state';
const turanmart = join(import.meta.dirname, '..', 'pipelines/turanmart_daily_sales');
const contract = await readFile(join(turanmart, 'pipeline.yml'), 'utf8');
const TASKS = [
  'check_source_available',
  'ingest_orders_bronze',
  'validate_bronze_orders',
  'build_daily_sales_gold',
  'write_quality_report',
];

function dagId(i: number): string {
  return `bench_sales_${String(i).padStart(2, '0')}`;
}

/** A run shaped like TuranMart's: five timed tasks, five checks, seven metrics, one input, three outputs. */
function record(
  dag: string,
  p: { key: string; dataIntervalStart: string; dataIntervalEnd: string },
  n: number,
  day: number,
): RunRecord {
  const failed = n < RUNS_PER_PARTITION - 1;
  const start = Date.parse(p.dataIntervalEnd) + (6 * 60 + n * 45) * 60_000 + (day % 17) * 1000;
  let at = start;
  const tasks: TaskRecord[] = TASKS.map((id, t) => {
    const ms = 400 + ((day * 31 + t * 7) % 900);
    const failedHere = failed && t === 1;
    const upstream = failed && t > 1 && t < 4;
    const task: TaskRecord = {
      id,
      state: failedHere ? 'failed' : upstream ? 'upstream_failed' : 'success',
      attempts: failedHere ? 3 : upstream ? 0 : 1,
      durationMs: upstream ? 0 : ms,
      startedAt: new Date(at).toISOString(),
      endedAt: new Date(at + (upstream ? 0 : ms)).toISOString(),
    };
    if (failedHere) {
      task.failureClass = day % 7 === 0 ? 'data' : 'transient';
      task.error = `raw/orders/dt=${p.key}/orders.csv: connection reset while reading (attempt 3/3)`;
    }
    at += task.durationMs;
    return task;
  });
  const orders = 150 + ((day * 13) % 80) * (day % 997 === 0 ? 100 : 1);
  return {
    dagId: dag,
    partition: p.key,
    runId: `backfill__${p.key.replaceAll('-', '')}T06${String(n).padStart(2, '0')}00Z__${(day * 7 + n).toString(16).padStart(6, '0')}`,
    trigger: n === 0 ? 'schedule' : 'backfill',
    reason: n === 0 ? 'scheduled tick' : `reprocess after the export fix (INC-${1000 + (day % 50)})`,
    codeVersion: 'a1b2c3d4e5f6',
    state: failed ? 'failed' : 'success',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(at).toISOString(),
    dataIntervalStart: p.dataIntervalStart,
    dataIntervalEnd: p.dataIntervalEnd,
    tasks,
    checks: failed
      ? []
      : ['required_columns', 'row_count', 'not_null', 'date_in_partition', 'numeric'].map((name) => ({
          name,
          dataset: 'bronze_orders',
          status: 'passed' as const,
          severity: 'error' as const,
          details: `${name} holds for ${orders} rows`,
        })),
    metrics: failed
      ? {}
      : {
          order_count: orders,
          revenue_total: `${orders * 4321}.50`,
          gold_rows: 4,
          gold_regions: 4,
          gold_order_count: orders,
          gold_revenue_total: `${orders * 4321}.50`,
          gold_published: 'yes',
        },
    inputs: [{ path: `raw/orders/dt=${p.key}/orders.csv`, rows: orders, bytes: orders * 48, sha256: 'a'.repeat(64) }],
    outputs: failed
      ? []
      : [
          { path: `bronze/orders/dt=${p.key}/orders.csv`, rows: orders, bytes: orders * 48, sha256: 'b'.repeat(64) },
          { path: `gold/daily_sales/dt=${p.key}/daily_sales.csv`, rows: 4, bytes: 167, sha256: 'c'.repeat(64) },
          { path: `quality/dt=${p.key}/quality_report.json`, rows: 143, bytes: 3834, sha256: 'd'.repeat(64) },
        ],
  };
}

async function generate(): Promise<void> {
  const marker = join(root, `generated-${GENERATION}`);
  if (existsSync(marker)) return;
  await rm(root, { recursive: true, force: true });
  const started = performance.now();
  const partitions = partitionRange('daily', 'Asia/Almaty', START, END);
  // Without the index, as an older pipewright wrote them (and each write updating a
  // 3,653-partition index would make generation hours long); buildIndexes() adds it.
  const ledger = new FsLedger(dataRoot, { index: false });
  for (let i = 0; i < PIPELINES; i++) {
    const dag = dagId(i);
    await mkdir(join(pipelinesDir, dag), { recursive: true });
    await writeFile(
      join(pipelinesDir, dag, 'pipeline.yml'),
      contract
        .replace('dag_id: turanmart_daily_sales', `dag_id: ${dag}`)
        .replace('start_date: 2026-05-01', `start_date: ${START}`),
    );
    const records = partitions.flatMap((p, day) =>
      Array.from({ length: RUNS_PER_PARTITION }, (_, n) => record(dag, p, n, day)),
    );
    await mapLimited(records, 64, (r) => ledger.write(r));
    process.stdout.write(`generated ${dag}: ${records.length} run records\r`);
  }
  await writeFile(marker, '');
  console.log(
    `generated ${PIPELINES * partitions.length * RUNS_PER_PARTITION} run records in ${((performance.now() - started) / 1000).toFixed(0)} s (once, kept in bench/.data/site/)`,
  );
}

/**
 * The same records on a state branch of a bare `origin`, committed in one go with
 * plumbing (GitLedger.write would fetch and push 219,180 times). The state branch
 * mirrors the filesystem ledger's `runs/` folder file for file, so the bytes are
 * the ledger's own. The checkout borrows origin's objects, as a fetch would leave them.
 */
function snapshotToStateBranch(): void {
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 }).trim();
  const started = performance.now();
  git(['init', '--quiet', '--bare', origin]);
  const env = { GIT_DIR: origin, GIT_WORK_TREE: join(dataRoot, '_pipewright'), GIT_INDEX_FILE: join(root, 'index') };
  git(['add', 'runs'], env);
  const tree = git(['write-tree'], env);
  const commit = git(
    ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit-tree', tree, '-m', 'bench ledger'],
    { GIT_DIR: origin },
  );
  git(['update-ref', `refs/heads/${BRANCH}`, commit], { GIT_DIR: origin });
  // A state branch fetched from GitHub arrives as a pack, not as 219,180 loose objects.
  git(['repack', '-adq'], { GIT_DIR: origin });
  git(['clone', '--quiet', '--shared', '--no-checkout', origin, checkout]);
  console.log(`committed the ledger to ${BRANCH} in ${((performance.now() - started) / 1000).toFixed(0)} s (once)`);
}

interface Measured {
  wallMs: number;
  cpuMs: number;
  result: Awaited<ReturnType<typeof buildSite>>;
}

async function measure(ledgerFor: (dataRoot: string) => FsLedger | GitLedger): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const pipelines = await loadPipelines(pipelinesDir);
    const result = await buildSite({
      sources: pipelines.map((pipeline) => ({ pipeline, dataRoot, ledger: ledgerFor(dataRoot) })),
      out,
      now: new Date('2026-01-02T00:00:00Z'),
    });
    const used = process.cpuUsage(cpu);
    measured.push({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result });
  }
  return measured.sort((a, b) => a.wallMs - b.wallMs);
}

/**
 * The generated records predate the ledger index (as a ledger written by an older
 * pipewright would): the first read builds it, once, as `plan` or `site` would.
 */
async function buildIndexes(): Promise<void> {
  const started = performance.now();
  const ledger = new FsLedger(dataRoot);
  for (let i = 0; i < PIPELINES; i++) await ledger.latestSummaries(dagId(i));
  console.log(`ledger index ready in ${((performance.now() - started) / 1000).toFixed(1)} s (built once if missing)`);
}

/** The files the contract names beside it (its tasks' runbook), which the contract's checks require. */
async function copyContractFiles(): Promise<void> {
  for (let i = 0; i < PIPELINES; i++)
    await copyFile(join(turanmart, 'runbook.md'), join(pipelinesDir, dagId(i), 'runbook.md'));
}

await generate();
await copyContractFiles();
await buildIndexes();
if (!existsSync(checkout)) snapshotToStateBranch();
const git = new GitLedger({ repoDir: checkout, branch: BRANCH });
const onBranch = await measure(() => git);
const onDisk = await measure((root) => new FsLedger(root));
const result = onBranch[0]!.result;
const ratio = (value: number, target: number) => `${(value / target).toFixed(2)}× the target`;
const line = (name: string, m: Measured[]) => {
  const median = m[Math.floor(m.length / 2)]!;
  return `${name}${(median.wallMs / 1000).toFixed(2)} s wall (median of ${m.length}: ${m.map((x) => (x.wallMs / 1000).toFixed(2)).join(' ')}), ${(median.cpuMs / 1000).toFixed(2)} s CPU; target < 10 s: ${ratio(median.wallMs, BUILD_TARGET_MS)}`;
};
const pages = Object.values(result.pipelineBytes);
const biggestPage = Math.max(...pages);
const gridFile = (await stat(join(out, 'pipelines', dagId(0), 'grid.js'))).size;
const chunk = (await stat(join(out, 'pipelines', dagId(0), 'runs', '2025-12.js'))).size;
const css = (await stat(join(out, 'assets', 'site.css'))).size;
const firstPage = result.indexBytes + css;
console.log(`site:               ${PIPELINES} pipelines × ${START}..${END} daily × ${RUNS_PER_PARTITION} runs`);
console.log(line('build, git branch:  ', onBranch));
console.log(line('build, filesystem:  ', onDisk));
console.log(
  `first page:         ${(firstPage / 1000).toFixed(1)} kB (index.html + site.css, no script); target < 1 MB: ${ratio(firstPage, PAGE_TARGET_BYTES)}`,
);
console.log(
  `pipeline page:      ${(biggestPage / 1000).toFixed(1)} kB (html + grid.js + assets, largest of ${pages.length}); ${ratio(biggestPage, PAGE_TARGET_BYTES)}`,
);
console.log(`  of which grid.js: ${(gridFile / 1000).toFixed(1)} kB`);
console.log(`partition details:  ${(chunk / 1000).toFixed(1)} kB per month, loaded when a partition is opened`);
console.log(`whole site:         ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB`);
const medianOf = (m: Measured[]) => m[Math.floor(m.length / 2)]!;
readmeRow({
  id: 'site',
  benchmark:
    `status site, ${PIPELINES} pipelines × 10 years daily × ${RUNS_PER_PARTITION} runs ` +
    `(target: build < 10 s, first page < 1 MB), median of ${onDisk.length} (\`npm run bench -- site\`)`,
  figure:
    `from the filesystem ledger (the default) **${seconds(medianOf(onDisk).wallMs)}** wall, ${seconds(medianOf(onDisk).cpuMs)} CPU ` +
    `(**${times(medianOf(onDisk).wallMs, BUILD_TARGET_MS)}** the target); from the git state branch ` +
    `${seconds(medianOf(onBranch).wallMs)} (${times(medianOf(onBranch).wallMs, BUILD_TARGET_MS)}); first page ` +
    `${(firstPage / 1000).toFixed(1)} kB (${times(firstPage, PAGE_TARGET_BYTES)}), a pipeline page ` +
    `${(biggestPage / 1000).toFixed(1)} kB, partition details ${(chunk / 1000).toFixed(1)} kB per month, loaded on opening`,
});
