// Every contract mistake `validate` must catch, with the exact line:col a user
// (or a PR annotation) is pointed to. Fixtures: test/fixtures/contracts/<case>/pipeline.yml.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../src/contract/editor-schema.js';
import { formatDiagnostic, loadPipelineById, validatePaths } from '../../src/contract/load.js';
import { pipelineSchema } from '../../src/contract/schema.js';
import { schemaValidatorCode } from '../../src/contract/schema-validator-code.js';
import { ContractError, UsageError } from '../../src/errors.js';
import { scratchDir } from '../support/temp.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(repo, 'test/fixtures/contracts');

async function lines(fixture: string): Promise<string[]> {
  const result = await validatePaths([join(fixtures, fixture)], { checkImports: false });
  return result.diagnostics.map((d) => formatDiagnostic(d, fixtures));
}

describe('validate: contract mistakes are located at the offending key or value', () => {
  it('accepts the TuranMart contract and normalizes it', async () => {
    const result = await validatePaths([join(repo, 'pipelines/turanmart_daily_sales')], { checkImports: false });
    expect(result.diagnostics).toEqual([]);
    const [p] = result.pipelines;
    expect(p?.dagId).toBe('turanmart_daily_sales');
    expect(p?.timezone).toBe('Asia/Almaty');
    expect(p?.defaults).toMatchObject({
      retries: 2,
      retryDelayMs: 30_000,
      retryBackoff: 'exponential',
      maxRetryDelayMs: 300_000,
      timeoutMs: 900_000,
    });
    const validate = p?.tasks.find((t) => t.id === 'validate_bronze_orders');
    expect(validate?.policy.retries).toBe(0); // per-task override wins over defaults
    expect(validate?.policy.timeoutMs).toBe(900_000); // the rest is inherited
    expect(p?.tasks.find((t) => t.id === 'check_source_available')?.spec).toEqual({
      kind: 'sensor',
      path: '{{ inputs.raw_orders }}',
      pokeIntervalMs: 30_000,
      timeoutMs: 1_200_000,
      giveUpAfterMs: 6 * 3_600_000,
      onTimeout: 'defer',
    });
    expect(p).toMatchObject({ catchupWindowMs: 14 * 24 * 3_600_000, retainVersions: 3, reprocessOnTick: 'failed' });
    expect(p?.tasks.find((t) => t.id === 'write_quality_report')?.triggerRule).toBe('all_done');
    expect(p?.file).toBe(join(repo, 'pipelines/turanmart_daily_sales/pipeline.yml'));
  });

  it('accepts a minimal contract and fills in the defaults', async () => {
    const { pipelines, diagnostics } = await validatePaths([join(fixtures, 'valid_minimal')], { checkImports: false });
    expect(diagnostics).toEqual([]);
    expect(pipelines[0]).toMatchObject({ timezone: 'UTC', catchup: false, maxActiveRuns: 1 });
    expect(pipelines[0]?.schedule).toBeUndefined(); // manual runs only
    expect(pipelines[0]?.tasks[0]?.spec).toEqual({
      kind: 'command',
      argv: ['echo', '{{ partition }}'],
      exitCodes: { transient: [], data: [] },
    });
  });

  it('reports unknown keys with the closest known key, and missing or empty identity fields', async () => {
    expect(await lines('bad_keys')).toEqual([
      "bad_keys/pipeline.yml:1:1: error: missing required key 'owner'",
      'bad_keys/pipeline.yml:2:14: error: description must not be empty',
      'bad_keys/pipeline.yml:3:7: error: tags must have at least 1 item',
      "bad_keys/pipeline.yml:4:1: error: unknown key 'schedual' (did you mean 'schedule'?)",
      "bad_keys/pipeline.yml:8:3: error: unknown key 'retires' in defaults (did you mean 'retries'?)",
      'bad_keys/pipeline.yml:11:15: error: tasks[0].command[0] must be a string (got true)',
      "bad_keys/pipeline.yml:12:5: error: unknown key 'upstreams' in tasks[0] (did you mean 'upstream'?)",
    ]);
  });

  it('reports duplicate ids, unknown and self upstreams, and prints a cycle as a path', async () => {
    expect(await lines('bad_graph')).toEqual([
      "bad_graph/pipeline.yml:10:9: error: duplicate task id 'extract' (first defined on line 8)",
      "bad_graph/pipeline.yml:13:16: error: task 'load' has unknown upstream 'extrakt' (did you mean 'extract'?)",
      "bad_graph/pipeline.yml:16:16: error: task 'selfish' depends on itself",
      'bad_graph/pipeline.yml:25:16: error: cycle in the task graph: b -> c -> a -> b',
    ]);
  });

  it('reports an invalid cron, an unknown time zone and an impossible date', async () => {
    expect(await lines('bad_schedule')).toEqual([
      "bad_schedule/pipeline.yml:5:11: error: invalid cron '0 25 * * *': Constraint error, got value 25 expected range 0-23",
      "bad_schedule/pipeline.yml:6:11: error: unknown time zone 'Asia/Almty' (did you mean 'Asia/Almaty'?)",
      "bad_schedule/pipeline.yml:8:13: error: start_date '2026-02-30' is not a valid date (YYYY-MM-DD or YYYY-MM-DDTHH:MM): you specified 30 (of type number) as a day, which is invalid",
    ]);
  });

  it('reports a 6-field cron, end_date before start_date and a malformed deadline', async () => {
    expect(await lines('bad_dates')).toEqual([
      "bad_dates/pipeline.yml:5:11: error: invalid cron '0 0 6 * * *': expected 5 fields (minute hour day-of-month month day-of-week), got 6",
      'bad_dates/pipeline.yml:8:11: error: end_date 2026-04-01 is before start_date 2026-05-01',
      'bad_dates/pipeline.yml:10:13: error: freshness.deadline: \'7:30\' is not a local time HH:MM, e.g. "07:30"',
    ]);
  });

  it('reports negative or fractional retries and malformed durations', async () => {
    expect(await lines('bad_policy')).toEqual([
      'bad_policy/pipeline.yml:8:12: error: defaults.retries must be a non-negative integer (got -1)',
      "bad_policy/pipeline.yml:9:16: error: defaults.retry_delay: '30 seconds' is not a duration like 500ms, 30s, 5m, 1h or 1d",
      "bad_policy/pipeline.yml:10:18: error: defaults.retry_backoff must be one of fixed, exponential (got 'linear')",
      'bad_policy/pipeline.yml:13:14: error: tasks[0].retries must be an integer (got 1.5)',
      "bad_policy/pipeline.yml:14:14: error: tasks[0].timeout: '5x' is not a duration like 500ms, 30s, 5m, 1h or 1d",
      "bad_policy/pipeline.yml:19:22: error: tasks[1].sensor.poke_interval: 'soon' is not a duration like 500ms, 30s, 5m, 1h or 1d",
    ]);
  });

  it('reports templates naming unknown variables, inputs or outputs, and an undeclared checks dataset', async () => {
    expect(await lines('bad_templates')).toEqual([
      "bad_templates/pipeline.yml:8:24: error: '{{ inputs.other }}' cannot be used here: inputs and outputs may only use ds, ds_nodash, hour, ts_nodash, partition, data_interval_start, data_interval_end",
      "bad_templates/pipeline.yml:10:19: error: unknown template variable '{{ date }}' (known: ds, ds_nodash, hour, ts_nodash, partition, data_interval_start, data_interval_end)",
      "bad_templates/pipeline.yml:14:14: error: unknown input 'rwa' in '{{ inputs.rwa }}' (inputs: raw)",
      "bad_templates/pipeline.yml:17:40: error: unknown output 'cleaned' in '{{ outputs.cleaned }}' (outputs: clean)",
      "bad_templates/pipeline.yml:21:16: error: checks dataset 'clean_orders' is not an input or output (known: raw, clean)",
    ]);
  });

  it('reports tasks with no kind or two, bad ids and handler specs, and malformed check rules', async () => {
    expect(await lines('bad_kinds')).toEqual([
      "bad_kinds/pipeline.yml:12:5: error: task 'both' has handler and command: a task has exactly one kind",
      "bad_kinds/pipeline.yml:13:9: error: task 'nothing' has no kind: give it exactly one of handler, command, sensor, checks",
      "bad_kinds/pipeline.yml:15:9: error: tasks[2].id: 'Bad-Id' is not lower snake_case starting with a letter (a-z, 0-9, _)",
      "bad_kinds/pipeline.yml:16:14: error: tasks[2].handler: 'tasks/run.py#run' is not path/to/module.ts#exportName (a .ts, .js or .mjs module relative to the pipeline folder)",
      'bad_kinds/pipeline.yml:17:5: error: cwd only applies to command tasks',
      'bad_kinds/pipeline.yml:23:11: error: one rule per item: found not_null and unique',
      'bad_kinds/pipeline.yml:24:38: error: row_count max 5 is below min 10',
    ]);
  });

  it('reports a dag_id that differs from its folder', async () => {
    expect(await lines('wrong_folder')).toEqual([
      "wrong_folder/pipeline.yml:1:9: error: dag_id 'right_name' must equal its folder name 'wrong_folder'",
    ]);
  });

  it('reports YAML syntax errors at their position', async () => {
    expect(await lines('broken_yaml')).toEqual([
      'broken_yaml/pipeline.yml:3:1: error: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports duplicate YAML keys', async () => {
    const dir = join(scratchDir('pw-dup-'), 'dup_keys');
    mkdirSync(dir);
    const valid = readFileSync(join(fixtures, 'valid_minimal/pipeline.yml'), 'utf8').replace(
      'valid_minimal',
      'dup_keys',
    );
    writeFileSync(join(dir, 'pipeline.yml'), `${valid.replace('owner: tests\n', 'owner: tests\nowner: again\n')}`);
    const result = await validatePaths([dir], { checkImports: false });
    expect(result.diagnostics.map((d) => formatDiagnostic(d, dir))).toEqual([
      'pipeline.yml:4:1: error: YAML: Map keys must be unique',
    ]);
  });

  it('validates a whole folder at once and reports every file', async () => {
    const result = await validatePaths([fixtures], { checkImports: false });
    expect(result.files).toHaveLength(10);
    expect(result.pipelines.map((p) => p.dagId)).toEqual(['valid_minimal']);
    expect(new Set(result.diagnostics.map((d) => d.file)).size).toBe(9);
  });
});

describe('validate: literal credentials', () => {
  // Built at run time so this repository never holds anything a secret scanner would flag.
  const aws = ['AKIA', 'Z7QX3VJ2K4LMN5PQ'].join('');
  const github = ['ghp', '_', 'a'.repeat(18), 'B'.repeat(18)].join('');
  const url = ['postgres://etl', ':', 'hunter2', '@', 'db.internal:5432/sales'].join('');
  const key = ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join('');

  it('locates each credential and never echoes it', async () => {
    const dir = join(scratchDir('pw-secrets-'), 'leaky');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'pipeline.yml'),
      [
        'dag_id: leaky',
        'description: Holds secrets it should not.',
        'owner: tests',
        'tags: [fixture]',
        'partition: daily',
        'start_date: 2026-05-01',
        `# token for later: ${github}`,
        'tasks:',
        '  - id: upload',
        `    command: [aws, s3, cp, --key, ${aws}, "${url}"]`,
        '  - id: sign',
        `    command: [sign, "${key}"]`,
        '',
      ].join('\n'),
    );
    const result = await validatePaths([dir], { checkImports: false });
    // Errors only: whether `aws` and `sign` are on this machine's PATH is a warning that varies by machine.
    const text = result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d, dir));
    expect(text).toEqual([
      'pipeline.yml:7:20: error: literal credential (a GitHub token) in the contract: store it as a GitHub secret and pass it through env',
      'pipeline.yml:10:35: error: literal credential (an AWS access key id) in the contract: store it as a GitHub secret and pass it through env',
      'pipeline.yml:10:58: error: literal credential (a password in a URL) in the contract: store it as a GitHub secret and pass it through env',
      'pipeline.yml:12:22: error: literal credential (a private key) in the contract: store it as a GitHub secret and pass it through env',
    ]);
    for (const secret of [aws, github, 'hunter2', key]) expect(text.join('\n')).not.toContain(secret);
  });

  it('does not mistake a URL with a templated password for a credential', async () => {
    const dir = join(scratchDir('pw-nosecret-'), 'clean_url');
    mkdirSync(dir);
    const valid = readFileSync(join(fixtures, 'valid_minimal/pipeline.yml'), 'utf8').replace(
      'valid_minimal',
      'clean_url',
    );
    writeFileSync(
      join(dir, 'pipeline.yml'),
      valid.replace('[echo, "{{ partition }}"]', '[psql, "postgres://etl:{{ ds }}@db/x"]'),
    );
    const { diagnostics } = await validatePaths([dir], { checkImports: false });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('loadPipelineById', () => {
  it('loads a valid pipeline', async () => {
    const p = await loadPipelineById(join(repo, 'pipelines'), 'turanmart_daily_sales');
    expect(p.tasks.map((t) => t.id)).toContain('build_daily_sales_gold');
  });

  it('refuses an unknown id with a suggestion', async () => {
    const error = await loadPipelineById(join(repo, 'pipelines'), 'turanmart_daily_sale').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /^unknown pipeline 'turanmart_daily_sale' \(did you mean 'turanmart_daily_sales'\?\)/,
    );
  });

  it('throws a ContractError listing every problem of an invalid contract', async () => {
    const error = await loadPipelineById(fixtures, 'bad_graph').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).message.split('\n')).toHaveLength(4);
    expect((error as ContractError).line).toBe(10);
  });
});

describe('schema/pipeline.schema.json', () => {
  it('is the published copy of the schema the validator uses (regenerate: npm exec -- tsx src/contract/schema-write.ts)', () => {
    const published = JSON.parse(readFileSync(join(repo, 'schema/pipeline.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(editorSchema())));
  });

  it('is what the precompiled validator was generated from (regenerate: npm exec -- tsx src/contract/schema-write.ts)', () => {
    expect(readFileSync(join(repo, 'src/contract/schema-validator.js'), 'utf8')).toBe(schemaValidatorCode());
  });

  it('describes every top-level and task key for editor completion', () => {
    const undocumented = (props: Record<string, { description?: string }>) =>
      Object.entries(props)
        .filter(([, s]) => !s.description)
        .map(([k]) => k);
    expect(undocumented(pipelineSchema.properties)).toEqual([]);
    expect(undocumented(pipelineSchema.properties.tasks.items.properties)).toEqual([]);
  });
});
