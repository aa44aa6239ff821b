// The end-to-end setup: a "shop" repository that adopts pipewright the way
// docs/workflows.md says (the TuranMart pipeline, its sample exports and the
// caller workflow pointing at pipewright/pipewright@v1), a local bare
// repository as its `origin` (the state branch lives there), and act running
// the real workflows offline. act serves pipewright/pipewright@v1 from a copy of
// this repository's actions/, reusable workflows and committed dist/, and the
// third-party actions that need GitHub (setup-node, configure-aws-credentials, upload-pages-artifact,
// deploy-pages, at the commits our workflows pin) from the stand-ins under fixtures/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fromJsonValue } from '../../src/json.js';
import { GitLedger } from '../../src/store/git-ledger.js';
import type { RunRecord } from '../../src/store/ledger.js';
import { type ActRun, pinnedAction, REPO_ROOT, runAct, TSX_IMPORT } from '../support/act.js';
import { type GitHubApiServer, startGitHubApiServer } from '../support/github-api-server.js';
import { scratchDir } from '../support/temp.js';

export const DAG = 'turanmart_daily_sales';
export const CALLER = '.github/workflows/turanmart-daily-sales.yml';
const PIPELINE = path.join('pipelines', DAG);
const RELEASE = 'pipewright/pipewright@v1';
const TOKEN = 'ghs_e2e-token';
export const SHOP_REPOSITORY = 'turanmart/shop';

/**
 * act 0.2.89 validates workflows against a schema older than `concurrency.queue` and refuses the
 * file ("Unknown Property queue"), so the served copy of pipewright.yml lacks exactly that line.
 * `releaseDir` checks nothing else differs; docs/workflows.md says what this leaves unproven.
 */
const ACT_UNSUPPORTED_LINE = /^\s+queue: max\n/m;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=shop', '-c', 'user.email=shop@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

function copy(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

let release: string | undefined;

/** The folder act serves as pipewright/pipewright@v1 (built once per test file, removed after it). */
export function releaseDir(): string {
  if (release && fs.existsSync(release)) return release;
  // PIPEWRIGHT_E2E_DIST tests another build (e.g. `node scripts/build.js /tmp/dist`); default: the committed one.
  const dist = process.env.PIPEWRIGHT_E2E_DIST ?? path.join(REPO_ROOT, 'dist');
  for (const action of fs.readdirSync(path.join(REPO_ROOT, 'actions'))) {
    if (!fs.existsSync(path.join(dist, action, 'index.js')))
      throw new Error(`${path.join(dist, action, 'index.js')} is missing: run \`npm run bundle\` first`);
  }
  const dir = scratchDir('pw-e2e-release-');
  copy(path.join(REPO_ROOT, 'actions'), path.join(dir, 'actions'));
  copy(dist, path.join(dir, 'dist'));
  copy(path.join(REPO_ROOT, '.github', 'workflows'), path.join(dir, '.github', 'workflows'));
  const orchestrator = path.join(dir, '.github', 'workflows', 'pipewright.yml');
  const text = fs.readFileSync(orchestrator, 'utf8');
  const served = text.replace(ACT_UNSUPPORTED_LINE, '');
  if (text.split('\n').length - served.split('\n').length !== 1)
    throw new Error('pipewright.yml: expected exactly one `queue: max` line to leave out for act');
  fs.writeFileSync(orchestrator, served);
  release = dir;
  return dir;
}

export interface ShopRepo {
  /** The working copy act runs (its `.git` is copied into each job's workspace). */
  dir: string;
  /** The bare repository that is `origin`: main and the state branch. */
  origin: string;
  /** Writes (or, with null, deletes) files, commits them on main and pushes. */
  commit(message: string, files: Record<string, string | Buffer | null>): void;
}

/** The caller workflow as another repository copies it: the reusable workflow by repository and ref. */
export function adoptedCaller(): string {
  const text = fs.readFileSync(path.join(REPO_ROOT, CALLER), 'utf8');
  // pipewright.yml (the orchestrator) and pipewright-site.yml (the optional Pages site).
  const adopted = text.replace(
    /uses: \.\/\.github\/workflows\/(pipewright[\w-]*\.yml)/g,
    (_, file: string) => `uses: ${RELEASE.replace('@', `/.github/workflows/${file}@`)}`,
  );
  if (!adopted.includes(RELEASE.replace('@', '/.github/workflows/pipewright.yml@')))
    throw new Error(`${CALLER} no longer calls ./.github/workflows/pipewright.yml`);
  return adopted;
}

/** A shop repository holding exactly `files` (e.g. what `pipewright init` writes), pushed to a bare origin. */
export function createRepoOf(files: Record<string, string>): ShopRepo {
  const root = scratchDir('pw-e2e-shop-');
  const dir = path.join(root, 'shop');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return pushed(root, dir);
}

/** Commits the working copy `dir` and pushes it to a new bare `origin` beside it. */
function pushed(root: string, dir: string): ShopRepo {
  const origin = path.join(root, 'origin.git');
  git(root, 'init', '--quiet', '--bare', '-b', 'main', origin);
  git(root, 'init', '--quiet', '-b', 'main', dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'adopt pipewright');
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'push', '--quiet', 'origin', 'main');
  return {
    dir,
    origin,
    commit(message, files) {
      for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        if (content === null) fs.rmSync(file);
        else {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, content);
        }
      }
      git(dir, 'add', '-A');
      git(dir, 'commit', '--quiet', '-m', message);
      git(dir, 'push', '--quiet', 'origin', 'main');
    },
  };
}

