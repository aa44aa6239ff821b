// Cold start of each action bundle: process start to its first line of output
// (the median of 5 runs), as a runner pays it on every step. Run
// `npm run build` first; prints one line per bundle.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = path.join(root, 'node_modules', '.bin', 'node');
const RUNS = 5;

// Inputs that make each bundle do its ordinary first step; none needs the network.
const BUNDLES: Record<string, Record<string, string>> = {
  validate: { INPUT_PIPELINES: 'pipelines', 'INPUT_IMPORT-TIMEOUT': '5s' },
  plan: { INPUT_PIPELINE: 'turanmart_daily_sales', INPUT_NOW: '2026-05-04T08:00:00+05:00' },
  'run-partition': { INPUT_PIPELINE: 'turanmart_daily_sales', INPUT_PARTITIONS: 'not-a-key' },
  report: { INPUT_PIPELINE: 'turanmart_daily_sales', INPUT_PARTITIONS: 'not json' },
};

function firstOutputMs(name: string, inputs: Record<string, string>): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cold-'));
  const env = {
    ...process.env,
    ...inputs,
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: path.join(scratch, 'out'),
    GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
    PIPEWRIGHT_DATA_ROOT: scratch,
  };
  fs.writeFileSync(env.GITHUB_OUTPUT, '');
  fs.writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(node, [path.join(root, 'dist', name, 'index.js')], { cwd: root, env });
    let seen: number | undefined;
    const first = () => {
      seen ??= Number(process.hrtime.bigint() - started) / 1e6;
    };
    child.stdout.once('data', first);
    child.stderr.once('data', first);
    child.on('error', reject);
    child.on('close', () => (seen === undefined ? reject(new Error(`${name} printed nothing`)) : resolve(seen)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const [name, inputs] of Object.entries(BUNDLES)) {
  const bundle = path.join(root, 'dist', name, 'index.js');
  if (!fs.existsSync(bundle)) {
    console.log(`${name.padEnd(14)} missing: run npm run build`);
    continue;
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstOutputMs(name, inputs));
  const kib = Math.round(fs.statSync(bundle).size / 1024);
  console.log(
    `${name.padEnd(14)} first output after ${median(times).toFixed(0).padStart(4)} ms (median of ${RUNS}; min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms), bundle ${kib} KiB`,
  );
}
