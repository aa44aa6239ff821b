#!/usr/bin/env node
// The installed command runs the committed bundle, so no build step is needed. An older Node
// than package.json's `engines` stops here with one line (exit 2), before the bundle loads.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const minimum = engines.node.replace(/^>=\s*/, '');
const newer = (have, need) => {
  const [a = 0, b = 0, c = 0] = have.split('.').map(Number);
  const [x = 0, y = 0, z = 0] = need.split('.').map(Number);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
};
if (!newer(process.versions.node, minimum)) {
  process.stderr.write(
    `pipewright needs Node ${minimum} or newer (for its TypeScript type stripping); this is Node ${process.versions.node}: install Node 24\n`,
  );
  process.exit(2);
}
await import('../dist/cli/index.js');
