// `npm run bench`: every benchmark in turn, each printing its own figures.
// Pass names to run a subset: `npm run bench -- plan validate`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
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
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const file = path.join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`no benchmark named ${name} (have: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n== ${name} ==`);
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', file], {
    stdio: 'inherit',
    cwd: path.dirname(here),
  });
  if (status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
