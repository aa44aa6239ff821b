// The JSON Schema of pipeline.yml. It lives in code so the validator needs no
// file at run time (the CLI and actions are bundled); schema/pipeline.schema.json
// is its published copy for editors (a test keeps the two equal; rewrite it with
// `npm exec -- tsx src/contract/schema-write.ts`). Keys are snake_case and
// unknown keys are refused so a typo like `retires:` is caught.
//
// `x-expected` is an annotation read by the validator to word pattern errors.

const duration = {
  type: 'string',
  pattern: '^[0-9]+(\\.[0-9]+)?(ms|s|m|h|d)$',
  'x-expected': 'a duration like 500ms, 30s, 5m, 1h or 1d',
  description: 'A duration: a number and a unit (ms, s, m, h, d), e.g. 30s, 5m, 1h.',
};

const identifier = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]*$',
  'x-expected': 'lower snake_case starting with a letter (a-z, 0-9, _)',
};

const runbook = {
  type: 'string',
  pattern: '^(https?://\\S+|[^#\\s][^#]*\\.md(#[A-Za-z0-9_-]+)?)$',
  'x-expected':
    'a Markdown file relative to the pipeline folder with an optional #section (runbook.md#late-export), or an http(s) URL',
  description:
    'What to do when this fails: a Markdown file relative to the pipeline folder, optionally with a #section, or an http(s) URL.',
};

const columnList = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', minLength: 1 },
  description: 'Column names.',
};

const policyProperties = {
  retries: {
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description:
      'How many times a failed attempt is retried (0 = never, at most 100). Code errors are not retried unless retry_on_code_error.',
  },
  retry_delay: { ...duration, description: 'Wait before the first retry, e.g. 30s (at most 24.8 days).' },
  retry_backoff: {
    enum: ['fixed', 'exponential'],
    description: 'fixed: every retry waits retry_delay; exponential: the wait doubles per attempt, with jitter.',
  },
  max_retry_delay: { ...duration, description: 'Cap on the wait between retries with exponential backoff.' },
  timeout: {
    ...duration,
    description:
      'Deadline of one attempt, more than zero and at most 24.8 days; past it the attempt is aborted and counts as failed.',
  },
  retry_on_code_error: {
    type: 'boolean',
    description: 'Also retry failures classified as code errors (default false: a bug fails after its first attempt).',
  },
};

const severity = {
  enum: ['error', 'warning'],
  description: 'error (default) fails the task; warning records the result and lets the run go on.',
};

const checkRule = {
  type: 'object',
  description: 'One rule: exactly one of the rule keys, optionally with severity.',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    required_columns: { ...columnList, description: 'These columns must be present in the header.' },
    row_count: {
      type: 'object',
      additionalProperties: false,
      description: 'Bounds on the number of data rows.',
      properties: {
        min: { type: 'integer', minimum: 0, description: 'Fewest rows accepted.' },
        max: { type: 'integer', minimum: 0, description: 'Most rows accepted.' },
      },
    },
    not_null: { ...columnList, description: 'These columns must never be empty.' },
    unique: { ...columnList, description: 'The combination of these columns must be unique across rows.' },
    accepted_values: {
      type: 'object',
      additionalProperties: false,
      required: ['column', 'values'],
      description: 'Every value of the column must be one of values.',
      properties: {
        column: { type: 'string', minLength: 1, description: 'Column to check.' },
        values: {
          type: 'array',
          minItems: 1,
          items: { type: ['string', 'number', 'boolean'] },
          description: 'Allowed values.',
        },
      },
    },
    date_in_partition: {
      type: 'string',
      minLength: 1,
      description: "Column whose dates must fall inside the partition's data interval.",
    },
    numeric: { ...columnList, description: 'These columns must parse as numbers.' },
    severity,
  },
};