export function createShopRepo(extra: Record<string, string | Buffer> = {}): ShopRepo {
  const root = scratchDir('pw-e2e-shop-');
  const dir = path.join(root, 'shop');
  const source = path.join(REPO_ROOT, PIPELINE);
  for (const part of ['pipeline.yml', 'runbook.md', 'tasks', 'expected', path.join('data', 'raw')])
    copy(path.join(source, part), path.join(dir, PIPELINE, part));
  fs.mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  fs.writeFileSync(path.join(dir, CALLER), adoptedCaller());
  // Task code imports csv-parse. act's jobs are offline, so instead of `npm ci` the shop commits a
  // symlink to this repository's node_modules (act copies it as a link); with no package-lock.json
  // the workflows' install step is skipped, as it is for a repository without dependencies.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [name, content] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return pushed(root, dir);
}

/** Puts run records on the state branch the way a finished job would (GitLedger, real git). */
export async function seedState(shop: ShopRepo, records: RunRecord[]): Promise<void> {
  const ledger = new GitLedger({ repoDir: shop.dir });
  for (const record of records) await ledger.write(record);
}

/** Every record on the state branch of `origin`, by path. */
export function stateRecords(shop: ShopRepo): Map<string, RunRecord> {
  const records = new Map<string, RunRecord>();
  let listing = '';
  try {
    listing = git(shop.origin, 'ls-tree', '-r', '--name-only', 'pipewright-state');
  } catch {
    return records; // no state branch yet
  }
  // Records only: the branch also holds each pipeline's index (index/<dag_id>.json).
  for (const file of listing.split('\n').filter((f) => f.startsWith('runs/')))
    records.set(file, fromJsonValue<RunRecord>(JSON.parse(git(shop.origin, 'show', `pipewright-state:${file}`))));
  return records;
}

/** A record as a finished run leaves it, for seeding history. */
export function pastRun(partition: string, state: RunRecord['state'], runId: string): RunRecord {
  return {
    dagId: DAG,
    partition,
    runId,
    trigger: 'schedule',
    reason: 'scheduled tick',
    state,
    startedAt: `${partition}T01:00:01.000Z`,
    endedAt: `${partition}T01:00:04.000Z`,
    dataIntervalStart: `${partition}T00:00:00.000+05:00`,
    dataIntervalEnd: `${partition}T00:00:00.000+05:00`,
    tasks: [],
    checks: [],
    metrics: {},
    inputs: [],
    outputs: [],
  };
}

