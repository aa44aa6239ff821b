// The published schema (schema/pipeline.schema.json) is the validator's schema plus what
// helps in an editor through yaml-language-server: defaults, one oneOf branch per task kind,
// and patterns with a patternErrorMessage for durations, dates, zones and crons. The CLI's
// own rules (src/contract/rules.ts) still word those mistakes for `validate`; these only
// make the editor flag them as they are typed, never anything validate accepts.
import { pipelineSchema } from './schema.js';

type Node = Record<string, unknown>;

/** Where the raw JSON is served, so `$schema: <$id>` works in any editor. */
export const SCHEMA_ID = 'https://raw.githubusercontent.com/pipewright/pipewright/v1/schema/pipeline.schema.json';

export const TASK_KIND_BRANCHES = ['handler', 'command', 'sensor', 'checks'] as const;

const DURATION_MESSAGE = 'Expected a duration: a number and a unit (ms, s, m, h, d), e.g. 500ms, 30s, 5m, 1h.';
const IDENTIFIER_MESSAGE = 'Expected lower snake_case starting with a letter (a-z, 0-9, _), e.g. daily_sales.';

const DATE = {
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
  patternErrorMessage: 'Expected a date YYYY-MM-DD (or an ISO date-time such as 2026-05-01T06:00), read in timezone.',
};

const HINTS: Record<string, Node> = {
  schedule: {
    pattern: '^(@(hourly|daily|weekly|monthly)|[0-9*,/A-Za-z?-]+( +[0-9*,/A-Za-z?-]+){4})$',
    patternErrorMessage:
      'Expected a 5-field cron (minute hour day month weekday), e.g. "0 6 * * *", or @hourly, @daily, @weekly, @monthly.',
  },
  timezone: {
    default: 'UTC',
    // Names as IANA spells them, or a fixed offset (Node accepts both as zones).
    pattern: '^([A-Z][A-Za-z0-9_+-]*(/[A-Z0-9][A-Za-z0-9_+-]*)*|[+-]\\d{2}:\\d{2})$',
    patternErrorMessage: 'Expected an IANA time zone name such as UTC, Asia/Almaty or America/New_York.',
  },
  start_date: DATE,
  end_date: DATE,
  catchup: { default: false },
  max_active_runs: { default: 1 },
  max_active_tasks: { default: 4 },
};

const POLICY_DEFAULTS: Record<string, unknown> = {
  retries: 0,
  retry_delay: '30s',
  retry_backoff: 'fixed',
  max_retry_delay: '10m',
  timeout: '1h',
  retry_on_code_error: false,
};

function props(node: unknown): Record<string, Node> {
  return ((node as Node).properties ?? {}) as Record<string, Node>;
}

/** Every node of the tree (objects inside objects and arrays), to add messages by pattern. */
function* nodes(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const item of node) yield* nodes(item);
  else if (node && typeof node === 'object') {
    yield node as Node;
    for (const value of Object.values(node)) yield* nodes(value);
  }
}

export function editorSchema(): Node {
  const schema = structuredClone(pipelineSchema) as unknown as Node;
  const durationPattern = (props(schema).defaults as Node & { properties: Record<string, Node> }).properties
    .retry_delay!.pattern;
  const identifierPattern = props(schema).dag_id!.pattern;
  for (const node of nodes(schema)) {
    if (node.pattern === durationPattern) node.patternErrorMessage = DURATION_MESSAGE;
    if (node.pattern === identifierPattern) node.patternErrorMessage = IDENTIFIER_MESSAGE;
    if (typeof node['x-expected'] === 'string' && !node.patternErrorMessage)
      node.patternErrorMessage = `Expected ${node['x-expected']}.`;
  }
  schema.$id = SCHEMA_ID;
  for (const [key, hint] of Object.entries(HINTS)) Object.assign(props(schema)[key]!, hint);

  const defaults = props(props(schema).defaults);
  for (const [key, value] of Object.entries(POLICY_DEFAULTS)) defaults[key]!.default = value;

  const task = (props(schema).tasks as Node).items as Node;
  const taskProps = props(task);
  taskProps.trigger_rule!.default = 'all_success';
  const sensor = props(taskProps.sensor);
  sensor.poke_interval!.default = '30s';
  sensor.timeout!.default = '20m';
  sensor.on_timeout!.default = 'fail';
  const rule = (props(taskProps.checks).rules as Node).items as Node;
  props(rule).severity!.default = 'error';
  // One branch per kind: a task with none, or with two, matches no branch or two.
  task.oneOf = TASK_KIND_BRANCHES.map((kind) => ({
    title: `${kind} task`,
    description: `A task of kind ${kind}: the other kinds (${TASK_KIND_BRANCHES.filter((k) => k !== kind).join(', ')}) cannot be on it.`,
    required: [kind],
  }));
  return schema;
}
