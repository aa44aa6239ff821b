// The normalized pipeline contract: what `loadPipeline` returns once a
// pipeline.yml has passed validation. Durations are milliseconds, paths in
// `inputs`/`outputs` are still templates relative to the data root.

export type Grain = 'hourly' | 'daily' | 'weekly' | 'monthly';
export type TriggerRule = 'all_success' | 'all_done' | 'none_failed' | 'one_failed';
export type Severity = 'error' | 'warning';

/** A problem found in a contract, located at the offending key or value (1-based). */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  message: string;
}

export interface RetryPolicy {
  retries: number;
  retryDelayMs: number;
  /** exponential: delay doubles per attempt (with jitter), capped by maxRetryDelayMs. */
  retryBackoff: 'fixed' | 'exponential';
  maxRetryDelayMs: number;
  timeoutMs: number;
  /** A code error fails after its first attempt unless the task opts in here. */
  retryOnCodeError: boolean;
}

export interface HandlerSpec {
  kind: 'handler';
  /** Module path as written, relative to the pipeline folder. */
  module: string;
  exportName: string;
}

export interface CommandSpec {
  kind: 'command';
  /** Program and arguments; `{{ }}` templates are resolved per partition, never through a shell. */
  argv: string[];
  /** Working directory relative to the pipeline folder (default: the pipeline folder). */
  cwd?: string;
  /** Exit codes mapped to failure classes; any other non-zero exit is a code error. */
  exitCodes: { transient: number[]; data: number[] };
}

export interface SensorSpec {
  kind: 'sensor';
  /** Template of the path to wait for, relative to the data root. */
  path: string;
  pokeIntervalMs: number;
  timeoutMs: number;
  /** Give up this long after the partition's interval ended, whatever is left of `timeoutMs`. */
  giveUpAfterMs?: number;
  /** What happens at the deadline: fail the task, or defer the partition to the next tick. */
  onTimeout: 'fail' | 'defer';
}

export type CheckRule =
  | { type: 'required_columns'; columns: string[]; severity: Severity }
  | { type: 'row_count'; min?: number; max?: number; severity: Severity }
  | { type: 'not_null'; columns: string[]; severity: Severity }
  | { type: 'unique'; columns: string[]; severity: Severity }
  | { type: 'accepted_values'; column: string; values: string[]; severity: Severity }
  | { type: 'date_in_partition'; column: string; severity: Severity }
  | { type: 'numeric'; columns: string[]; severity: Severity };

export interface ChecksSpec {
  kind: 'checks';
  /** Name of an entry of `inputs` or `outputs`. */
  dataset: string;
  rules: CheckRule[];
}

export type TaskSpec = HandlerSpec | CommandSpec | SensorSpec | ChecksSpec;

export interface Task {
  id: string;
  /** A Markdown file (relative to the pipeline folder, optional #section) or URL quoted when the task fails. */
  runbook?: string;
  upstream: string[];
  triggerRule: TriggerRule;
  policy: RetryPolicy;
  spec: TaskSpec;
  /** never: a resumed run always reruns this task instead of reusing its staged outputs. */
  resume: 'auto' | 'never';
}

/**
 * An input that names another pipeline's output (`from: <dag_id>.<output>`). Its path and
 * partitions come from the upstream contract, filled in by lineage resolution (src/lineage).
 */
export interface UpstreamInput {
  dagId: string;
  output: string;
  /** The upstream contract's facts, once resolved. */
  upstream?: { partition: Grain; timezone: string; path: string; dir: string };
  /** The data root the upstream publishes into, once a data root is chosen for this run. */
  dataRoot?: string;
}

export interface AlertPolicy {
  /** Events that open or update a GitHub issue. */
  on: Array<'failure' | 'freshness_miss'>;
  labels: string[];
  assignees: string[];
}

export interface Pipeline {
  dagId: string;
  description: string;
  owner: string;
  /** Pipeline-level runbook: a Markdown file relative to the pipeline folder (optional #section) or URL. */
  runbook?: string;
  /** Who reads the outputs: `@user` or `@org/team`. */
  consumers?: string[];
  tags: string[];
  /** 5-field cron or @hourly/@daily/@weekly/@monthly; undefined = manual only. */
  schedule?: string;
  timezone: string;
  partition: Grain;
  /** ISO date (YYYY-MM-DD) or date-time, read in `timezone`. */
  startDate: string;
  endDate?: string;
  catchup: boolean;
  maxActiveRuns: number;
  maxActiveTasks: number;
  /** With catchup: a tick plans only partitions whose interval ended at most this long ago (ms). */
  catchupWindowMs?: number;
  /** Published versions of each partition kept for rollback besides the live one. */
  retainVersions: number;
  /** The data root when no flag or PIPEWRIGHT_DATA_ROOT names one: a folder (relative to the pipeline) or s3:// address. */
  dataRoot?: string;
  /** What a scheduled tick reruns besides missing partitions. */
  reprocessOnTick: 'failed' | 'changed';
  /** Local time HH:MM by which the partition must be published on the day its tick runs. */
  freshness?: { deadline: string };
  defaults: RetryPolicy;
  /**
   * Path templates of the inputs. A `from:` input is listed here once resolved, with the upstream's
   * template, when one upstream partition feeds each partition (same grain and time zone).
   */
  inputs: Record<string, string>;
  /** Inputs that are another pipeline's output, by input name. */
  from?: Record<string, UpstreamInput>;
  outputs: Record<string, string>;
  tasks: Task[];
  alerts: AlertPolicy;
  /** Absolute path of the pipeline folder and of its pipeline.yml. */
  dir: string;
  file: string;
}

export const DEFAULT_POLICY: RetryPolicy = {
  retries: 0,
  retryDelayMs: 30_000,
  retryBackoff: 'fixed',
  maxRetryDelayMs: 600_000,
  timeoutMs: 3_600_000,
  retryOnCodeError: false,
};
