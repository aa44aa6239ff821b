// Benchmark: a whole `pipewright run` of a TuranMart partition with the data
// root in a bucket (versitygw, an S3 gateway over a folder, on loopback) against
// the same run with the data root on the filesystem, the named reference. Each
// run is its own process, timed from spawn to exit, peak RSS read by the same
// preload. The raw export is uploaded before the clock starts. Gold must be
// byte-identical; RSS at two sizes shows whether memory stays flat in the size.
// The server's own CPU during the bucket run is printed beside the runner's: on a
// busy machine the work the server does alongside the run costs wall time too.
// Each size runs both sides `--repeat` times (default 3), alternating; the runs with
// the median wall are reported, every wall beside them.
//   npm exec -- tsx bench/object-store.ts [--rows 1000000,10000000] [--repeat 3]
// Stays out of CI (10 M lines: about 600 MB up and down through loopback).

import { createReadStream, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Upload } from '@aws-sdk/lib-storage';
import { dataRootLedger, openDataRoot } from '../src/store/data-root.js';
import { s3ClientFor, startVersitygw } from '../test/support/versitygw.js';
import { generateOrders } from './lib/generate-orders.js';
import { type Measured, measure } from './lib/measure.js';
import { mebibytes, readmeRow, seconds, times } from './lib/readme-row.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const tsx = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const DS = '2026-05-01';
const RAW = `raw/orders/dt=${DS}/orders.csv`;
const GOLD = `gold/daily_sales/dt=${DS}/daily_sales.csv`;

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000,10000000' }, repeat: { type: 'string', default: '3' } },
});
const sizes = values.rows.split(',').map(Number);
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a positive integer');
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--rows takes positive integers');

