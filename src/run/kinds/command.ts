// `command: [prog, arg, ...]`: a program spawned without a shell in its own process
// group, so a timeout can end it and everything it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { CommandSpec } from '../../contract/model.js';
import type { FailureClass } from '../../errors.js';
import { renderTemplate, templateVars } from '../../store/paths.js';
import type { AttemptEnv, AttemptResult, KindRunner } from '../attempt.js';
import { withLocalCopies } from './local-copies.js';

/** How many trailing stderr lines a failure message quotes. */
const TAIL_LINES = 5;

/** `raw_orders` → `PIPEWRIGHT_INPUT_RAW_ORDERS`. */
export function envName(prefix: string, name: string): string {
  return `${prefix}${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** The partition's values for the program, beside the runner's own environment. */
export function commandEnv(env: AttemptEnv, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const vars: NodeJS.ProcessEnv = {
    ...base,
    PIPEWRIGHT_DAG_ID: env.pipeline.dagId,
    PIPEWRIGHT_TASK_ID: env.task.id,
    PIPEWRIGHT_DS: env.partition.ds,
    PIPEWRIGHT_PARTITION: env.partition.key,
    PIPEWRIGHT_DATA_INTERVAL_START: env.partition.dataIntervalStart,
    PIPEWRIGHT_DATA_INTERVAL_END: env.partition.dataIntervalEnd,
    PIPEWRIGHT_RUN_ID: env.runId,
    PIPEWRIGHT_ATTEMPT: String(env.attempt),
    PIPEWRIGHT_DATA_ROOT: env.dataRoot,
  };
  for (const [name, file] of Object.entries(env.inputs)) vars[envName('PIPEWRIGHT_INPUT_', name)] = file;
  for (const [name, file] of Object.entries(env.outputs)) vars[envName('PIPEWRIGHT_OUTPUT_', name)] = file;
  return vars;
}

/** Each argument rendered on its own: a value is never re-split or seen by a shell. */
export function renderArgv(spec: CommandSpec, env: AttemptEnv): string[] {
  const vars = { ...templateVars(env.partition), inputs: env.inputs, outputs: env.outputs };
  return spec.argv.map((arg) => renderTemplate(arg, vars));
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function classifyExit(spec: CommandSpec, code: number): FailureClass {
  if (spec.exitCodes.transient.includes(code)) return 'transient';
  if (spec.exitCodes.data.includes(code)) return 'data';
  return 'code';
}

function pipeLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', onLine);
}

/** Resolves once the stdio pipes close, or after `ms` (a grandchild that left the group may hold them). */
function closed(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.stdout?.closed !== false && child.stderr?.closed !== false) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve();
    }, ms);
    child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function commandKind(spec: CommandSpec): KindRunner {
  return {
    cooperative: true,
    async run(env): Promise<AttemptResult> {
      if (env.store.kind !== 'fs') return withLocalCopies(env, (local) => runCommand(spec, local));
      // An output's staging folder is the attempt's own and new: a command like `cp a {{ outputs.b }}` needs it there.
      for (const file of Object.values(env.outputs)) await mkdir(path.dirname(file), { recursive: true });
      return runCommand(spec, env);
    },
  };
}

function runCommand(spec: CommandSpec, env: AttemptEnv): Promise<AttemptResult> {
  const [program, ...args] = renderArgv(spec, env);
  if (program === undefined) {
    return Promise.resolve({ status: 'failed', failureClass: 'code', error: 'empty command' });
  }
  const cwd = path.resolve(env.pipeline.dir, spec.cwd ?? '.');
  return new Promise((resolve) => {
    const tail: string[] = [];
    let killTimer: NodeJS.Timeout | undefined;
    const child = spawn(program, args, {
      cwd,
      env: commandEnv(env),
      detached: true, // its own process group: -pid reaches every process it starts
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onAbort = () => {
      env.logger.warning(`stopping ${program} (pid ${child.pid}): SIGTERM to its process group`);
      signalGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), env.killGraceMs);
    };
    env.signal.addEventListener('abort', onAbort, { once: true });
    pipeLines(child.stdout, (line) => env.logger.info(line));
    pipeLines(child.stderr, (line) => {
      env.logger.info(line);
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    });
    let settled = false;
    // The result is built after the pipes close, so the stderr tail is complete.
    const finish = async (build: () => AttemptResult) => {
      if (settled) return;
      settled = true;
      env.signal.removeEventListener('abort', onAbort);
      // Whatever the program left running dies with it: a task's processes never outlive the task.
      signalGroup(child.pid, 'SIGKILL');
      clearTimeout(killTimer);
      await closed(child, env.killGraceMs);
      resolve(build());
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      const message =
        error.code === 'ENOENT'
          ? `command not found: ${program} (cwd ${cwd})`
          : `cannot start ${program}: ${error.message}`;
      void finish(() => ({ status: 'failed', failureClass: 'code', error: message }));
    });
    child.once('exit', (code, signal) => {
      void finish(() => {
        const stderrTail = tail.length > 0 ? `: ${tail.join(' | ')}` : '';
        if (env.signal.aborted) {
          const reason: unknown = env.signal.reason;
          const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
          const why = reason instanceof Error ? reason.message : 'cancelled';
          return {
            status: 'failed',
            failureClass: timedOut ? 'timeout' : 'code',
            error: `${why}; killed ${program}`,
          };
        }
        if (code === 0) return { status: 'success' };
        if (code !== null) {
          const failureClass = classifyExit(spec, code);
          return { status: 'failed', failureClass, error: `${program} exited with code ${code}${stderrTail}` };
        }
        return { status: 'failed', failureClass: 'code', error: `${program} was killed by ${signal}${stderrTail}` };
      });
    });
  });
}
