// Bundles each action entry (src/actions/<name>.ts), the CLI, the package's public
// entry (src/index.ts) and the worker threads' entries with ncc into dist/<name>/index.js,
// and emits the public entry's declarations into dist/types/. Run by `npm run bundle`; the output is committed.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outRoot = process.argv[2] ?? join(root, 'dist');
const entries = readdirSync(join(root, 'src/actions'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'))
  .map((f) => ({ name: f.replace(/\.ts$/, ''), file: join('src/actions', f) }));
entries.push(
  { name: 'cli', file: 'src/cli/index.ts' },
  { name: 'index', file: 'src/index.ts' },
  // Worker threads, loaded by path from the other bundles (src/worker-file.ts).
  { name: 'checks-worker', file: 'src/quality/checks-worker.ts' },
  { name: 'rows-worker', file: 'src/store/rows-worker.ts' },
  { name: 'download-worker', file: 'src/store/s3/download-worker.ts' },
  { name: 'site-worker', file: 'src/site/site-worker.ts' },
  { name: 'parts-worker', file: 'src/run/parts-worker.ts' },
  { name: 'contract-worker', file: 'src/contract/contract-worker.ts' },
);

rmSync(outRoot, { recursive: true, force: true });
for (const { name, file } of entries) {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      file,
      '-o',
      join(outRoot, name),
      '-q',
      '--license',
      'licenses.txt',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(root, 'src/tsconfig.types.json'),
    '--outDir',
    join(outRoot, 'types'),
  ],
  { cwd: root, stdio: 'inherit' },
);
