// Runs workflows through nektos/act on this host (no Docker: `-P
// ubuntu-latest=-self-hosted`), offline, with act's real artifact server bound
// to loopback. act's `--json` log is parsed into events so tests can read job
// results, step outputs, summaries and annotations. See docs/github.md.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startArtifactProxy } from './act-artifact-proxy.js';
import { freePort } from './ports.js';
import { scratchDir } from './temp.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_BIN = path.join(REPO_ROOT, 'node_modules', '.bin');

/** `--import` value that lets a step run TypeScript from this repository with the Node 24 in node_modules. */
export const TSX_IMPORT = pathToFileURL(path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** The pinned act binary, installed by scripts/install-tools.js when missing. */
export async function actBinary(): Promise<string> {
  const script = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'install-tools.js')).href;
  const tools = (await import(script)) as { ensureTool(name: string): string };
  return tools.ensureTool('act');
}

/**
 * `owner/repo@<sha>` as our workflows pin a third-party action (full commit SHA, version
 * in a comment), read from .github/workflows so a stand-in mapped with
 * `localRepositories` answers exactly the ref the workflows use.
 */
export function pinnedAction(action: string): string {
  const dir = path.join(REPO_ROOT, '.github', 'workflows');
  const refs = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yml')))
    for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/uses:\s*(\S+)@([0-9a-f]{40})\b/g))
      if (match[1] === action) refs.add(`${action}@${match[2]}`);
  if (refs.size !== 1)
    throw new Error(
      `expected one pinned ref of ${action} in .github/workflows, found ${[...refs].join(', ') || 'none'}`,
    );
  return [...refs][0]!;
}

/** A temporary git repository holding `files` (paths relative to its root), committed on `main`. */
export function createRepo(files: Record<string, string | Buffer>): string {
  const dir = scratchDir('pw-act-repo-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=pipewright', '-c', 'user.email=ci@pipewright.invalid', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return dir;
}

/** One line of act's `--json` log; only the fields tests read. */
export interface ActEvent {
  level: string;
  msg: string;
  jobID?: string;
  /** act's full job name, e.g. `orchestrate/pipewright/run-2` for a called workflow's matrix job. */
  job?: string;
  /** The matrix combination of the job (`{}` outside a matrix). */
  matrix?: Record<string, string>;
  step?: string;
  stepID?: string[];
  stepResult?: string;
  jobResult?: string;
  raw_output?: boolean;
  /** Workflow commands act understood: summary, set-output, error, warning, notice... */
  command?: string;
  content?: string;
  name?: string;
  arg?: string;
  kvPairs?: Record<string, string>;
}

export interface ActRunOptions {
  repo: string;
  /** Workflow file relative to the repo, e.g. `.github/workflows/demo.yml`. */
  workflow: string;
  event?: string;
  /** Written to a temp file and passed with `--eventpath`. */
  eventPayload?: Record<string, unknown>;
  env?: Record<string, string>;
  inputs?: Record<string, string>;
  job?: string;
  /** Repository variables (`vars.*`), passed with `--var`. */
  vars?: Record<string, string>;
  /** Secrets (`secrets.*`, and GITHUB_TOKEN for `github.token`), passed with `-s`. */
  secrets?: Record<string, string>;
  /**
   * `owner/repo@ref` → local folder: act serves `uses: owner/repo/path@ref` (actions and
   * reusable workflows) from that folder instead of fetching it.
   */
  localRepositories?: Record<string, string>;
  /**
   * Start act's artifact server (on loopback, free port) with a relay in front
   * for @actions/artifact 6.2; steps reach the relay through the
   * PIPEWRIGHT_ARTIFACT_PROXY env (set it as the step's ACTIONS_RESULTS_URL), and
   * our actions through PIPEWRIGHT_ACTIONS_RESULTS_URL (read by src/github/artifacts.ts).
   */
  artifacts?: boolean;
  timeoutMs?: number;
}

export interface ActRun {
  exitCode: number;
  events: ActEvent[];
  /** Everything the steps printed, in order. */
  output: string;
  stderr: string;
  /** Where act's artifact server stored uploads: `<dir>/<run id>/<name>/...`. */
  artifactDir: string;
  /** What the artifact relay had to rewrite (empty when `artifacts` is off). */
  proxyRewrites: string[];
  /** Artifact service calls the steps made, `METHOD /path`, through the relay. */
  artifactCalls: string[];
  jobResult(jobId: string): string | undefined;
  /** Every finished job with this id (one per matrix combination), in the order they ended. */
  jobRuns(jobId: string): Array<{ job: string; result: string; matrix: Record<string, string> }>;
  /** The job's summary as GitHub would render it (all steps in order, or one step). */
  summary(jobId: string, stepId?: string): string;
  /** Step outputs (`GITHUB_OUTPUT`) of one step. */
  outputs(jobId: string, stepId: string): Record<string, string>;
  annotations(jobId?: string): Array<{ level: string; message: string; properties: Record<string, string> }>;
}

export async function runAct(options: ActRunOptions): Promise<ActRun> {
  const act = await actBinary();
  const scratch = scratchDir('pw-act-run-');
  const artifactDir = path.join(scratch, 'artifacts');
  const args = [
    options.event ?? 'push',
    '-W',
    options.workflow,
    '-P',
    'ubuntu-latest=-self-hosted',
    '--json',
    '--action-offline-mode',
    '--no-cache-server',
    '--action-cache-path',
    path.join(scratch, 'act-cache'),
  ];
  if (options.job) args.push('-j', options.job);
  if (options.eventPayload) {
    const file = path.join(scratch, 'event.json');
    fs.writeFileSync(file, JSON.stringify(options.eventPayload));
    args.push('--eventpath', file);
  }
  const env: Record<string, string> = { ...options.env };
  let proxy: Awaited<ReturnType<typeof startArtifactProxy>> | undefined;
  if (options.artifacts) {
    const port = await freePort();
    // act's default address (192.0.2.2) is not a loopback one: always bind to 127.0.0.1.
    args.push(
      '--artifact-server-path',
      artifactDir,
      '--artifact-server-addr',
      '127.0.0.1',
      '--artifact-server-port',
      String(port),
    );
    // act 0.2.89 panics listing artifacts of a run that has none yet (it opens
    // `<path>/<run id>` unchecked); act's run id is 1, so that folder is made up front.
    fs.mkdirSync(path.join(artifactDir, '1'), { recursive: true });
    proxy = await startArtifactProxy(`http://127.0.0.1:${port}/`);
    env.PIPEWRIGHT_ARTIFACT_PROXY = proxy.url;
    env.PIPEWRIGHT_ACTIONS_RESULTS_URL = proxy.url;
  }
  for (const [k, v] of Object.entries(env)) args.push('--env', `${k}=${v}`);
  for (const [k, v] of Object.entries(options.inputs ?? {})) args.push('--input', `${k}=${v}`);
  for (const [k, v] of Object.entries(options.vars ?? {})) args.push('--var', `${k}=${v}`);
  for (const [k, v] of Object.entries(options.secrets ?? {})) args.push('-s', `${k}=${v}`);
  for (const [k, v] of Object.entries(options.localRepositories ?? {})) args.push('--local-repository', `${k}=${v}`);

  try {
    const { code, stdout, stderr } = await spawnCollect(act, args, {
      cwd: options.repo,
      // act runs steps with its own PATH; Node 24 from node_modules must come first for `node` and node24 actions.
      env: { ...process.env, PATH: `${NODE_BIN}${path.delimiter}${process.env.PATH ?? ''}` },
      timeoutMs: options.timeoutMs ?? 90_000,
    });
    const events = parseEvents(stdout + stderr);
    return makeRun(code, events, stderr, artifactDir, proxy?.rewrites ?? [], proxy?.calls ?? []);
  } finally {
    await proxy?.close();
  }
}

function spawnCollect(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal) reject(new Error(`act killed by ${signal} after ${opts.timeoutMs} ms\n${stdout}\n${stderr}`));
      else resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

function parseEvents(text: string): ActEvent[] {
  const events: ActEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      events.push(JSON.parse(line) as ActEvent);
    } catch {
      // act prints a few plain lines (e.g. "Error: Job 'a' failed"); they are kept in stderr.
    }
  }
  return events;
}

