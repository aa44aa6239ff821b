// Turns a contract that passed validation into the `Pipeline` the rest of
// pipewright uses: defaults filled in, durations in ms, task policy resolved.
import { dirname, resolve } from 'node:path';
import { parseDuration } from './duration.js';
import {
  type AlertPolicy,
  type CheckRule,
  DEFAULT_POLICY,
  type Grain,
  type Pipeline,
  type RetryPolicy,
  type Severity,
  type Task,
  type TaskSpec,
  type TriggerRule,
  type UpstreamInput,
} from './model.js';
import type { Raw } from './rules.js';

export const PIPELINE_DEFAULTS = {
  timezone: 'UTC',
  catchup: false,
  maxActiveRuns: 1,
  maxActiveTasks: 4,
  retainVersions: 3,
  sensor: { pokeIntervalMs: 30_000, timeoutMs: 1_200_000, onTimeout: 'fail' as const },
};

const ms = (value: unknown, fallback: number) =>
  typeof value === 'string' ? (parseDuration(value) ?? fallback) : fallback;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const record = (value: unknown): Raw => (typeof value === 'object' && value !== null ? (value as Raw) : {});

function policy(raw: Raw, base: RetryPolicy): RetryPolicy {
  return {
    retries: typeof raw.retries === 'number' ? raw.retries : base.retries,
    retryDelayMs: ms(raw.retry_delay, base.retryDelayMs),
    retryBackoff:
      raw.retry_backoff === 'exponential' || raw.retry_backoff === 'fixed' ? raw.retry_backoff : base.retryBackoff,
    maxRetryDelayMs: ms(raw.max_retry_delay, base.maxRetryDelayMs),
    timeoutMs: ms(raw.timeout, base.timeoutMs),
    retryOnCodeError: typeof raw.retry_on_code_error === 'boolean' ? raw.retry_on_code_error : base.retryOnCodeError,
  };
}

function checkRule(raw: Raw): CheckRule {
  const severity: Severity = raw.severity === 'warning' ? 'warning' : 'error';
  if ('required_columns' in raw) return { type: 'required_columns', columns: strings(raw.required_columns), severity };
  if ('row_count' in raw) {
    const { min, max } = record(raw.row_count);
    return {
      type: 'row_count',
      ...(typeof min === 'number' ? { min } : {}),
      ...(typeof max === 'number' ? { max } : {}),
      severity,
    };
  }
  if ('not_null' in raw) return { type: 'not_null', columns: strings(raw.not_null), severity };
  if ('unique' in raw) return { type: 'unique', columns: strings(raw.unique), severity };
  if ('accepted_values' in raw) {
    const { column, values } = record(raw.accepted_values);
    return { type: 'accepted_values', column: String(column), values: strings(values), severity };
  }
  if ('date_in_partition' in raw) return { type: 'date_in_partition', column: String(raw.date_in_partition), severity };
  return { type: 'numeric', columns: strings(raw.numeric), severity };
}

function spec(raw: Raw): TaskSpec {
  if (typeof raw.handler === 'string') {
    const at = raw.handler.lastIndexOf('#');
    return { kind: 'handler', module: raw.handler.slice(0, at), exportName: raw.handler.slice(at + 1) };
  }
  if (Array.isArray(raw.command)) {
    const codes = record(raw.exit_codes);
    const numbers = (v: unknown) => (Array.isArray(v) ? v.map(Number) : []);
    return {
      kind: 'command',
      argv: strings(raw.command),
      ...(typeof raw.cwd === 'string' ? { cwd: raw.cwd } : {}),
      exitCodes: { transient: numbers(codes.transient), data: numbers(codes.data) },
    };
  }
  if (raw.sensor !== undefined) {
    const sensor = record(raw.sensor);
    const d = PIPELINE_DEFAULTS.sensor;
    return {
      kind: 'sensor',
      path: String(sensor.path),
      pokeIntervalMs: ms(sensor.poke_interval, d.pokeIntervalMs),
      timeoutMs: ms(sensor.timeout, d.timeoutMs),
      ...(typeof sensor.give_up_after === 'string' ? { giveUpAfterMs: ms(sensor.give_up_after, 0) } : {}),
      onTimeout: sensor.on_timeout === 'defer' ? 'defer' : d.onTimeout,
    };
  }
  const checks = record(raw.checks);
  return {
    kind: 'checks',
    dataset: String(checks.dataset),
    rules: (Array.isArray(checks.rules) ? checks.rules : []).map((r: unknown) => checkRule(record(r))),
  };
}

