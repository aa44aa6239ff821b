// Cold start of each action bundle: process start to the first output a
// workflow can use (median of 5 runs), as a runner pays it on every step.
// "Usable" means the first write to $GITHUB_OUTPUT (validate's counts, plan's
// matrix) or, for a step given inputs it must refuse, the `::error` that fails
// it: the moment the action has loaded and read its inputs and could start its
// own work. Lines printed before that (a heading, a notice) do not count.
// $GITHUB_OUTPUT is a named pipe here, so the first write is seen the moment it
// happens. Beside each figure: a bare `node -e 0` start, the floor.
// Run `npm run bundle` first; prints one line per bundle.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { times as ratio, readmeRow } from './lib/readme-row.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = path.join(root, 'node_modules', '.bin', 'node');
const RUNS = 11;

// Inputs that make each bundle do its ordinary first step; none needs the network.
const BUNDLES: Record<string, Record<string, string>> = {
  validate: { INPUT_PIPELINES: 'pipelines', 'INPUT_IMPORT-TIMEOUT': '5s' },
  plan: { INPUT_PIPELINE: 'turanmart_daily_sales', INPUT_NOW: '2026-05-04T08:00:00+05:00' },
  'run-partition': { INPUT_PIPELINE: 'turanmart_daily_sales', INPUT_PARTITIONS: 'not-a-key' },
  report: { INPUT_PIPELINE: 'turanmart_daily_sales', INPUT_PARTITIONS: 'not json' },
};

interface Timing {
  ms: number;
  what: 'output' | 'error';
}

function firstUsableOutput(name: string, inputs: Record<string, string>, workspace: string): Promise<Timing> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cold-'));
  const outputPipe = path.join(scratch, 'out');
  const mkfifo = spawnSync('mkfifo', [outputPipe]);
  if (mkfifo.status !== 0) throw new Error(`mkfifo failed: ${mkfifo.stderr}`);
  const env = {
    ...process.env,
    ...inputs,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPipe,
    GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
    PIPEWRIGHT_DATA_ROOT: scratch,
  };
  fs.writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  return new Promise((resolve, reject) => {
    let seen: Timing | undefined;
    const started = process.hrtime.bigint();
    const mark = (what: Timing['what']) => {
      seen ??= { ms: Number(process.hrtime.bigint() - started) / 1e6, what };
    };
    // Opened read-write: the pipe always has a writer (us), so each of the child's appends opens
    // at once and reading never hits the end between them.
    const fd = fs.openSync(outputPipe, fs.constants.O_RDWR);
    const reader = fs.createReadStream('', { fd });
    reader.once('data', () => mark('output'));
    reader.on('error', () => {});
    const child = spawn(node, [path.join(root, 'dist', name, 'index.js')], { cwd: workspace, env });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (/^::error/m.test(stdout)) mark('error');
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => {
      // A byte of our own ends the read still waiting on the pipe; destroying the stream closes it.
      fs.writeSync(fd, '\n');
      reader.destroy();
      fs.rmSync(scratch, { recursive: true, force: true });
      if (seen === undefined) reject(new Error(`${name} wrote no output and no error:\n${stdout}`));
      else resolve(seen);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bareNodeMs(): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    spawnSync(node, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

// The goals of issue 14: validate and plan ≤ 100 ms (on a one-pipeline repository), run-partition and report ≤ 200 ms.
const GOAL_MS: Record<string, number> = { validate: 100, plan: 100, 'run-partition': 200, report: 200 };
const figures: string[] = [];

// A one-pipeline repository as `pipewright init` scaffolds it (one TypeScript handler), beside this one
// (the two TuranMart pipelines, four handlers).
const scaffold = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cold-repo-'));
fs.writeFileSync(path.join(scaffold, 'package.json'), '{ "private": true, "type": "module" }\n');
const init = spawnSync(node, [path.join(root, 'dist', 'cli', 'index.js'), 'init', 'web_sessions'], { cwd: scaffold });
if (init.status !== 0) throw new Error(`pipewright init failed: ${init.stderr}`);
process.on('exit', () => fs.rmSync(scaffold, { recursive: true, force: true }));

// validate keeps results in node_modules/.cache/pipewright: a fresh checkout has none, a cached one has them.
const cacheOf = (workspace: string) => path.join(workspace, 'node_modules', '.cache', 'pipewright');

const floor = bareNodeMs();
console.log(`${'node -e 0'.padEnd(31)} exits after ${floor.toFixed(0).padStart(4)} ms (median of ${RUNS}): the floor`);
const runs = Object.entries(BUNDLES).flatMap(([name, inputs]) =>
  name === 'validate'
    ? [
        { name, label: 'validate, one pipeline', inputs, workspace: scaffold, freshCache: true },
        { name, label: 'validate, one pipeline, cached', inputs, workspace: scaffold, freshCache: false },
        { name, label: 'validate, TuranMart', inputs, workspace: root, freshCache: true },
        { name, label: 'validate, TuranMart, cached', inputs, workspace: root, freshCache: false },
      ]
    : [{ name, label: name, inputs, workspace: root, freshCache: false }],
);
for (const { name, label, inputs, workspace, freshCache } of runs) {
  const bundle = path.join(root, 'dist', name, 'index.js');
  if (!fs.existsSync(bundle)) {
    console.log(`${name.padEnd(14)} missing: run npm run bundle`);
    continue;
  }
  const timings: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (freshCache) fs.rmSync(cacheOf(workspace), { recursive: true, force: true });
    timings.push(await firstUsableOutput(name, inputs, workspace));
  }
  const times = timings.map((t) => t.ms);
  const ms = median(times);
  // The entry alone: validate's starts its import process, then loads the rest of itself as a chunk.
  const kib = Math.round(fs.statSync(bundle).size / 1024);
  console.log(
    `${label.padEnd(31)} first ${timings[0]!.what.padEnd(6)} after ${ms.toFixed(0).padStart(4)} ms ` +
      `(median of ${RUNS}; min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; ` +
      `${(ms / floor).toFixed(1)}x node -e 0), entry ${kib} KiB`,
  );
  const goal = GOAL_MS[name]!;
  figures.push(
    `${label} **${ms.toFixed(0)} ms** (goal ≤ ${goal} ms: **${ratio(ms, goal)}**; ${ratio(ms, floor)} \`node -e 0\`)`,
  );
}
readmeRow({
  id: 'cold-start',
  benchmark:
    `action cold start: process start to the first output a workflow uses (\`$GITHUB_OUTPUT\`, or the \`::error\` ` +
    `of a refused input), median of ${RUNS} (\`npm run bundle && npm run bench -- cold-start\`)`,
  figure: `${figures.join('; ')}; \`node -e 0\` ${floor.toFixed(0)} ms. validate of a fresh checkout (no cache: it imports the handlers in a child process) and with the cache of the run before, on the repository \`pipewright init\` scaffolds (one pipeline, one TypeScript handler) and on this one (TuranMart: two pipelines, four handlers)`,
});
