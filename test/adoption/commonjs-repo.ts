// A repository the way an adopter starts one: `npm init -y` (which writes "type": "commonjs"),
// git, and one pipeline whose handler throws two calls deep.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function npmInit(root: string): void {
  execFileSync('npm', ['init', '-y'], { cwd: root, stdio: 'ignore' });
  execFileSync('git', ['init', '-q', '.'], { cwd: root });
}

/** A pipeline whose handler throws two calls deep, as files relative to the repository root. */
export const THROWING_PIPELINE: Record<string, string> = {
  'pipelines/sessions/data/raw/dt=2026-05-01/events.csv': 'user,at\n',
  'pipelines/sessions/pipeline.yml': `dag_id: sessions
description: Sessions from raw events.
owner: web-analytics
tags: [web]
schedule: "0 6 * * *"
timezone: UTC
partition: daily
start_date: 2026-05-01
inputs:
  events: raw/dt={{ ds }}/events.csv
outputs:
  sessions: sessions/dt={{ ds }}/sessions.csv
  quality_report: quality/dt={{ ds }}/quality_report.json
tasks:
  - id: build_sessions
    handler: tasks/build_sessions.ts#buildSessions
`,
  'pipelines/sessions/tasks/build_sessions.ts': `import type { TaskContext } from 'pipewright';
import { sessionize } from './sessionize.ts';

export async function buildSessions(ctx: TaskContext): Promise<void> {
  const options: { window?: { minutes: number } } = {};
  ctx.logger.info('sessionizing');
  sessionize(options.window as { minutes: number });
}
`,
  'pipelines/sessions/tasks/sessionize.ts': `export function sessionize(window: { minutes: number }): number {
  return window.minutes * 60;
}
`,
};

export function throwingPipeline(root: string): void {
  for (const [name, content] of Object.entries(THROWING_PIPELINE)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}