export interface ShopRun {
  run: ActRun;
  /** The GitHub REST stand-in the report job's alert calls went to. */
  api: GitHubApiServer;
}

/** Third-party actions our workflows pin, served from offline stand-ins under fixtures/ (each says what it does). */
const STAND_INS = [
  'actions/setup-node',
  'actions/upload-pages-artifact',
  'actions/deploy-pages',
  'aws-actions/configure-aws-credentials',
];
const FIXTURES = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures');

/**
 * Runs the shop's caller workflow through act: `schedule` with a fixed clock, or a dispatch form.
 * `vars` are the shop's repository variables (e.g. PIPEWRIGHT_SITE), `secrets` its secrets.
 */
export async function runCaller(
  shop: ShopRepo,
  trigger: { event: 'schedule'; now: string } | { event: 'workflow_dispatch'; inputs: Record<string, string> },
  workflow = CALLER,
  vars: Record<string, string> = {},
  secrets: Record<string, string> = {},
): Promise<ShopRun> {
  const api = await startGitHubApiServer({ token: TOKEN });
  try {
    const run = await runAct({
      repo: shop.dir,
      workflow,
      event: trigger.event,
      ...(trigger.event === 'schedule'
        ? { vars: { ...vars, PIPEWRIGHT_NOW: trigger.now }, eventPayload: { schedule: '0 6 * * *' } }
        : { vars, eventPayload: { inputs: trigger.inputs } }),
      artifacts: true,
      secrets: { GITHUB_TOKEN: TOKEN, ...secrets },
      // act leaves GITHUB_REPOSITORY empty for a local origin; alerts go to the REST stand-in.
      // PW_TSX and PW_STEP: how the upload-pages-artifact stand-in uploads (fixtures/upload-pages-artifact).
      env: {
        GITHUB_REPOSITORY: SHOP_REPOSITORY,
        GITHUB_API_URL: api.url.replace(/\/$/, ''),
        PW_TSX: TSX_IMPORT,
        PW_STEP: path.join(REPO_ROOT, 'test', 'support', 'github-step.ts'),
      },
      localRepositories: {
        [RELEASE]: releaseDir(),
        ...Object.fromEntries(
          STAND_INS.map((action) => [pinnedAction(action), path.join(FIXTURES, action.split('/')[1] as string)]),
        ),
      },
      timeoutMs: 150_000,
    });
    return { run, api };
  } finally {
    await api.close();
  }
}

/** Artifact names act stored in this run. */
export function artifactNames(run: ActRun): string[] {
  const dir = path.join(run.artifactDir, '1');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Unzips one stored artifact into a temp folder and returns it. */
export function extractArtifact(run: ActRun, name: string): string {
  const zip = path.join(run.artifactDir, '1', name, `${name}.zip`);
  const out = scratchDir(`pw-e2e-${name}-`);
  execFileSync('unzip', ['-q', zip, '-d', out]);
  return out;
}

/** The whole log when act failed unexpectedly, for a readable assertion message. */
export function logOf(run: ActRun): string {
  return `${run.output}\n${run.stderr}`.slice(-20_000);
}

/**
 * Result of the run-partition step in each matrix job, by matrix label. act 0.2.89 marks every
 * matrix job that ends after a failed sibling as "Job failed" even when all its steps succeeded,
 * so the step's own result is what says whether that partition failed (docs/workflows.md).
 */
export function partitionSteps(run: ActRun): Record<string, string> {
  const labels = new Map(run.jobRuns('run').map((j) => [j.job, j.matrix.label ?? '']));
  const results: Record<string, string> = {};
  for (const e of run.events) {
    if (e.jobID !== 'run' || e.stepID?.[0] !== 'run' || !e.stepResult || !e.job) continue;
    results[labels.get(e.job) ?? e.job] = e.stepResult;
  }
  return results;
}
