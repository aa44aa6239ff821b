// `pipewright list` and `pipewright test` on a scaffolded pipeline.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { npmInit } from './commonjs-repo.js';

const tempRoot = tempRoots('pw-habits-');

function scaffold(): { root: string; key: string } {
  const root = tempRoot();
  npmInit(root);
  const init = pipewright(root, ['init', 'web_sessions', '--owner', 'web-analytics']);
  expect(init.status).toBe(0);
  return { root, key: /--partition (\S+)/.exec(init.stdout)?.[1] ?? '' };
}

describe('pipewright list', () => {
  it('shows each pipeline with owner, schedule, grain and its latest run', () => {
    const { root, key } = scaffold();
    expect(pipewright(root, ['list']).stdout).toBe(
      [
        'DAG_ID        OWNER          SCHEDULE       GRAIN  LAST RUN',
        'web_sessions  web-analytics  0 6 * * * UTC  daily  never run',
        '',
      ].join('\n'),
    );
    expect(pipewright(root, ['run', 'web_sessions', '--partition', key]).status).toBe(0);
    const [row] = JSON.parse(pipewright(root, ['list', '--format', 'json']).stdout) as [
      { dag_id: string; last_run: { partition: string; state: string } },
    ];
    expect(row.dag_id).toBe('web_sessions');
    expect(row.last_run).toMatchObject({ partition: key, state: 'success' });
  });
});

describe('pipewright test', () => {
  it('runs one task in a scratch data root and leaves the data root and the ledger alone', () => {
    const { root, key } = scaffold();
    const dataDir = join(root, 'pipelines/web_sessions/data');
    const before = readdirSync(dataDir, { recursive: true }).sort();
    const run = pipewright(root, ['test', 'web_sessions', 'summarize_events', '--partition', key]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        `web_sessions.summarize_events ${key}: success in ${/in (\S+) \(test/.exec(run.stdout)?.[1]} (test: no ledger, scratch data root)`,
        '  metric events = 3',
        '  metric total_cents = 4975',
        `  wrote summary: summary/dt=${key}/summary.csv (${`partition,events,total_cents\n${key},3,4975\n`.length} bytes)`,
        '',
      ].join('\n'),
    );
    expect(readdirSync(dataDir, { recursive: true }).sort()).toEqual(before);
    expect(existsSync(join(dataDir, '_pipewright'))).toBe(false);
  });

  it('runs a task once, with its located error, and refuses an unknown task', () => {
    const { root, key } = scaffold();
    writeFileSync(
      join(root, `pipelines/web_sessions/data/raw/events/dt=${key}/events.csv`),
      'event_id,amount_cents\ne-1,12.5\n',
    );
    const run = pipewright(root, ['test', 'web_sessions', 'summarize_events', '--date', key]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`: failed in `);
    // Located twice: where the handler threw, and the line of the dataset it read (named as the contract names it).
    expect(run.stdout).toMatch(
      /\ndata: pipelines\/web_sessions\/tasks\/summarize_events\.ts:\d+:\d+: raw\/events\/dt=[\d-]+\/events\.csv:2: amount_cents is not a whole number: e-1,12\.5\n/,
    );
    expect(run.stderr).not.toContain('attempt 2');

    const unknown = pipewright(root, ['test', 'web_sessions', 'sumarize_events', '--partition', key]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      "pipewright test: pipeline 'web_sessions' has no task 'sumarize_events' (tasks: summarize_events, check_summary)\n",
    );
  });
});
