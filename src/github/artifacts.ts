// Where quality reports go after a partition run. The core talks to an
// `ArtifactSink`; on a runner that is the Actions artifact service (v4 API via
// @actions/artifact), anywhere else a test or the CLI can bring its own.
import path from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { UsageError } from '../errors.js';

export interface ArtifactRef {
  id: number;
  name: string;
  /** Bytes as stored (zipped). */
  size: number;
}

export interface ArtifactSink {
  /**
   * Uploads `files` (relative to `rootDir`, or absolute inside it) as one artifact, keeping their
   * layout under `rootDir`; refuses a name already used in this run.
   */
  upload(name: string, files: string[], rootDir: string): Promise<ArtifactRef>;
  /** Artifacts of this run whose name starts with `prefix`, sorted by name. */
  list(prefix?: string): Promise<ArtifactRef[]>;
  /** Extracts the artifact into `dir` and returns that directory. */
  download(name: string, dir: string): Promise<string>;
}

// The same list @actions/artifact enforces (NTFS cannot store these), with names a reader knows.
const BANNED: ReadonlyArray<readonly [string, string]> = [
  ['"', 'double quote "'],
  [':', 'colon :'],
  ['<', 'less than <'],
  ['>', 'greater than >'],
  ['|', 'vertical bar |'],
  ['*', 'asterisk *'],
  ['?', 'question mark ?'],
  ['\r', 'carriage return \\r'],
  ['\n', 'line feed \\n'],
  ['\\', 'backslash \\'],
  ['/', 'forward slash /'],
];

/** Throws a UsageError naming the offending character, why it is banned and a name that would work. */
export function validateArtifactName(name: string): void {
  if (name.trim() === '') {
    throw new UsageError('artifact name is empty: give each upload a name, e.g. pipewright-<dag_id>-<partition>');
  }
  // In order of first appearance, so the message points at the first offender.
  const found = BANNED.filter(([char]) => name.includes(char)).sort(([a], [b]) => name.indexOf(a) - name.indexOf(b));
  const first = found[0];
  if (!first) return;
  const fixed = BANNED.reduce((acc, [char]) => acc.split(char).join('-'), name);
  throw new UsageError(
    `artifact name ${JSON.stringify(name)} contains ${found.map(([, label]) => label).join(', ')} ` +
      `at position ${name.indexOf(first[0]) + 1}. GitHub refuses ${BANNED.map(([, label]) => label).join(', ')} ` +
      `in artifact names because they are not valid file names on every system (NTFS). ` +
      `Replace them, e.g. ${JSON.stringify(fixed)}.`,
  );
}

/** The artifact holding one partition's quality report: `pipewright-<dag_id>-<partition>`. */
export function reportArtifactName(dagId: string, partition: string): string {
  const name = `pipewright-${dagId}-${partition}`;
  validateArtifactName(name);
  return name;
}

/**
 * Routes artifact calls through another results service when PIPEWRIGHT_ACTIONS_RESULTS_URL is set
 * (the act tests put a relay in front of act's server, and act overwrites ACTIONS_RESULTS_URL in
 * every step). The client reads ACTIONS_RESULTS_URL per call, so setting it here is enough.
 */
export function useResultsServiceOverride(env: NodeJS.ProcessEnv = process.env): void {
  const override = env.PIPEWRIGHT_ACTIONS_RESULTS_URL;
  if (override) env.ACTIONS_RESULTS_URL = override;
}

/** The default sink: this workflow run's artifacts through the Actions results service. */
export class ActionsArtifactSink implements ArtifactSink {
  #client: ArtifactClient | undefined;
  readonly #retentionDays: number | undefined;
  readonly #runAttempt: number;

  /** `runAttempt` defaults to GITHUB_RUN_ATTEMPT: on a re-run, an earlier attempt's artifact is replaced. */
  constructor(options: { client?: ArtifactClient; retentionDays?: number; runAttempt?: number } = {}) {
    useResultsServiceOverride();
    this.#client = options.client;
    this.#retentionDays = options.retentionDays;
    this.#runAttempt = options.runAttempt ?? (Number(process.env.GITHUB_RUN_ATTEMPT) || 1);
  }

  /** The client, loaded on first use: @actions/artifact is most of a bundle and most steps never call it. */
  async #artifacts(): Promise<ArtifactClient> {
    if (this.#client === undefined) {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      this.#client = new DefaultArtifactClient();
    }
    return this.#client;
  }

  async upload(name: string, files: string[], rootDir: string): Promise<ArtifactRef> {
    validateArtifactName(name);
    if (files.length === 0) throw new UsageError(`artifact ${name}: no files to upload`);
    // GitHub answers a second upload of a name with 409; act silently overwrites. In a first
    // attempt that means two jobs wrote the same partition: refuse, saying so. A re-run of a
    // job is the same workflow run, so its report replaces the one the failed attempt left.
    const existing = (await this.list(name)).find((a) => a.name === name);
    if (existing && this.#runAttempt > 1) {
      await (await this.#artifacts()).deleteArtifact(name);
    } else if (existing) {
      throw new UsageError(
        `artifact ${name} already exists in this run (id ${existing.id}): artifacts are immutable and ` +
          `names are unique within a run. Two jobs are reporting the same partition, or a step ran twice; ` +
          `give each upload its own name (pipewright-<dag_id>-<partition>).`,
      );
    }
    const root = path.resolve(rootDir);
    const absolute = files.map((f) => path.resolve(root, f)).sort();
    const response = await (await this.#artifacts()).uploadArtifact(name, absolute, root, {
      retentionDays: this.#retentionDays,
    });
    if (response.id === undefined) throw new Error(`artifact ${name}: the service returned no id`);
    return { id: response.id, name, size: response.size ?? 0 };
  }

  async list(prefix = ''): Promise<ArtifactRef[]> {
    const { artifacts } = await (await this.#artifacts()).listArtifacts({ latest: true });
    return artifacts
      .filter((a) => a.name.startsWith(prefix))
      .map((a) => ({ id: a.id, name: a.name, size: a.size }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async download(name: string, dir: string): Promise<string> {
    const all = await this.list();
    const artifact = all.find((a) => a.name === name);
    if (!artifact) {
      const known = all.map((a) => a.name).join(', ') || 'none';
      throw new UsageError(`no artifact named ${name} in this run (found: ${known})`);
    }
    const { downloadPath, digestMismatch } = await (await this.#artifacts()).downloadArtifact(artifact.id, {
      path: dir,
    });
    if (digestMismatch) throw new Error(`artifact ${name}: downloaded bytes do not match the uploaded digest`);
    return downloadPath ?? dir;
  }
}
