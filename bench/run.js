// `npm run bench`: every benchmark in turn, each printing its own figures.
// Pass names to run a subset: `npm run bench -- plan validate`; arguments after
// a second `--` go to each benchmark: `npm run bench -- partition-run -- --rows 30000000`.
// `--readme` also keeps each benchmark's rows in bench/results.json (with the
// date, the load and the Node version) and rewrites the README's table from it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeRows, renderTable, spliceTable } from './lib/readme-table.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const all = [
  'validate',
  'plan',
  'overhead',
  'cold-start',
  'build-daily-sales',
  'partition-run',
  'publish',
  'object-store',
  'site',
];
const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const args = split < 0 ? argv : argv.slice(0, split);
const passed = split < 0 ? [] : argv.slice(split + 1);
const readme = args.includes('--readme');
const names = args.filter((a) => a !== '--readme');
const wanted = names.length > 0 ? names : all;
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`no benchmark named ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pw-bench-'));
const fresh = [];
let failed = 0;
try {
  for (const name of wanted) {
    console.log(`\n== ${name} ==`);
    const rowsFile = path.join(scratch, `${name}.jsonl`);
    const load = os.loadavg()[0].toFixed(1);
    const { status } = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`), ...passed], {
      stdio: 'inherit',
      cwd: repo,
      env: { ...process.env, PIPEWRIGHT_BENCH_ROWS: rowsFile },
    });
    if (status !== 0) {
      failed++;
      continue;
    }
    const measured = `${new Date().toISOString().slice(0, 10)}, load ${load}, Node ${process.versions.node}`;
    const lines = existsSync(rowsFile) ? readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean) : [];
    for (const line of lines) fresh.push({ ...JSON.parse(line), group: name, measured });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (readme) {
  const resultsFile = path.join(here, 'results.json');
  const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).rows : [];
  const rows = mergeRows(previous, fresh, all);
  writeFileSync(resultsFile, `${JSON.stringify({ rows }, null, 2)}\n`);
  const readmeFile = path.join(repo, 'README.md');
  writeFileSync(readmeFile, spliceTable(readFileSync(readmeFile, 'utf8'), renderTable(rows)));
  console.log(`\n${fresh.length} rows written to bench/results.json and README.md's benchmark table`);
}
process.exit(failed > 0 ? 1 : 0);
