// The published schema in an editor: yaml-language-server (the engine behind the VS Code
// YAML extension), driven over stdio, flags typical mistakes in pipeline.yml as they are
// typed, and nothing in a contract `validate` accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContractText } from '../../src/contract/check-file.js';
import { editorSchema, SCHEMA_ID } from '../../src/contract/editor-schema.js';
import { scaffoldPipeline } from '../../src/scaffold/pipeline.js';
import { NODE, REPO_ROOT } from '../support/cli.js';
import { LspClient } from '../support/lsp.js';

const SCHEMA_URL = pathToFileURL(join(REPO_ROOT, 'schema/pipeline.schema.json')).href;
const SERVER = join(REPO_ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');

const BASE = `dag_id: web_sessions
description: Sessions per day.
owner: web-analytics
tags: [web]
schedule: "0 6 * * *"
timezone: Asia/Almaty
partition: daily
start_date: 2026-05-01
defaults:
  retries: 2
  retry_delay: 30s
  timeout: 15m
freshness:
  deadline: "07:30"
inputs:
  events: raw/events/dt={{ ds }}/events.csv
outputs:
  sessions: sessions/dt={{ ds }}/sessions.csv
tasks:
  - id: wait_for_events
    sensor:
      path: "{{ inputs.events }}"
      poke_interval: 30s
  - id: build_sessions
    upstream: [wait_for_events]
    trigger_rule: all_success
    handler: tasks/build_sessions.ts#buildSessions
  - id: check_sessions
    upstream: [build_sessions]
    checks:
      dataset: sessions
      rules:
        - not_null: [session_id]
`;

/** Typical mistakes, each one edit of BASE. */
const MISTAKES: Record<string, [string, string]> = {
  'misspelt key in defaults': ['  retries: 2', '  retires: 2'],
  'misspelt top-level key': ['schedule: "0 6 * * *"', 'schedul: "0 6 * * *"'],
  'duration in words': ['  retry_delay: 30s', '  retry_delay: 30 seconds'],
  'duration without unit': ['  timeout: 15m', '  timeout: "15"'],
  'sensor interval with a space': ['      poke_interval: 30s', '      poke_interval: 30 s'],
  'six-field cron': ['schedule: "0 6 * * *"', 'schedule: "0 0 6 * * *"'],
  'schedule in words': ['schedule: "0 6 * * *"', 'schedule: every day at six'],
  'zone with a space': ['timezone: Asia/Almaty', 'timezone: Asia Almaty'],
  'zone as a city only, with a typo': ['timezone: Asia/Almaty', 'timezone: asia almaty'],
  'date with slashes': ['start_date: 2026-05-01', 'start_date: 2026/05/01'],
  'date in words': ['start_date: 2026-05-01', 'start_date: May 1 2026'],
  'grain misspelt': ['partition: daily', 'partition: day'],
  'two kinds on one task': [
    '    handler: tasks/build_sessions.ts#buildSessions',
    '    handler: tasks/build_sessions.ts#buildSessions\n    command: [python, build.py]',
  ],
  'a task without a kind': ['    handler: tasks/build_sessions.ts#buildSessions', '    retries: 1'],
  'handler without its export': [
    '    handler: tasks/build_sessions.ts#buildSessions',
    '    handler: tasks/build_sessions.ts',
  ],
  'dag_id in kebab case': ['dag_id: web_sessions', 'dag_id: web-sessions'],
  'trigger rule misspelt': ['    trigger_rule: all_success', '    trigger_rule: all_succes'],
  'deadline without leading zero': ['  deadline: "07:30"', '  deadline: "7:30"'],
  'owner missing': ['owner: web-analytics\n', ''],
  'check rule misspelt': ['        - not_null: [session_id]', '        - not_nul: [session_id]'],
  'retries negative': ['  retries: 2', '  retries: -1'],
};

function withMistake([from, to]: [string, string]): string {
  expect(BASE).toContain(from);
  return BASE.replace(from, to);
}

describe('the published schema', () => {
  it('has an $id that is the raw file on GitHub, and the validator accepts what editors accept', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/pipeline.schema.json'), 'utf8'));
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(SCHEMA_ID).toMatch(/^https:\/\/raw\.githubusercontent\.com\/pipewright\/pipewright\/v1\/schema\//);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(editorSchema());
    const accepted = [
      BASE,
      readFileSync(join(REPO_ROOT, 'pipelines/turanmart_daily_sales/pipeline.yml'), 'utf8'),
      readFileSync(join(REPO_ROOT, 'test/fixtures/contracts/valid_minimal/pipeline.yml'), 'utf8'),
      ...(['hourly', 'daily', 'weekly', 'monthly'] as const).map(
        (grain) =>
          scaffoldPipeline({
            dagId: 'web_sessions',
            grain,
            timezone: 'America/Argentina/Buenos_Aires',
            schedule: '@daily',
            owner: 'x',
            pipelinesDir: 'pipelines',
            now: new Date('2026-05-10T00:00:00Z'),
          }).files[0]!.content,
      ),
    ];
    for (const text of accepted) {
      const contract = checkContractText(join(REPO_ROOT, 'pipelines/web_sessions/pipeline.yml'), text);
      const errors = contract.diagnostics.filter((d) => d.severity === 'error' && !d.message.includes('folder'));
      expect(errors).toEqual([]);
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('yaml-language-server over stdio', () => {
  let client: LspClient;

  beforeAll(async () => {
    client = new LspClient(NODE, [SERVER, '--stdio'], {
      yaml: { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: {} },
    });
    await client.start(pathToFileURL(REPO_ROOT).href);
  }, 60_000);

  afterAll(async () => {
    await client?.stop();
  });

  const open = (name: string, text: string) =>
    client.open(
      `file:///pipewright-editor-test/${name}/pipeline.yml`,
      `# yaml-language-server: $schema=${SCHEMA_URL}\n${text}`,
    );

  it('reports nothing in a correct contract', async () => {
    expect(await open('correct', BASE)).toEqual([]);
  }, 60_000);

  it(`flags most of ${Object.keys(MISTAKES).length} typical mistakes, each of which validate rejects`, async () => {
    const entries = Object.entries(MISTAKES);
    for (const [name, edit] of entries) {
      const contract = checkContractText(join(REPO_ROOT, 'pipelines/web_sessions/pipeline.yml'), withMistake(edit));
      expect(
        contract.diagnostics.some((d) => d.severity === 'error'),
        `validate rejects: ${name}`,
      ).toBe(true);
    }
    const published = await Promise.all(
      entries.map(([name, edit]) => open(name.replaceAll(' ', '-'), withMistake(edit))),
    );
    const missed = entries.filter((_, i) => published[i]!.length === 0).map(([name]) => name);
    const flagged = Object.keys(MISTAKES).length - missed.length;
    console.log(
      `yaml-language-server flagged ${flagged} of ${Object.keys(MISTAKES).length} typical mistakes` +
        (missed.length ? `; missed: ${missed.join(', ')}` : ''),
    );
    expect(flagged).toBeGreaterThanOrEqual(19);
  }, 180_000);
});
