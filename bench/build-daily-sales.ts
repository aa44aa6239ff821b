// Benchmark: build_daily_sales (pipewright's streaming aggregation) against
// DuckDB on the same daily partition, each in its own process, measured the
// same way (wall time from spawn to exit, peak RSS from resourceUsage).
// Usage: npm exec -- tsx bench/build-daily-sales.ts [--rows 10000000] [--runs 1]

import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOrders } from './lib/generate-orders.js';
import { mebibytes, readmeRow, seconds, times } from './lib/readme-row.js';

interface SideResult {
  side: string;
  lines: number;
  workMs: number;
  maxRssKb: number;
  wallMs: number;
}

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: { rows: { type: 'string', default: '10000000' }, runs: { type: 'string', default: '1' } },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) {
  throw new Error('--rows and --runs take positive integers');
}

const dataDir = join(repo, 'bench', '.data');
const input = join(dataDir, `orders-${rows}.csv`);
await mkdir(dataDir, { recursive: true });
if (!existsSync(input)) {
  process.stderr.write(`generating ${rows} order lines into ${input} (cached for later runs)...\n`);
  await generateOrders(input, rows);
}
const megabytes = statSync(input).size / 1e6;

/** Runs one side in a fresh Node process and times it from spawn to exit. */
function runSide(side: string, output: string): Promise<SideResult> {
  const node = join(repo, 'node_modules', '.bin', 'node');
  const started = performance.now();
  const child = spawn(node, ['--import', 'tsx', join(repo, 'bench', 'lib', 'run-side.ts'), side, input, output], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`${side} exited with ${code}`));
      resolve({ ...(JSON.parse(stdout) as Omit<SideResult, 'wallMs'>), wallMs });
    });
  });
}

const best = new Map<string, SideResult>();
for (let run = 0; run < runs; run++) {
  for (const side of ['pipewright', 'duckdb']) {
    const result = await runSide(side, join(dataDir, `daily_sales-${side}.csv`));
    const previous = best.get(side);
    if (!previous || result.wallMs < previous.wallMs) best.set(side, result);
  }
}

const ours = best.get('pipewright')!;
const duck = best.get('duckdb')!;
const same =
  (await readFile(join(dataDir, 'daily_sales-pipewright.csv'), 'utf8')) ===
  (await readFile(join(dataDir, 'daily_sales-duckdb.csv'), 'utf8'));

// Both sides read the same file; DuckDB's COPY does not report the lines it read.
const line = (r: SideResult): string =>
  `${r.side.padEnd(11)} wall ${(r.wallMs / 1000).toFixed(2).padStart(6)} s  work ${(r.workMs / 1000).toFixed(2).padStart(6)} s  ` +
  `${(((ours.lines / r.workMs) * 1000) / 1e6).toFixed(2).padStart(6)} M rows/s  peak RSS ${(r.maxRssKb / 1024).toFixed(0).padStart(5)} MiB`;
process.stdout.write(
  `build_daily_sales on ${rows.toLocaleString('en')} order lines (${megabytes.toFixed(0)} MB), best of ${runs}\n` +
    `${line(ours)}\n${line(duck)}\n` +
    `ratio       wall ${(ours.wallMs / duck.wallMs).toFixed(2)}x DuckDB   peak RSS ${(ours.maxRssKb / duck.maxRssKb).toFixed(2)}x DuckDB\n` +
    `outputs     ${same ? 'identical' : 'DIFFERENT'}\n`,
);
readmeRow({
  id: 'build-daily-sales',
  benchmark:
    `the gold handler \`build_daily_sales\` alone, ${rows.toLocaleString('en')} order lines (${megabytes.toFixed(0)} MB), ` +
    `vs DuckDB (\`@duckdb/node-api\`, same file, same query), best of ${runs} (\`npm run bench -- build-daily-sales\`)`,
  figure:
    `${seconds(ours.wallMs)}, ${mebibytes(ours.maxRssKb)} peak RSS; DuckDB ${seconds(duck.wallMs)}, ${mebibytes(duck.maxRssKb)}: ` +
    `**${times(ours.wallMs, duck.wallMs)} DuckDB's wall at ${times(ours.maxRssKb, duck.maxRssKb)} its memory**; ` +
    `outputs ${same ? 'identical' : 'DIFFERENT'}`,
});
if (!same) process.exitCode = 1;
