// Builds normalized pipelines in real temp folders for the executor tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { DEFAULT_POLICY, type Pipeline, type RetryPolicy, type Task, type TaskSpec } from '../../src/contract/model.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const REPO = path.resolve(FIXTURES, '../../..');

/** A fresh folder for the current test, removed when it finishes. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pipewright-${prefix}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function handler(exportName: string): TaskSpec {
  return { kind: 'handler', module: 'handlers.ts', exportName };
}

export function task(
  id: string,
  spec: TaskSpec,
  extra: {
    upstream?: string[];
    triggerRule?: Task['triggerRule'];
    policy?: Partial<RetryPolicy>;
    resume?: Task['resume'];
  } = {},
): Task {
  return {
    id,
    upstream: extra.upstream ?? [],
    triggerRule: extra.triggerRule ?? 'all_success',
    policy: { ...DEFAULT_POLICY, retryDelayMs: 10, ...extra.policy },
    spec,
    resume: extra.resume ?? 'auto',
  };
}

/** A daily pipeline whose folder is the fixtures folder (so `handlers.ts` resolves). */
export function pipeline(tasks: Task[], extra: Partial<Pipeline> = {}): Pipeline {
  return {
    dagId: 'test_dag',
    description: 'executor test',
    owner: 'tests',
    tags: [],
    timezone: 'Asia/Almaty',
    partition: 'daily',
    startDate: '2026-05-01',
    catchup: false,
    maxActiveRuns: 1,
    maxActiveTasks: 4,
    retainVersions: 3,
    reprocessOnTick: 'failed',
    defaults: DEFAULT_POLICY,
    inputs: {},
    outputs: {},
    tasks,
    alerts: { on: [], labels: [], assignees: [] },
    dir: FIXTURES,
    file: path.join(FIXTURES, 'pipeline.yml'),
    ...extra,
  };
}

export interface TraceEvent {
  task: string;
  event: string;
  attempt: number;
  at: number;
}

export function readTrace(dataRoot: string): TraceEvent[] {
  try {
    return readFileSync(path.join(dataRoot, 'trace.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as TraceEvent);
  } catch {
    return [];
  }
}

/** True while the process exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