const task = {
  type: 'object',
  description: 'A task: an id, its upstream tasks, and exactly one kind: handler, command, sensor or checks.',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { ...identifier, description: 'Task id, unique in the pipeline (lower snake_case).' },
    upstream: {
      type: 'array',
      items: { type: 'string' },
      uniqueItems: true,
      description: 'Ids of the tasks that must finish before this one.',
    },
    runbook: { ...runbook, description: `${runbook.description} Quoted first when this task fails.` },
    trigger_rule: {
      enum: ['all_success', 'all_done', 'none_failed', 'one_failed'],
      description:
        'When the task runs given its upstream states: all_success (default), all_done, none_failed, one_failed.',
    },
    ...policyProperties,
    handler: {
      type: 'string',
      pattern: '^[^#]+\\.(ts|js|mjs)#[A-Za-z_$][A-Za-z0-9_$]*$',
      'x-expected': 'path/to/module.ts#exportName (a .ts, .js or .mjs module relative to the pipeline folder)',
      description:
        'A function exported by a module in the repository: path/to/module.ts#exportName, relative to the pipeline folder.',
    },
    command: {
      type: 'array',
      minItems: 1,
      items: { type: 'string' },
      description: 'A program and its arguments, run without a shell; {{ }} templates are resolved per partition.',
    },
    cwd: { type: 'string', description: 'Working directory of a command, relative to the pipeline folder.' },
    resume: {
      enum: ['auto', 'never'],
      description:
        "auto (default): a resumed run reuses this task's staged outputs when its inputs and code are unchanged; never: it always reruns.",
    },
    exit_codes: {
      type: 'object',
      additionalProperties: false,
      description: 'Exit codes of a command mapped to failure classes; any other non-zero code is a code error.',
      properties: {
        transient: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 255 }, description: 'Retried.' },
        data: {
          type: 'array',
          items: { type: 'integer', minimum: 1, maximum: 255 },
          description: 'Fail fast, nothing published.',
        },
      },
    },
    sensor: {
      type: 'object',
      additionalProperties: false,
      required: ['path'],
      description: 'Waits for a file under the data root.',
      properties: {
        path: {
          type: 'string',
          minLength: 1,
          description: 'Template of the path to wait for, e.g. {{ inputs.raw_orders }}.',
        },
        poke_interval: { ...duration, description: 'How often to look (default 30s).' },
        timeout: { ...duration, description: 'How long to wait in one tick (default 20m).' },
        give_up_after: {
          ...duration,
          description:
            "Deadline measured from the end of the partition's data interval (e.g. 3h): past it the sensor fails or defers at once instead of waiting its timeout again.",
        },
        on_timeout: {
          enum: ['fail', 'defer'],
          description: 'At the deadline: fail the task, or defer the partition to the next tick (default fail).',
        },
      },
    },
    checks: {
      type: 'object',
      additionalProperties: false,
      required: ['dataset', 'rules'],
      description: 'Declarative data quality checks on one dataset.',
      properties: {
        dataset: { type: 'string', description: 'Name of an entry of inputs or outputs.' },
        rules: { type: 'array', minItems: 1, items: checkRule, description: 'The rules, each one key.' },
      },
    },
  },
};

const pathMap = {
  type: 'object',
  propertyNames: identifier,
  additionalProperties: {
    type: 'string',
    minLength: 1,
    description: 'Path template relative to the data root, e.g. raw/orders/dt={{ ds }}/orders.csv.',
  },
};

