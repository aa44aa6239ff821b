// Installs what the tests drive, once per machine: the pinned Go tools (act runs
// our workflows, actionlint checks them) with `go install`, and Debian's chromium
// (the status site's browser tests) with apt-get when we are root. Prints the paths.
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

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's chromium for the browser tests; installed with apt-get only when missing and we are root. */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) for test/site\n`,
    );
    return undefined;
  }
  process.stderr.write('installing chromium with apt-get (once per machine)...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { env, stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { env, stdio: 'inherit' });
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of Object.keys(TOOLS)) console.log(ensureTool(name));
  const chromium = ensureChromium();
  if (chromium) console.log(chromium);
}
