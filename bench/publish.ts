// Benchmark: what write–audit–publish costs on a whole TuranMart partition run.
// The same `pipewright run` of a generated daily export (10 M lines by default)
// with the CLI bundle of this tree against the bundle committed just before
// partition commits landed (the reference), each in its own process,
// interleaved, on a copy of the contract with row_count.max raised to 50 M.
// Goal: at most 1.10× the reference's wall time — publishing links, it never copies.
// Usage: npm exec -- tsx bench/publish.ts [--rows 10000000] [--runs 2] [--reference <git ref>]

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOrders } from './lib/generate-orders.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '2' },
    // The last commit before partition commits (staging, versions, journal).
    reference: { type: 'string', default: '4f30bef' },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(runs) || runs < 1) {
  throw new Error('--rows and --runs take positive integers');
}

const DAG = 'turanmart_daily_sales';
const KEY = '2026-05-01';
const dataDir = join(repo, 'bench', '.data');
const input = join(dataDir, `orders-${rows}.csv`);
if (!existsSync(input)) {
  process.stderr.write(`generating ${rows} order lines into ${input} (cached for later runs)...\n`);
  await generateOrders(input, rows);
}

const work = mkdtempSync(join(tmpdir(), 'pipewright-bench-publish-'));
try {
  // The contract and task code, with a row limit that admits the big day.
  const pipelines = join(work, 'pipelines');
  cpSync(join(repo, 'pipelines', DAG, 'pipeline.yml'), join(pipelines, DAG, 'pipeline.yml'));
  cpSync(join(repo, 'pipelines', DAG, 'tasks'), join(pipelines, DAG, 'tasks'), { recursive: true });
  const contract = join(pipelines, DAG, 'pipeline.yml');
  writeFileSync(contract, readFileSync(contract, 'utf8').replace(/max: \d+ *}/, 'max: 50000000 }'));

  // The reference CLI: the bundle committed at the reference commit (dist/ is committed).
  const referenceDir = join(work, 'reference');
  mkdirSync(referenceDir);
  const archive = execFileSync('git', ['archive', values.reference, 'dist/cli'], { cwd: repo, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', referenceDir], { input: archive });
  const sides = [
    { name: `reference (${values.reference})`, cli: join(referenceDir, 'dist', 'cli', 'index.js') },
    { name: 'this tree', cli: join(repo, 'dist', 'cli', 'index.js') },
  ];

  const node = join(repo, 'node_modules', '.bin', 'node');
  const runOnce = (cli: string): Promise<{ wallMs: number; gold: string }> => {
    const root = join(work, 'root');
    rmSync(root, { recursive: true, force: true });
    const raw = join(root, `raw/orders/dt=${KEY}/orders.csv`);
    mkdirSync(dirname(raw), { recursive: true });
    linkSync(input, raw); // both sides read the same bytes; nothing copied
    const started = performance.now();
    const child = spawn(node, [cli, 'run', DAG, '--date', KEY, '--pipelines', pipelines, '--data-root', root], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    return new Promise((resolve, reject) => {
      child.on('close', (code) => {
        const wallMs = performance.now() - started;
        if (code !== 0) return reject(new Error(`${cli} exited ${code}: ${stderr.slice(-2000)}`));
        const gold = readFileSync(join(root, `gold/daily_sales/dt=${KEY}/daily_sales.csv`));
        resolve({ wallMs, gold: createHash('sha256').update(gold).digest('hex') });
      });
    });
  };

  const best = new Map<string, { wallMs: number; gold: string }>();
  for (let run = 0; run < runs; run++) {
    // Alternate which side goes first, so a warm page cache favours neither.
    for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
      const result = await runOnce(side.cli);
      process.stderr.write(`run ${run + 1}: ${side.name} ${(result.wallMs / 1000).toFixed(2)} s\n`);
      const previous = best.get(side.name);
      if (!previous || result.wallMs < previous.wallMs) best.set(side.name, result);
    }
  }

  const reference = best.get(sides[0]!.name)!;
  const ours = best.get(sides[1]!.name)!;
  console.log(`whole TuranMart partition run, ${rows.toLocaleString('en-US')} lines, best of ${runs}:`);
  for (const side of sides) {
    console.log(`  ${side.name.padEnd(22)} wall ${(best.get(side.name)!.wallMs / 1000).toFixed(2).padStart(7)} s`);
  }
  const ratio = ours.wallMs / reference.wallMs;
  console.log(`  ratio this tree / reference: ${ratio.toFixed(3)} (goal <= 1.10)`);
  console.log(`  gold identical: ${ours.gold === reference.gold ? 'yes' : 'NO'}`);
  if (ours.gold !== reference.gold) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