export const pipelineSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/pipewright/pipewright/schema/pipeline.schema.json',
  title: 'pipewright pipeline contract',
  description: 'pipelines/<dag_id>/pipeline.yml: a batch pipeline run by GitHub Actions.',
  type: 'object',
  additionalProperties: false,
  required: ['dag_id', 'description', 'owner', 'tags', 'partition', 'start_date', 'tasks'],
  properties: {
    dag_id: { ...identifier, description: 'The pipeline id; must equal the name of its folder.' },
    description: {
      type: 'string',
      minLength: 1,
      pattern: '\\S',
      description: 'What the pipeline produces, for people.',
    },
    owner: { type: 'string', minLength: 1, pattern: '\\S', description: 'Team or person answerable for the pipeline.' },
    runbook,
    consumers: {
      type: 'array',
      items: {
        type: 'string',
        pattern: '^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(/[A-Za-z0-9_.-]+)?$',
        'x-expected': 'a GitHub @user or @org/team',
      },
      uniqueItems: true,
      description: 'Who reads the outputs (@user or @org/team): mentioned when a backfill is announced.',
    },
    tags: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'At least one tag.',
    },
    schedule: {
      type: 'string',
      description:
        '5-field cron (minute hour day month weekday) or @hourly, @daily, @weekly, @monthly. Absent: manual runs only.',
    },
    timezone: { type: 'string', description: 'IANA time zone the schedule and partitions are read in (default UTC).' },
    partition: {
      enum: ['hourly', 'daily', 'weekly', 'monthly'],
      description: 'The grain of a partition: one data interval per run.',
    },
    start_date: {
      type: 'string',
      description: 'First logical date (YYYY-MM-DD or ISO date-time), read in timezone.',
    },
    end_date: { type: 'string', description: 'Last logical date (inclusive); absent = open-ended.' },
    catchup: {
      type: 'boolean',
      description:
        'Plan every due partition whose latest run did not succeed, gaps before a later success too, not only the latest (default false).',
    },
    max_active_runs: { type: 'integer', minimum: 1, description: 'Partitions run at once (default 1).' },
    max_active_tasks: { type: 'integer', minimum: 1, description: 'Tasks run at once within a partition (default 4).' },
    catchup_window: {
      ...duration,
      description:
        'With catchup: a tick plans only partitions whose interval ended within this window (e.g. 14d); older gaps are listed with the backfill command that fills them.',
    },
    retain_versions: {
      type: 'integer',
      minimum: 0,
      maximum: 100,
      description: 'Published versions of each partition kept for rollback besides the live one (default 3).',
    },
    data_root: {
      type: 'string',
      minLength: 1,
      pattern: '^(s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?|[^:]*)$',
      description:
        'Where the data lives when no --data-root flag or PIPEWRIGHT_DATA_ROOT says: a folder relative to the pipeline (default data), or an S3-compatible bucket s3://bucket/prefix.',
    },
    reprocess_on_tick: {
      enum: ['failed', 'changed'],
      description:
        'What a scheduled tick reruns besides missing partitions: failed (default), or changed — also completed partitions whose inputs or code changed since their live version.',
    },
    freshness: {
      type: 'object',
      additionalProperties: false,
      required: ['deadline'],
      description: 'When a partition must be published.',
      properties: {
        deadline: {
          type: 'string',
          pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
          'x-expected': 'a local time HH:MM, e.g. "07:30"',
          description: 'Local time HH:MM by which the partition must be published on the day its tick runs.',
        },
      },
    },
    defaults: {
      type: 'object',
      additionalProperties: false,
      description: 'Retry and timeout policy of every task; a task may override each key.',
      properties: policyProperties,
    },
    inputs: {
      type: 'object',
      propertyNames: identifier,
      description:
        "Datasets read: name -> path template, or { from: <dag_id>.<output> } for another pipeline's output.",
      additionalProperties: {
        // One schema for both shapes: string keywords apply to a path, object keywords to `from:`.
        type: ['string', 'object'],
        minLength: 1,
        additionalProperties: false,
        required: ['from'],
        description:
          "Path template relative to the data root, e.g. raw/orders/dt={{ ds }}/orders.csv; or { from: <dag_id>.<output> }: another pipeline's output, whose path and partitions come from that pipeline's contract.",
        properties: {
          from: {
            type: 'string',
            pattern: '^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$',
            'x-expected': '<dag_id>.<output>, e.g. turanmart_daily_sales.daily_sales',
            description:
              'The upstream pipeline and its output, <dag_id>.<output>: a partition is planned only once the upstream partitions it covers are published.',
          },
        },
      },
    },
    outputs: { ...pathMap, description: 'Datasets written: name -> path template.' },
    tasks: { type: 'array', minItems: 1, items: task, description: 'The tasks of the DAG.' },
    alerts: {
      type: 'object',
      additionalProperties: false,
      description: 'GitHub issues opened on failures.',
      properties: {
        on: {
          type: 'array',
          items: { enum: ['failure', 'freshness_miss'] },
          uniqueItems: true,
          description: 'Events that open or update an issue.',
        },
        labels: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Labels of the issue.' },
        assignees: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'GitHub logins assigned.' },
      },
    },
  },
};
