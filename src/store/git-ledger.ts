// The run ledger on a git branch, so catch-up and `reprocess failed` survive
// ephemeral runners and expiring artifacts. One small file per
// (pipeline, partition, run) — `runs/<dag_id>/<partition>/<run_id>.json`, the
// same layout as the filesystem ledger — so parallel matrix jobs never touch the
// same path: a push rejected as non-fast-forward is simply rebuilt on the new
// tip and pushed again. Commits are made with plumbing on a private index, so the
// user's checkout and working tree are never touched.
// Each commit also updates `index/<dag_id>.json` (see ledger-index.ts), so the
// record and the index change together. Each entry is stamped with its partition's
// tree id: a reader trusts an entry only while that tree is unchanged, and reads the
// records of every other partition (written by an older pipewright or by hand).

import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { toJsonText } from '../json.js';
import { compareRuns, type Ledger, type RunRecord, type RunSummary } from './ledger.js';
import {
  entryFor,
  type IndexEntry,
  indexText,
  type LedgerIndex,
  parseIndex,
  summaryOf,
  withEntries,
} from './ledger-index.js';
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
  /**
   * Read the branch as of this commit instead of fetching it ('' when it did not
   * exist): a read-only snapshot, see `snapshot()`.
   */
  at?: string;
}