const dataDir = join(repo, 'bench', '.data');
mkdirSync(dataDir, { recursive: true });
const server = await startVersitygw({ buckets: ['bench'] });
const client = s3ClientFor(server);
// This process reads each run's record from the bucket's ledger.
Object.assign(process.env, server.env);
const sec = (ms: number) => (ms / 1000).toFixed(2);
const mib = (kb: number) => (kb / 1024).toFixed(0);
try {
  for (const size of sizes) {
    const raw = join(dataDir, `raw-rising-${size}.csv`);
    if (!existsSync(raw)) {
      process.stderr.write(`generating ${size} order lines into ${raw} (cached for later runs)...\n`);
      await generateOrders(raw, size, { ds: DS, ids: 'rising' });
    }
    const megabytes = statSync(raw).size / 1e6;

    // The command users run (the committed bundle); from source through tsx only without one.
    const cli = existsSync(join(repo, 'dist', 'cli', 'index.js'))
      ? [join(repo, 'bin', 'pipewright.js')]
      : ['--import', tsx, join(repo, 'src', 'cli', 'index.ts')];
    const args = ['run', 'turanmart_daily_sales', '--date', DS, '--reason', 'benchmark', '--data-root'];
    // Each round runs both sides, one after the other; the run with the median wall of each side is reported.
    const folderRuns: Array<Measured & { phases: string }> = [];
    const bucketRuns: Array<Measured & { phases: string; serverMs: number }> = [];
    let same = true;
    for (let round = 1; round <= repeat; round++) {
      const root = join(dataDir, `root-object-store-${size}`);
      rmSync(root, { recursive: true, force: true });
      mkdirSync(dirname(join(root, RAW)), { recursive: true });
      linkSync(raw, join(root, RAW));
      const fs = await measure([...cli, ...args, root], 'folder');
      folderRuns.push({ ...fs, phases: await phasesOf(root, fs.spawnedAt, fs.wallMs) });
      // The folder run's outputs go before the bucket run, as the bucket run's go before the next round.
      const gold = readFileSync(join(root, GOLD));
      rmSync(root, { recursive: true, force: true });

      const prefix = `run-${size}-${round}`;
      await new Upload({
        client,
        params: { Bucket: 'bench', Key: `${prefix}/${RAW}`, Body: createReadStream(raw) },
      }).done();
      const serverBefore = cpuMsOf(server.pid);
      const bucket = await measure([...cli, ...args, `s3://bench/${prefix}`], 'bucket', server.env);
      const serverMs = cpuMsOf(server.pid) - serverBefore;
      bucketRuns.push({
        ...bucket,
        serverMs,
        phases: await phasesOf(`s3://bench/${prefix}`, bucket.spawnedAt, bucket.wallMs),
      });
      same &&= gold.equals(readFileSync(join(server.root, 'bench', prefix, GOLD)));
      rmSync(join(server.root, 'bench', prefix), { recursive: true, force: true });
    }
    const fs = medianRun(folderRuns);
    const bucket = medianRun(bucketRuns);
    const walls = (runs: Measured[]) => runs.map((run) => sec(run.wallMs)).join(', ');
    const rounds =
      repeat > 1
        ? ` Median of ${repeat} rounds (walls, s: bucket ${walls(bucketRuns)}; filesystem ${walls(folderRuns)}).`
        : '';
    if (!same) process.exitCode = 1;
    readmeRow({
      id: `object-store-${size}`,
      benchmark:
        `the data root in a bucket (versitygw on loopback) vs on the filesystem (the reference): a whole TuranMart ` +
        `\`pipewright run\` (bin/pipewright.js), ${size.toLocaleString('en')} lines (${megabytes.toFixed(0)} MB) ` +
        `(\`npm run bench -- object-store -- --rows ${size}\`)`,
      figure:
        `bucket **${seconds(bucket.wallMs)}** wall / ${seconds(bucket.cpuMs)} CPU (+ versitygw ${seconds(bucket.serverMs)}) / ` +
        `${mebibytes(bucket.maxRssKb)} vs filesystem ${seconds(fs.wallMs)} / ${seconds(fs.cpuMs)} / ${mebibytes(fs.maxRssKb)}: ` +
        `**${times(bucket.wallMs, fs.wallMs)} wall** (goal ≤ 1.5×), ${times(bucket.maxRssKb, fs.maxRssKb)} memory; ` +
        `gold ${same ? 'identical' : 'DIFFERENT'}. Where the wall goes (s): bucket ${bucket.phases}; filesystem ${fs.phases}.${rounds}`,
    });
    process.stdout.write(
      `${size.toLocaleString('en').padStart(10)} lines (${megabytes.toFixed(0)} MB)  ` +
        `bucket wall ${sec(bucket.wallMs).padStart(6)} s cpu ${sec(bucket.cpuMs).padStart(6)} s (+ server ${sec(bucket.serverMs)} s) ${mib(bucket.maxRssKb).padStart(5)} MiB   ` +
        `folder wall ${sec(fs.wallMs).padStart(6)} s cpu ${sec(fs.cpuMs).padStart(6)} s ${mib(fs.maxRssKb).padStart(5)} MiB   ` +
        `ratio wall ${(bucket.wallMs / fs.wallMs).toFixed(2)}x RSS ${(bucket.maxRssKb / fs.maxRssKb).toFixed(2)}x   ` +
        `gold ${same ? 'identical' : 'DIFFERENT'}\n` +
        `${' '.repeat(10)} where the wall goes (s): bucket ${bucket.phases}\n${' '.repeat(10)}                           folder ${fs.phases}\n` +
        (repeat > 1 ? `${' '.repeat(10)} walls (s): bucket ${walls(bucketRuns)}; folder ${walls(folderRuns)}\n` : ''),
    );
  }
} finally {
  client.destroy();
  await server.stop();
}

/**
 * The run's wall split by its ledger record (read through the ledger, as `pipewright status` does): from spawn
 * to the first task, each task, and from the last task to the process's exit (publish, ledger, report).
 */
async function phasesOf(dataRoot: string, spawned: number, wallMs: number): Promise<string> {
  const ledger = await dataRootLedger(await openDataRoot(dataRoot));
  const record = (await ledger.runs('turanmart_daily_sales', DS)).at(-1);
  const tasks = record?.tasks ?? [];
  const first = tasks[0]?.startedAt;
  if (!record || first === undefined) return 'no run record';
  const parts = [`start ${sec(Date.parse(first) - spawned)}`];
  for (const task of tasks) if (task.durationMs >= 100) parts.push(`${task.id} ${sec(task.durationMs)}`);
  const last = tasks.at(-1);
  const tasksEnd = Date.parse(last?.startedAt ?? first) + (last?.durationMs ?? 0);
  parts.push(`after the tasks ${sec(spawned + wallMs - tasksEnd)}`);
  return parts.join(', ');
}

/** The run with the median wall (the later of the two middle ones for an even count). */
function medianRun<T extends Measured>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor(sorted.length / 2)] as T;
}

/** User + system CPU of a process so far (Linux /proc; clock ticks of 10 ms): versitygw's share of a bucket run. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