function makeRun(
  exitCode: number,
  events: ActEvent[],
  stderr: string,
  artifactDir: string,
  proxyRewrites: string[],
  artifactCalls: string[],
): ActRun {
  return {
    exitCode,
    events,
    output: events
      .filter((e) => e.raw_output)
      .map((e) => e.msg)
      .join(''),
    stderr,
    artifactDir,
    proxyRewrites,
    artifactCalls,
    jobResult: (jobId) => events.find((e) => e.jobID === jobId && e.jobResult)?.jobResult,
    jobRuns: (jobId) =>
      events
        .filter((e) => e.jobID === jobId && e.jobResult)
        .map((e) => ({ job: e.job ?? jobId, result: e.jobResult ?? '', matrix: e.matrix ?? {} })),
    summary: (jobId, stepId) =>
      events
        .filter((e) => e.jobID === jobId && e.command === 'summary' && (!stepId || e.stepID?.[0] === stepId))
        .map((e) => e.content ?? '')
        .join(''),
    outputs: (jobId, stepId) =>
      Object.fromEntries(
        events
          .filter((e) => e.jobID === jobId && e.command === 'set-output' && e.stepID?.[0] === stepId)
          .map((e) => [e.name ?? '', e.arg ?? '']),
      ),
    annotations: (jobId) =>
      events
        .filter((e) => (!jobId || e.jobID === jobId) && ['error', 'warning', 'notice'].includes(e.command ?? ''))
        .map((e) => ({ level: e.command ?? '', message: e.arg ?? '', properties: e.kvPairs ?? {} })),
  };
}

/** Files act's artifact server stored for `name` (any run), relative to `artifactDir`. */
export function storedArtifactFiles(artifactDir: string, name: string): string[] {
  if (!fs.existsSync(artifactDir)) return [];
  const found: string[] = [];
  for (const run of fs.readdirSync(artifactDir)) {
    const dir = path.join(artifactDir, run, name);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (fs.statSync(path.join(dir, file)).isFile()) found.push(path.join(run, name, file));
    }
  }
  return found.sort();
}

export { freePort };
