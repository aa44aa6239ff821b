// Installs what the tests drive, once per machine: the pinned Go tools (act runs
// our workflows, actionlint checks them, versitygw is the S3 server of the bucket
// store's tests) with `go install`, zizmor (audits them for security) with pip
// into its own venv, and Debian's chromium (the status site's browser tests) with
// apt-get when we are root. Prints the paths.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const TOOLS = {
  act: { module: 'github.com/nektos/act', version: 'v0.2.89' },
  actionlint: { module: 'github.com/rhysd/actionlint/cmd/actionlint', version: 'v1.7.12' },
  versitygw: { module: 'github.com/versity/versitygw/cmd/versitygw', version: 'v1.8.0' },
  zizmor: { pypi: 'zizmor', version: '1.32.0' },
};

export function toolsDir() {
  return process.env.PIPEWRIGHT_TOOLS ?? join(homedir(), '.cache', 'pipewright', 'tools');
}

/** Absolute path of a pinned tool, installing it first when missing. */
export function ensureTool(name) {
  const { module, version } = TOOLS[name];
  const bin = join(toolsDir(), `${name}-${version}`);
  const exe = join(bin, name);
  if (TOOLS[name].pypi) return ensurePythonTool(name);
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

/** A pinned PyPI tool in a venv of its own (nothing installed into the system Python). */
function ensurePythonTool(name) {
  const { pypi, version } = TOOLS[name];
  const venv = join(toolsDir(), `${name}-${version}`);
  const exe = join(venv, 'bin', name);
  if (!existsSync(exe)) {
    process.stderr.write(`installing ${name} ${version} with pip into ${venv} (once per machine)...\n`);
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    execFileSync(
      join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', `${pypi}==${version}`],
      {
        stdio: 'inherit',
      },
    );
  }
  return exe;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const name of Object.keys(TOOLS)) console.log(ensureTool(name));
  const chromium = ensureChromium();
  if (chromium) console.log(chromium);
}