function alerts(raw: unknown): AlertPolicy {
  if (raw === undefined) return { on: [], labels: [], assignees: [] };
  const a = record(raw);
  return {
    on: Array.isArray(a.on) ? (a.on as AlertPolicy['on']) : ['failure'],
    labels: strings(a.labels),
    assignees: strings(a.assignees),
  };
}

/** `inputs` split into path templates and `from:` references to other pipelines' outputs. */
function inputs(raw: unknown): Pick<Pipeline, 'inputs' | 'from'> {
  const paths: Record<string, string> = {};
  const from: Record<string, UpstreamInput> = {};
  for (const [name, value] of Object.entries(record(raw))) {
    if (typeof value === 'string') {
      paths[name] = value;
      continue;
    }
    const [dagId = '', output = ''] = String(record(value).from).split('.');
    from[name] = { dagId, output };
  }
  return { inputs: paths, from };
}

/** `data` must have passed schemaDiagnostics and the rules with no error. */
export function normalizePipeline(data: Raw, file: string): Pipeline {
  const absolute = resolve(file);
  const defaults = policy(record(data.defaults), DEFAULT_POLICY);
  const tasks: Task[] = (data.tasks as Raw[]).map((t) => ({
    id: String(t.id),
    upstream: strings(t.upstream),
    triggerRule: (t.trigger_rule as TriggerRule | undefined) ?? 'all_success',
    ...(typeof t.runbook === 'string' ? { runbook: t.runbook } : {}),
    policy: policy(t, defaults),
    spec: spec(t),
    resume: t.resume === 'never' ? 'never' : 'auto',
  }));
  return {
    dagId: String(data.dag_id),
    description: String(data.description),
    owner: String(data.owner),
    ...(typeof data.runbook === 'string' ? { runbook: data.runbook } : {}),
    consumers: strings(data.consumers),
    tags: strings(data.tags),
    ...(typeof data.schedule === 'string' ? { schedule: data.schedule } : {}),
    timezone: typeof data.timezone === 'string' ? data.timezone : PIPELINE_DEFAULTS.timezone,
    partition: data.partition as Grain,
    startDate: String(data.start_date),
    ...(typeof data.end_date === 'string' ? { endDate: data.end_date } : {}),
    catchup: typeof data.catchup === 'boolean' ? data.catchup : PIPELINE_DEFAULTS.catchup,
    maxActiveRuns: typeof data.max_active_runs === 'number' ? data.max_active_runs : PIPELINE_DEFAULTS.maxActiveRuns,
    maxActiveTasks:
      typeof data.max_active_tasks === 'number' ? data.max_active_tasks : PIPELINE_DEFAULTS.maxActiveTasks,
    ...(typeof data.catchup_window === 'string' ? { catchupWindowMs: ms(data.catchup_window, 0) } : {}),
    retainVersions: typeof data.retain_versions === 'number' ? data.retain_versions : PIPELINE_DEFAULTS.retainVersions,
    ...(typeof data.data_root === 'string' ? { dataRoot: data.data_root } : {}),
    reprocessOnTick: data.reprocess_on_tick === 'changed' ? 'changed' : 'failed',
    ...(data.freshness !== undefined ? { freshness: { deadline: String(record(data.freshness).deadline) } } : {}),
    defaults,
    ...inputs(data.inputs),
    outputs: Object.fromEntries(Object.entries(record(data.outputs)).map(([k, v]) => [k, String(v)])),
    tasks,
    alerts: alerts(data.alerts),
    dir: dirname(absolute),
    file: absolute,
  };
}
