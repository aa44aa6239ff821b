// Benchmark: what write–audit–publish costs on a whole TuranMart partition run.
// The same `pipewright run` of a generated daily export (10 M lines by default),
// each side with the CLI bundle and TuranMart task code of its own commit: just
// before partition commits (the reference), the commit that landed them, and
// this tree; each in its own process, interleaved, on a copy of the contract with
// row_count.max raised to 50 M. Goal: partition commits at most 1.10× the
// reference's wall time — publishing links, it never copies.
// Usage: npm exec -- tsx bench/publish.ts [--rows 10000000] [--runs 2] [--reference REF] [--candidate REF]

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateOrders } from './lib/generate-orders.js';
import { readmeRow, seconds, times } from './lib/readme-row.js';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '2' },
    // The last commit before partition commits (staging, versions, journal), and the one that landed them:
    // each side runs the CLI bundle and the TuranMart task code of its own commit.
    reference: { type: 'string', default: '5037ad8' },
    candidate: { type: 'string', default: 'b64078c' },
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
  // Task code imports csv-parse: every side's pipelines folder sees the repository's node_modules.
  symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'));

  /** One side: the CLI bundle and the pipeline (contract and task code) as they were at `ref`, or as they are now. */
  const side = (name: string, ref: string | undefined) => {
    const dir = join(work, name.replace(/\W+/g, '-'));
    mkdirSync(dir);
    if (ref) {
      const archive = execFileSync(
        'git',
        ['archive', ref, 'dist/cli', `pipelines/${DAG}/pipeline.yml`, `pipelines/${DAG}/tasks`],
        {
          cwd: repo,
          maxBuffer: 1 << 30,
        },
      );
      execFileSync('tar', ['-x', '-C', dir], { input: archive });
    } else {
      cpSync(join(repo, 'dist', 'cli'), join(dir, 'dist', 'cli'), { recursive: true });
      cpSync(join(repo, 'pipelines', DAG, 'pipeline.yml'), join(dir, 'pipelines', DAG, 'pipeline.yml'));
      cpSync(join(repo, 'pipelines', DAG, 'tasks'), join(dir, 'pipelines', DAG, 'tasks'), { recursive: true });
    }
    // A row limit that admits the big day.
    const contract = join(dir, 'pipelines', DAG, 'pipeline.yml');
    writeFileSync(contract, readFileSync(contract, 'utf8').replace(/max: \d+ *}/, 'max: 50000000 }'));
    return { name, cli: join(dir, 'dist', 'cli', 'index.js'), pipelines: join(dir, 'pipelines') };
  };
  const sides = [
    side(`before (${values.reference})`, values.reference),
    side(`partition commits (${values.candidate})`, values.candidate),
    side('this tree', undefined),
  ];

  const node = join(repo, 'node_modules', '.bin', 'node');
  const runOnce = ({
    cli,
    pipelines,
  }: {
    cli: string;
    pipelines: string;
  }): Promise<{ wallMs: number; gold: string }> => {
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
      const result = await runOnce(side);
      process.stderr.write(`run ${run + 1}: ${side.name} ${(result.wallMs / 1000).toFixed(2)} s\n`);
      const previous = best.get(side.name);
      if (!previous || result.wallMs < previous.wallMs) best.set(side.name, result);
    }
  }

  const [before, landed, now] = sides.map((s) => best.get(s.name)!);
  console.log(`whole TuranMart partition run, ${rows.toLocaleString('en-US')} lines, best of ${runs}:`);
  for (const side of sides) {
    console.log(`  ${side.name.padEnd(32)} wall ${(best.get(side.name)!.wallMs / 1000).toFixed(2).padStart(7)} s`);
  }
  console.log(`  partition commits / before: ${(landed!.wallMs / before!.wallMs).toFixed(3)} (goal <= 1.10)`);
  console.log(`  this tree / before:         ${(now!.wallMs / before!.wallMs).toFixed(3)}`);
  const same = before!.gold === landed!.gold && landed!.gold === now!.gold;
  console.log(`  gold identical on every side: ${same ? 'yes' : 'NO'}`);
  readmeRow({
    id: 'publish',
    benchmark:
      `write–audit–publish on the whole TuranMart run, ${rows.toLocaleString('en')} lines: each side the CLI bundle and ` +
      `task code of its own commit, interleaved, best of ${runs} (\`npm run bench -- publish\`)`,
    figure:
      `before partition commits (${values.reference}) ${seconds(before!.wallMs)}; the commit that landed them ` +
      `(${values.candidate}) ${seconds(landed!.wallMs)}: **${times(landed!.wallMs, before!.wallMs)}** (goal ≤ 1.10×: ` +
      `publishing links, never copies); this tree ${seconds(now!.wallMs)} (${times(now!.wallMs, before!.wallMs)}); ` +
      `gold ${same ? 'identical on every side' : 'DIFFERENT'}`,
  });
  if (!same) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
