// The run ledger on a git branch, so catch-up and `reprocess failed` survive
// ephemeral runners and expiring artifacts. One small file per
// (pipeline, partition, run) — `runs/<dag_id>/<partition>/<run_id>.json`, the
// same layout as the filesystem ledger — so parallel matrix jobs never touch the
// same path: a push rejected as non-fast-forward is simply rebuilt on the new
// tip and pushed again. Commits are made with plumbing on a private index, so the
// user's checkout and working tree are never touched.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { toJsonText } from '../json.js';
import { compareRuns, type Ledger, type RunRecord } from './ledger.js';
import { parseRunRecord } from './record-file.js';

export interface GitLedgerOptions {
  /** A git work tree or bare repository whose remote holds the state branch. */
  repoDir: string;
  remote?: string;
  branch?: string;
  /** Attempts for a push that keeps losing the race (each after a fresh fetch). */
  maxPushAttempts?: number;
  /** Extra environment for the ledger's git commands only, e.g. GIT_CONFIG_* carrying a token. */
  gitEnv?: Record<string, string>;
}

// Each fetch lands on a ref of its own: writers that share one clone would
// otherwise race to move one local ref ("cannot lock ref") and lose records.
const FETCH_REF_PREFIX = 'refs/pipewright/fetch';
const IDENTITY_ENV = {
  GIT_AUTHOR_NAME: 'pipewright',
  GIT_AUTHOR_EMAIL: 'pipewright@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'pipewright',
  GIT_COMMITTER_EMAIL: 'pipewright@users.noreply.github.com',
  GIT_TERMINAL_PROMPT: '0',
};

export class GitLedger implements Ledger {
  readonly repoDir: string;
  readonly remote: string;
  readonly branch: string;
  readonly maxPushAttempts: number;
  private readonly gitEnv: Record<string, string>;

  constructor(options: GitLedgerOptions) {
    this.gitEnv = options.gitEnv ?? {};
    this.repoDir = options.repoDir;
    this.remote = options.remote ?? 'origin';
    this.branch = options.branch ?? 'pipewright-state';
    this.maxPushAttempts = options.maxPushAttempts ?? 30;
  }

  async latestRuns(dagId: string): Promise<Map<string, RunRecord>> {
    const latest = new Map<string, RunRecord>();
    for (const record of await this.readAll(`runs/${dagId}/`)) {
      const current = latest.get(record.partition);
      if (!current || compareRuns(record, current) > 0) latest.set(record.partition, record);
    }
    return latest;
  }

  async runs(dagId: string, partition: string): Promise<RunRecord[]> {
    const records = await this.readAll(`runs/${dagId}/${partition}/`);
    return records.sort(compareRuns);
  }

  /** Every run of a pipeline, oldest first, in one fetch and one read (the status site's whole history). */
  async history(dagId: string): Promise<RunRecord[]> {
    return (await this.readAll(`runs/${dagId}/`)).sort(compareRuns);
  }