// Each fetch lands on a ref of its own: writers that share one clone would
// otherwise race to move one local ref ("cannot lock ref") and lose records.
const FETCH_REF_PREFIX = 'refs/pipewright/fetch';
const MAX_REMEMBERED = 100_000;
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
  /** As given, so another thread can open the same ledger (the status site's workers). */
  readonly options: GitLedgerOptions;
  /** Index entries by their partition's tree id. */
  private readonly entriesByTree = new Map<string, IndexEntry[]>();

  constructor(options: GitLedgerOptions) {
    this.options = options;
    this.gitEnv = options.gitEnv ?? {};
    this.repoDir = options.repoDir;
    this.remote = options.remote ?? 'origin';
    this.branch = options.branch ?? 'pipewright-state';
    this.maxPushAttempts = options.maxPushAttempts ?? 30;
  }

  async latestRuns(dagId: string): Promise<Map<string, RunRecord>> {
    const tip = await this.fetch();
    if (!tip) return new Map();
    const entries = await this.entries(tip, dagId);
    // One batch for every partition's latest record, found through the index.
    const texts = await this.readBlobs(entries.map((e) => `${tip}:${recordPath({ dagId, ...e })}`));
    return new Map(entries.map((e, i) => [e.partition, this.parse(texts[i]!, recordPath({ dagId, ...e }))]));
  }

  /** `latestRuns` without tasks, checks and files: from the index, reading only partitions it does not know. */
  async latestSummaries(dagId: string): Promise<Map<string, RunSummary>> {
    const tip = await this.fetch();
    if (!tip) return new Map();
    return new Map((await this.entries(tip, dagId)).map((e) => [e.partition, summaryOf(dagId, e)]));
  }

  /** The index entry of every partition at `tree-ish`, with those it lacks or knows stale read from the records. */
  private async entries(treeish: string, dagId: string): Promise<IndexEntry[]> {
    return (await this.indexAt(treeish, dagId)).partitions;
  }

  /** The index as it should be at `treeish`: the stored one, with stale or missing entries read from the records. */
  private async indexAt(treeish: string, dagId: string): Promise<LedgerIndex & { changed: boolean }> {
    const [stored] = await this.readBlobs([`${treeish}:${indexPath(dagId)}`]);
    const index = parseIndex(stored, dagId);
    const known = new Map(index.partitions.map((e) => [e.partition, e]));
    const trees = new Map<string, string>();
    for (const line of (
      await this.git(['ls-tree', '--format=%(objecttype) %(objectname) %(path)', treeish, '--', `runs/${dagId}/`])
    ).split('\n')) {
      const [type, oid, path] = line.split(' ');
      if (type === 'tree' && oid && path) trees.set(path.slice(path.lastIndexOf('/') + 1), oid);
    }
    const gone = new Set([...known.keys()].filter((key) => !trees.has(key)));
    const stale = [...trees].filter(([partition, tree]) => known.get(partition)?.stamp !== tree);
    if (stale.length === 0 && gone.size === 0) return { ...index, changed: false };
    // A tree id names its content, so an entry read once for it holds for good (a retried push rebuilds it free).
    const remembered = stale.flatMap(([, tree]) => this.entriesByTree.get(tree) ?? []);
    const unread = stale.filter(([, tree]) => !this.entriesByTree.has(tree));
    if (unread.length === 0) return { ...withEntries(index, remembered, gone), changed: true };
    const prefixes = unread.length === trees.size ? [`runs/${dagId}/`] : unread.map(([p]) => `runs/${dagId}/${p}/`);
    const byPartition = new Map<string, RunRecord[]>();
    for (const record of await this.readAllAt(treeish, prefixes)) {
      const list = byPartition.get(record.partition);
      if (list) list.push(record);
      else byPartition.set(record.partition, [record]);
    }
    const found = unread.flatMap(([partition, tree]) => {
      const entry = entryFor(partition, tree, (byPartition.get(partition) ?? []).sort(compareRuns));
      if (this.entriesByTree.size < MAX_REMEMBERED) this.entriesByTree.set(tree, entry ? [entry] : []);
      return entry ? [entry] : [];
    });
    return { ...withEntries(index, [...remembered, ...found], gone), changed: true };
  }

  async runs(dagId: string, partition: string): Promise<RunRecord[]> {
    return (await this.readAll(`runs/${dagId}/${partition}/`)).sort(compareRuns);
  }

  /** Every run of a pipeline, oldest first, in one fetch and one read. */
  async history(dagId: string): Promise<RunRecord[]> {
    return (await this.readAll(`runs/${dagId}/`)).sort(compareRuns);
  }

  /**
   * Every partition's runs, oldest first, newest partition first, one partition at
   * a time as they stream in (the status site): one fetch and one read, and a long
   * history never has to be held whole.
   */
  async eachPartition(dagId: string, visit: (runs: RunRecord[]) => void): Promise<void> {
    const tip = await this.fetch();
    if (!tip) return;
    const byPartition = new Map<string, RecordBlob[]>();
    for (const blob of await this.recordBlobs(tip, [`runs/${dagId}/`])) {
      const partition = blob.path.split('/')[2]!;
      const list = byPartition.get(partition);
      if (list) list.push(blob);
      else byPartition.set(partition, [blob]);
    }
    const groups = [...byPartition].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([, blobs]) => blobs);
    const blobs = groups.flat();
    let runs: RunRecord[] = [];
    let group = 0;
    await this.catFile(
      blobs.map((b) => b.id),
      (text, i) => {
        runs.push(this.parse(text, blobs[i]!.path));
        if (runs.length === groups[group]!.length) {
          visit(runs.sort(compareRuns));
          runs = [];
          group++;
        }
      },
    );
  }

  /**
   * This ledger as the branch is now, fetched once: reads from it fetch nothing
   * more, and many reads (the status site's pipelines) see one state.
   */
  async snapshot(): Promise<GitLedger> {
    return new GitLedger({ ...this.options, at: (await this.fetch()) ?? '' });
  }

  async write(record: RunRecord): Promise<void> {
    if (this.options.at !== undefined) throw new Error('a snapshot of the run ledger cannot be written to');
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
        // The index in the same commit: our partition's entry, and any others an older writer left stale.
        const index = await this.indexAt((await this.git(['write-tree'], undefined, env)).trim(), record.dagId);
        if (index.changed) {
          const { changed: _, ...text } = index;
          const indexBlob = (await this.git(['hash-object', '-w', '--stdin'], indexText(text))).trim();
          const at = `100644,${indexBlob},${indexPath(record.dagId)}`;
          await this.git(['update-index', '--add', '--cacheinfo', at], undefined, env);
        }
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
    if (this.options.at !== undefined) return this.options.at || undefined;
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
    return tip ? await this.readAllAt(tip, [prefix]) : [];
  }

  /** Every record under `prefixes` at `treeish`: one ls-tree and one cat-file, however many records. */
  private async readAllAt(treeish: string, prefixes: string[]): Promise<RunRecord[]> {
    const blobs = await this.recordBlobs(treeish, prefixes);
    const records: RunRecord[] = [];
    // Parsed as they stream in: a ten-year history is hundreds of megabytes of records.
    await this.catFile(
      blobs.map((b) => b.id),
      (text, i) => records.push(this.parse(text, blobs[i]!.path)),
    );
    return records;
  }

  /** The record files under `prefixes` at `treeish`, in one ls-tree. */
  private async recordBlobs(treeish: string, prefixes: string[]): Promise<RecordBlob[]> {
    const listing = await this.git(['ls-tree', '-r', '--format=%(objectname) %(path)', treeish, '--', ...prefixes]);
    return listing
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const space = line.indexOf(' ');
        return { id: line.slice(0, space), path: line.slice(space + 1) };
      });
  }

  private parse(text: string | undefined, file: string): RunRecord {
    const where = `${file} on branch '${this.branch}'`;
    const fix = `remove or repair it with a commit on '${this.branch}' to continue`;
    return parseRunRecord(text ?? '', where, fix);
  }

  /** The contents of objects (ids or `<tree-ish>:<path>`), undefined for those missing, in one cat-file. */
  private async readBlobs(objects: string[]): Promise<Array<string | undefined>> {
    const texts: Array<string | undefined> = [];
    await this.catFile(objects, (text) => texts.push(text));
    return texts;
  }

  /** One `git cat-file --batch` for every object, each handed to `each` in order as soon as it has arrived. */
  private catFile(objects: string[], each: (text: string | undefined, i: number) => void): Promise<void> {
    if (objects.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], {
        cwd: this.repoDir,
        env: { ...process.env, ...IDENTITY_ENV, ...this.gitEnv },
      });
      let pending: Buffer = Buffer.alloc(0);
      let n = 0;
      let stderr = '';
      let failed: unknown;
      child.stdout.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        try {
          // Sizes in the batch headers are bytes, so cut the raw buffer, not a string.
          for (;;) {
            const headerEnd = pending.indexOf(0x0a);
            if (headerEnd < 0) break;
            const header = pending.toString('utf8', 0, headerEnd);
            if (header.endsWith(' missing')) {
              each(undefined, n++);
              pending = pending.subarray(headerEnd + 1);
              continue;
            }
            const end = headerEnd + 1 + Number(header.slice(header.lastIndexOf(' ') + 1));
            if (pending.length < end + 1) break;
            each(pending.toString('utf8', headerEnd + 1, end), n++);
            pending = pending.subarray(end + 1);
          }
        } catch (error) {
          failed ??= error;
          child.kill();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (failed !== undefined) reject(failed);
        else if (code !== 0) reject(Object.assign(new Error(`git cat-file --batch exited ${code}`), { stderr }));
        else if (n !== objects.length) reject(new Error(`git cat-file --batch gave ${n} of ${objects.length} objects`));
        else resolve();
      });
      child.stdin.end(`${objects.join('\n')}\n`);
    });
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

interface RecordBlob {
  id: string;
  path: string;
}

export function recordPath(record: Pick<RunRecord, 'dagId' | 'partition' | 'runId'>): string {
  return `runs/${record.dagId}/${record.partition}/${record.runId}.json`;
}

/** Outside `runs/`, so a pipewright from before the index never reads it as a record. */
function indexPath(dagId: string): string {
  return `index/${dagId}.json`;
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
