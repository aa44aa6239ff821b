// Installs the pinned Go tools the tests drive (act runs our workflows,
// actionlint checks them) with `go install`, once per machine. Prints the bin dir.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TOOLS = {
  act: { module: 'github.com/nektos/act', version: 'v0.2.89' },
  actionlint: { module: 'github.com/rhysd/actionlint/cmd/actionlint', version: 'v1.7.12' },
};

export function toolsDir() {
  return process.env.PIPEWRIGHT_TOOLS ?? join(homedir(), '.cache', 'pipewright', 'tools');
}

/** Absolute path of a pinned tool, installing it first when missing. */
export function ensureTool(name) {
  const { module, version } = TOOLS[name];
  const bin = join(toolsDir(), `${name}-${version}`);
  const exe = join(bin, name);
  if (!existsSync(exe)) {
    mkdirSync(bin, { recursive: true });
    process.stderr.write(`installing ${name} ${version} with go install (once per machine)...\n`);
    execFileSync('go', ['install', `${module}@${version}`], { env: { ...process.env, GOBIN: bin }, stdio: 'inherit' });
  }
  return exe;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of Object.keys(TOOLS)) console.log(ensureTool(name));
}