  async write(record: RunRecord): Promise<void> {
    const path = recordPath(record);
    const content = toJsonText(record);
    const blob = (await this.git(['hash-object', '-w', '--stdin'], content)).trim();
    const indexDir = await mkdtemp(join(tmpdir(), 'pipewright-ledger-'));
    const env = { GIT_INDEX_FILE: join(indexDir, 'index') };
    try {
      for (let attempt = 1; ; attempt++) {
        const parent = await this.fetch();
        if (parent) await this.git(['read-tree', parent], undefined, env);
        else await this.git(['read-tree', '--empty'], undefined, env);
        await this.git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], undefined, env);
        const tree = (await this.git(['write-tree'], undefined, env)).trim();
        const message = `ledger: ${record.dagId} ${record.partition} ${record.state} (${record.runId})`;
        const commit = (await this.git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message])).trim();
        try {
          await this.git(['push', '--quiet', this.remote, `${commit}:refs/heads/${this.branch}`]);
          return;
        } catch (error) {
          // Another job pushed first: our file is still unique, so rebuild on the new tip.
          if (!isRaceLoss(error) || attempt >= this.maxPushAttempts)
            throw this.refusedOr(error, `the run ledger's push to branch '${this.branch}'`, 'write');
          await sleep(Math.min(2000, 50 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
        }
      }
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  }

  /** Fetches the state branch; returns its tip, or undefined when it does not exist yet. */
  private async fetch(): Promise<string | undefined> {
    const ref = `${FETCH_REF_PREFIX}/${process.pid}-${randomBytes(6).toString('hex')}`;
    try {
      // --refmap= : no opportunistic update of refs/remotes/<remote>/<branch>, another shared ref.
      await this.git(['fetch', '--quiet', '--no-tags', '--refmap=', this.remote, `+refs/heads/${this.branch}:${ref}`]);
    } catch (error) {
      if (/couldn't find remote ref|could not find remote ref/i.test(stderrOf(error))) return undefined;
      throw this.refusedOr(error, `to let the run ledger fetch branch '${this.branch}'`, 'read');
    }
    try {
      return (await this.git(['rev-parse', ref])).trim();
    } finally {
      // The commit stays reachable from what we build on it; the ref itself is not needed.
      await this.git(['update-ref', '-d', ref]).catch(() => {});
    }
  }

  /**
   * A remote that refused our credentials (HTTP 401/403) is a permissions mistake, not a bug:
   * one line naming what was refused and the grant that fixes it. Anything else is returned as is.
   */
  private refusedOr(error: unknown, what: string, access: 'read' | 'write'): unknown {
    const stderr = stderrOf(error);
    const status =
      /returned error: (40[13])\b/.exec(stderr)?.[1] ??
      (/could not read Username|Authentication failed/i.test(stderr) ? '401' : undefined);
    if (!status) return error;
    return new UsageError(
      `${this.remote} refused ${what} (HTTP ${status}): give the job permissions: contents: ${access} ` +
        `and pass github-token: \${{ github.token }} to the action`,
    );
  }

  private async readAll(prefix: string): Promise<RunRecord[]> {
    const tip = await this.fetch();
    if (!tip) return [];
    const listing = await this.git(['ls-tree', '-r', '--format=%(objectname) %(path)', tip, '--', prefix]);
    const entries = listing.split('\n').filter(Boolean);
    const ids = entries.map((line) => line.slice(0, line.indexOf(' ')));
    if (ids.length === 0) return [];
    // One cat-file process for every record: a 10-year daily history is thousands of files.
    // Sizes in the batch headers are bytes, so parse the raw buffer, not a string.
    const batch = await this.gitRaw(['cat-file', '--batch'], `${ids.join('\n')}\n`);
    const records: RunRecord[] = [];
    let offset = 0;
    while (offset < batch.length) {
      const headerEnd = batch.indexOf(0x0a, offset);
      const [, , size] = batch.toString('utf8', offset, headerEnd).split(' ');
      const start = headerEnd + 1;
      const end = start + Number(size);
      const file = entries[records.length]!.slice(ids[records.length]!.length + 1);
      const where = `${file} on branch '${this.branch}'`;
      const fix = `remove or repair it with a commit on '${this.branch}' to continue`;
      records.push(parseRunRecord(batch.toString('utf8', start, end), where, fix));
      offset = end + 1;
    }
    return records;
  }

  private async git(args: string[], input?: string, env: Record<string, string> = {}): Promise<string> {
    return (await this.gitRaw(args, input, env)).toString('utf8');
  }

  private gitRaw(args: string[], input?: string, env: Record<string, string> = {}): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        {
          cwd: this.repoDir,
          env: { ...process.env, ...IDENTITY_ENV, ...this.gitEnv, ...env },
          maxBuffer: 1 << 30,
          encoding: 'buffer',
        },
        (error, stdout, stderr) => {
          if (error) reject(Object.assign(error, { stderr: stderr.toString('utf8') }));
          else resolve(stdout);
        },
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  }
}

export function recordPath(record: Pick<RunRecord, 'dagId' | 'partition' | 'runId'>): string {
  return `runs/${record.dagId}/${record.partition}/${record.runId}.json`;
}

function stderrOf(error: unknown): string {
  return String((error as { stderr?: unknown }).stderr ?? '');
}

function isRaceLoss(error: unknown): boolean {
  return /non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value/i.test(stderrOf(error));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
