// Benchmark: a whole `pipewright run` of a TuranMart partition (sensor, ingest
// from the raw export, bronze checks, gold, quality report, manifests, ledger)
// against DuckDB computing the same gold from the same raw export. Each side is
// its own process, timed from spawn to exit, peak RSS read by the same preload.
// Gold files must be identical.
//   npm exec -- tsx bench/partition-run.ts [--rows 1000000,10000000] [--ids rising,shuffled,padded,duplicated] [--runs 1]
// 30 M lines take about 6 GB of disk: pass --rows 30000000 by hand, not in CI.

import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOrders, ID_SHAPES, type IdShape } from './lib/generate-orders.js';
import { type Measured, measure } from './lib/measure.js';
import { mebibytes, readmeRow, seconds, times } from './lib/readme-row.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const tsx = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
// The command users run (bin/pipewright.js loads the committed bundle); from source through tsx
// only when there is no bundle, which adds the transpiler's start to every run.
const cli = existsSync(join(repo, 'dist', 'cli', 'index.js'))
  ? [join(repo, 'bin', 'pipewright.js')]
  : ['--import', tsx, join(repo, 'src', 'cli', 'index.ts')];
const DS = '2026-05-01';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000,10000000' },
    ids: { type: 'string', default: ID_SHAPES.join(',') },
    runs: { type: 'string', default: '1' },
  },
});
const sizes = values.rows.split(',').map(Number);
const shapes = values.ids.split(',') as IdShape[];
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  throw new Error('--rows takes positive integers separated by commas, --runs a positive integer');
}
for (const shape of shapes) {
  if (!ID_SHAPES.includes(shape)) throw new Error(`unknown --ids ${shape} (have: ${ID_SHAPES.join(', ')})`);
}

const dataDir = join(repo, 'bench', '.data');
const rows: string[] = [];
const lines: string[] = [];
for (const size of sizes) {
  const figures: string[] = [];
  let sameAll = true;
  const megabytesSeen: number[] = [];
  for (const shape of shapes) {
    const raw = join(dataDir, `raw-${shape}-${size}.csv`);
    if (!existsSync(raw)) {
      process.stderr.write(`generating ${size} ${shape} order lines into ${raw} (cached for later runs)...\n`);
      await generateOrders(raw, size, { ds: DS, ids: shape });
    }
    const megabytes = statSync(raw).size / 1e6;
    let ours: Measured | undefined;
    let duck: Measured | undefined;
    let same = true;
    for (let run = 0; run < runs; run++) {
      // A fresh data root per run holding only the raw export (a hard link: no copy to time).
      const root = join(dataDir, `root-${shape}-${size}`);
      rmSync(root, { recursive: true, force: true });
      const rawTarget = join(root, 'raw', 'orders', `dt=${DS}`, 'orders.csv');
      mkdirSync(dirname(rawTarget), { recursive: true });
      linkSync(raw, rawTarget);
      const duckGold = join(dataDir, `gold-duckdb-${shape}-${size}.csv`);
      const side = await measure(
        [...cli, 'run', 'turanmart_daily_sales', '--date', DS, '--data-root', root, '--reason', 'benchmark'],
        'pipewright',
      );
      const reference = await measure(
        ['--import', tsx, join(repo, 'bench', 'lib', 'run-side.ts'), 'duckdb', raw, duckGold],
        'duckdb',
      );
      const gold = readFileSync(join(root, 'gold', 'daily_sales', `dt=${DS}`, 'daily_sales.csv'), 'utf8');
      same &&= gold === readFileSync(duckGold, 'utf8');
      rmSync(root, { recursive: true, force: true });
      if (!ours || side.wallMs < ours.wallMs) ours = side;
      if (!duck || reference.wallMs < duck.wallMs) duck = reference;
    }
    const o = ours!;
    const d = duck!;
    const wallRatio = o.wallMs / d.wallMs;
    const cpuRatio = o.cpuMs / d.cpuMs;
    const rssRatio = o.maxRssKb / d.maxRssKb;
    const mib = (kb: number) => (kb / 1024).toFixed(0);
    const sec = (ms: number) => (ms / 1000).toFixed(2);
    lines.push(
      `${size.toLocaleString('en').padStart(10)} ${shape.padEnd(10)} (${megabytes.toFixed(0)} MB)  ` +
        `pipewright run wall ${sec(o.wallMs).padStart(6)} s cpu ${sec(o.cpuMs).padStart(6)} s ${mib(o.maxRssKb).padStart(5)} MiB   ` +
        `DuckDB wall ${sec(d.wallMs).padStart(6)} s cpu ${sec(d.cpuMs).padStart(6)} s ${mib(d.maxRssKb).padStart(5)} MiB   ` +
        `ratio wall ${wallRatio.toFixed(2)}x cpu ${cpuRatio.toFixed(2)}x RSS ${rssRatio.toFixed(2)}x   ` +
        `gold ${same ? 'identical' : 'DIFFERENT'}`,
    );
    process.stdout.write(`${lines.at(-1)}\n`);
    rows.push(
      `| ${size.toLocaleString('en')} | ${shape} | ${sec(o.wallMs)} s | ${sec(o.cpuMs)} s | ${mib(o.maxRssKb)} MiB | ` +
        `${sec(d.wallMs)} s | ${sec(d.cpuMs)} s | ${mib(d.maxRssKb)} MiB | ` +
        `${wallRatio.toFixed(2)}× | ${cpuRatio.toFixed(2)}× | ${rssRatio.toFixed(2)}× |`,
    );
    figures.push(
      `${shape} ${seconds(o.wallMs)} wall / ${seconds(o.cpuMs)} CPU / ${mebibytes(o.maxRssKb)} vs DuckDB ` +
        `${seconds(d.wallMs)} / ${seconds(d.cpuMs)} / ${mebibytes(d.maxRssKb)}: **${times(o.wallMs, d.wallMs)} wall**, ` +
        `${times(o.cpuMs, d.cpuMs)} CPU, ${times(o.maxRssKb, d.maxRssKb)} memory`,
    );
    sameAll &&= same;
    megabytesSeen.push(megabytes);
    if (!same) process.exitCode = 1;
  }
  const mb = `${Math.min(...megabytesSeen).toFixed(0)}–${Math.max(...megabytesSeen).toFixed(0)} MB`;
  readmeRow({
    id: `partition-run-${size}`,
    benchmark:
      `whole \`pipewright run\` (bin/pipewright.js, the bundle) of a TuranMart partition (sensor, ingest, checks, gold, report, manifests, ledger), ` +
      `${size.toLocaleString('en')} lines (${mb}), vs DuckDB computing the gold from the same raw export; best of ${runs} ` +
      `(\`npm run bench -- partition-run -- --rows ${size}\`${size > 10_000_000 ? ', by hand: about 6 GB of disk' : ''})`,
    figure: `${figures.join('; ')}; gold ${sameAll ? 'identical' : 'DIFFERENT'} (goal ≤ 3× wall, memory ≤ DuckDB's)`,
  });
}
process.stdout.write(
  '\nREADME rows (lines | ids | run wall | run CPU | run RSS | DuckDB wall | DuckDB CPU | DuckDB RSS | wall, CPU, RSS ratios):\n' +
    `${rows.join('\n')}\n`,
);
