// What pipewright itself costs per partition: a 5-task DAG of no-op handlers in a
// temp pipeline folder, timed as a whole `pipewright run` process (start-up, contract
// load, ledger, lock, report) — median of 5 runs.
//   npm exec -- tsx bench/overhead.ts [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadPipelineById } from '../src/contract/load.js';
import { silentLogger } from '../src/log.js';
import { runPartition } from '../src/run/partition.js';
import { FsLedger } from '../src/store/fs-ledger.js';
import { times as ratio, readmeRow } from './lib/readme-row.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;

const contract = `dag_id: overhead
description: Five no-op tasks, to measure what the executor costs.
owner: bench
tags: [bench]
timezone: UTC
partition: daily
start_date: 2026-05-01
max_active_tasks: 4
outputs:
  quality_report: quality/dt={{ ds }}/quality_report.json
tasks:
  - id: a
    handler: tasks/noop.ts#noop
  - { id: b, upstream: [a], handler: tasks/noop.ts#noop }
  - { id: c, upstream: [a], handler: tasks/noop.ts#noop }
  - { id: d, upstream: [a], handler: tasks/noop.ts#noop }
  - { id: e, upstream: [b, c, d], handler: tasks/noop.ts#noop }
`;

const work = mkdtempSync(path.join(tmpdir(), 'pipewright-bench-'));
const dir = path.join(work, 'pipelines/overhead');
mkdirSync(path.join(dir, 'tasks'), { recursive: true });
writeFileSync(path.join(dir, 'pipeline.yml'), contract);
writeFileSync(path.join(dir, 'tasks/noop.ts'), 'export async function noop(): Promise<void> {}\n');

const node = path.join(repo, 'node_modules/.bin/node');
const bundle = path.join(repo, 'dist/cli/index.js');
const useBundle = existsSync(bundle);
// The loader by absolute URL: the temp project has no node_modules of its own.
const tsx = pathToFileURL(path.join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
const entry = useBundle ? [bundle] : ['--import', tsx, path.join(repo, 'src/cli/index.ts')];

function timeOnce(key: string): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(node, [...entry, 'run', 'overhead', '--date', key, '--data-root', 'data'], {
    cwd: work,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`pipewright run failed (${r.status}):\n${r.stderr}`);
  return ms;
}

// The baseline: the same node binary (and loader) doing nothing, so the difference is ours.
function baselineOnce(): number {
  const started = process.hrtime.bigint();
  spawnSync(node, useBundle ? ['-e', ''] : ['--import', tsx, '-e', ''], { encoding: 'utf8' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

timeOnce('2026-05-20'); // warm the file cache
const times = Array.from({ length: runs }, (_, i) => timeOnce(`2026-05-${String(i + 1).padStart(2, '0')}`));
const base = Array.from({ length: runs }, baselineOnce);

// The executor alone, in this process: lock, records, five imports-and-calls, report.
const pipeline = await loadPipelineById(path.join(work, 'pipelines'), 'overhead');
const dataRoot = path.join(work, 'data-inproc');
const inProcess: number[] = [];
for (let i = 0; i <= runs; i++) {
  const started = process.hrtime.bigint();
  const { record } = await runPartition({
    pipeline,
    partition: `2026-06-${String(i + 1).padStart(2, '0')}`,
    dataRoot,
    trigger: 'manual',
    reason: 'bench',
    ledger: new FsLedger(dataRoot),
    logger: silentLogger,
  });
  if (record.state !== 'success') throw new Error(`in-process run ${record.state}`);
  if (i > 0) inProcess.push(Number(process.hrtime.bigint() - started) / 1e6); // the first one warms imports
}
rmSync(work, { recursive: true, force: true });

console.log(
  `pipewright run, 5-task no-op DAG, ${useBundle ? 'bundled dist/cli/index.js' : 'src via tsx (no dist/ bundle)'}`,
);
console.log(`  runs:                 ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
console.log(`  median wall time:     ${median(times).toFixed(0)} ms`);
console.log(`  node start-up alone:  ${median(base).toFixed(0)} ms (median)`);
console.log(`  pipewright overhead:  ${(median(times) - median(base)).toFixed(0)} ms per partition (5 tasks)`);
console.log(`  executor in-process:  ${median(inProcess).toFixed(1)} ms (runPartition, warm, median)`);
readmeRow({
  id: 'overhead',
  benchmark: `whole \`pipewright run\` process, 5-task DAG of no-op handlers, median of ${runs} (\`npm run bench -- overhead\`)`,
  figure:
    `**${median(times).toFixed(0)} ms** (goal: stay at issue 14's 220 ms: **${ratio(median(times), 220)}**); ` +
    `node start-up alone ${median(base).toFixed(0)} ms (${ratio(median(times), median(base))}); ` +
    `the executor in-process ${median(inProcess).toFixed(1)} ms (\`runPartition\`, warm)`,
});
