// How long `validate` takes on a large repository: 1,000 contracts of 50 tasks
// (no handlers, so no child processes), validated in one validatePaths call:
// first with an empty cache, then again with the cache the first run left (the
// steady state of a repository where few contracts change), then without one,
// then without one with the contract worker (which starts by itself only with 4
// cores or more), to see what a second thread does on this machine.
// Run: npm exec -- tsx bench/validate.ts [contracts] [tasks]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ThreadOptions } from '../src/contract/check-threads.js';
import { validatePaths } from '../src/contract/load.js';
import { workerFile } from '../src/worker-file.js';
import { readmeRow, seconds, times } from './lib/readme-row.js';

const contracts = Number(process.argv[2] ?? 1_000);
const tasksPer = Number(process.argv[3] ?? 50);

function contract(dagId: string): string {
  const tasks: string[] = [];
  for (let t = 0; t < tasksPer; t++) {
    // A layered DAG: each task depends on one or two earlier ones.
    const upstream = t === 0 ? [] : [`task_${Math.floor((t - 1) / 2)}`, ...(t > 2 ? [`task_${t - 2}`] : [])];
    tasks.push(
      `  - id: task_${t}\n` +
        (upstream.length ? `    upstream: [${[...new Set(upstream)].join(', ')}]\n` : '') +
        (t % 10 === 9 ? '    retries: 1\n    timeout: 10m\n' : '') +
        `    command: [python, -m, steps.s${t}, "{{ inputs.raw }}", "{{ outputs.out }}", "--ds={{ ds }}"]\n`,
    );
  }
  return `dag_id: ${dagId}
description: Generated pipeline ${dagId}.
owner: bench
tags: [bench]
schedule: "0 6 * * *"
timezone: Asia/Almaty
partition: daily
start_date: 2026-05-01
catchup: true
defaults:
  retries: 2
  retry_delay: 30s
  retry_backoff: exponential
inputs:
  raw: raw/${dagId}/dt={{ ds }}/data.csv
outputs:
  out: gold/${dagId}/dt={{ ds }}/data.csv
tasks:
${tasks.join('')}`;
}

const root = mkdtempSync(join(tmpdir(), 'pw-bench-validate-'));
try {
  const started = performance.now();
  for (let i = 0; i < contracts; i++) {
    const dagId = `bench_pipeline_${i}`;
    mkdirSync(join(root, dagId));
    writeFileSync(join(root, dagId, 'pipeline.yml'), contract(dagId));
  }
  const generated = performance.now();
  const cacheDir = join(root, '.cache');
  const splits: string[] = [];
  const threads: ThreadOptions = {
    onSplit: ({ here, worker }) => splits.push(worker ? `${here} here + ${worker} on the worker` : `${here} here`),
  };
  const result = await validatePaths([root], { checkImports: false, cacheDir, threads });
  const done = performance.now();
  if (result.pipelines.length !== contracts || result.diagnostics.length)
    throw new Error(
      `expected ${contracts} clean contracts, got ${result.pipelines.length} and ${result.diagnostics.length} diagnostics`,
    );

  const cachedStart = performance.now();
  await validatePaths([root], { checkImports: false, cacheDir, threads });
  const cached = performance.now() - cachedStart;

  // Without a cache, with a warm JIT: what a changed repository costs per contract.
  const again = performance.now();
  await validatePaths([root], { checkImports: false, cacheDir: false, threads });
  const warm = performance.now() - again;

  // The same with the worker named, so it starts on any machine (by default only with 4 cores or more).
  const workerUrl = workerFile('contract/contract-worker.ts', 'contract-worker');
  const both = performance.now();
  await validatePaths([root], { checkImports: false, cacheDir: false, threads: { ...threads, workerUrl } });
  const twoThreads = performance.now() - both;

  const total = done - generated;
  const goal = 1000;
  console.log(`contracts:              ${contracts} x ${tasksPer} tasks`);
  console.log(`generate:               ${(generated - started).toFixed(0)} ms`);
  const ofGoal = (ms: number) => `${(ms / goal).toFixed(2)}x the ${goal} ms goal`;
  console.log(`validatePaths cold:     ${total.toFixed(0)} ms (first call, empty cache: ${ofGoal(total)})`);
  console.log(`validatePaths cached:   ${cached.toFixed(0)} ms (unchanged contracts: ${ofGoal(cached)})`);
  console.log(`validatePaths no cache: ${warm.toFixed(0)} ms (warm process, every contract parsed: ${ofGoal(warm)})`);
  console.log(
    `  with the worker:      ${twoThreads.toFixed(0)} ms (no cache, two threads on ${availableParallelism()} cores: ${(twoThreads / warm).toFixed(2)}x the line above)`,
  );
  console.log(
    `contracts checked:      cold ${splits[0]}; cached ${splits[1]}; no cache ${splits[2]}; with the worker ${splits[3]}`,
  );
  console.log(
    `per contract:           ${(warm / contracts).toFixed(2)} ms parsed, ${(cached / contracts).toFixed(3)} ms cached`,
  );
  readmeRow({
    id: 'validate',
    benchmark: `validate ${contracts.toLocaleString('en')} generated contracts of ${tasksPer} tasks (no handlers), in one process (\`npm run bench -- validate\`)`,
    figure:
      `empty cache **${seconds(total)}** (goal < 1 s: **${times(total, goal)}**); ` +
      `unchanged contracts, from \`node_modules/.cache/pipewright\`, ${seconds(cached)} (${times(cached, goal)}); ` +
      `every contract parsed in a warm process ${seconds(warm)}, ${(warm / contracts).toFixed(2)} ms per contract (${times(warm, goal)}); ` +
      `with the contract worker on ${availableParallelism()} cores ${seconds(twoThreads)} (${times(twoThreads, warm)} one thread)`,
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
