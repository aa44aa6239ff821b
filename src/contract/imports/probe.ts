// Imports handler modules in a child process (plain Node: types are stripped,
// nothing is compiled), each within a time budget, with the network blocked,
// and reports what happened to each.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { folderUrl, moduleFormatHookSource } from '../../run/module-format.js';
import { probeSource } from './child-sources.js';

export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

export interface ImportFailure {
  name: string;
  code?: string;
  message: string;
  stack: string;
}

export interface NetworkAttempt {
  what: string;
  at?: SourceLocation;
}

export type ProbeResult =
  | { outcome: 'loaded'; exports: string[]; functions: string[]; network: NetworkAttempt[] }
  | { outcome: 'failed'; error: ImportFailure; stderr: string; network: NetworkAttempt[] }
  | { outcome: 'timeout'; network: NetworkAttempt[] };

/** A probe's result and the repository files the import loaded (empty where Node cannot tell). */
export interface Probed {
  result: ProbeResult;
  loaded: string[];
}

type Message = { i: number } & (
  | { type: 'start' }
  | { type: 'exports'; names: string[]; functions: string[] }
  | { type: 'loaded'; url: string }
  | ({ type: 'error' } & ImportFailure)
  | { type: 'network'; what: string; at?: SourceLocation }
);

/**
 * Imports `modulePaths` one after another in as few child processes as it can: one, unless a
 * module throws at import (its process ends so Node prints where) or outlasts the budget (its
 * process is killed); the modules after it go to a new process. `loaded` of a module lists every
 * repository file its process had loaded by the end of its import, those of modules before it
 * included: a superset of what it depends on, which is what a cache key needs.
 */
export interface ProbeOptions {
  timeoutMs: number;
  cwd: string;
  /** The folder whose task code loads as ES modules, as it does in a run. */
  tasksRoot: string;
}

/**
 * A probe process started before its modules are known (`validate` starts one while it reads the
 * contracts, so Node's start overlaps that work); it waits for the list on its stdin.
 */
export interface EarlyProbe {
  /** The process, once: undefined when it was taken, or has ended. */
  take(): ChildProcess | undefined;
  /** Ends it if nobody took it. */
  stop(): void;
  /** Whether it was started for these folders (a process imports task code of one folder, from one cwd). */
  fits(folders: Omit<ProbeOptions, 'timeoutMs'>): boolean;
}

export function startEarlyProbe(opts: Omit<ProbeOptions, 'timeoutMs'>): EarlyProbe {
  let child: ChildProcess | undefined = spawnProbe(opts, undefined);
  const started = child;
  started.stdin?.on('error', () => {}); // it may end before it is given its list
  // One that could not start is not taken: the modules get a process of their own, which reports why.
  started.on('error', () => {
    if (child === started) child = undefined;
  });
  return {
    take() {
      const taken = child;
      child = undefined;
      return taken && taken.exitCode === null && taken.signalCode === null ? taken : undefined;
    },
    stop() {
      child?.kill('SIGKILL');
      child = undefined;
    },
    fits: (folders) => folders.cwd === opts.cwd && folders.tasksRoot === opts.tasksRoot,
  };
}

/** `early` is used for the first process when it was started for the same folders. */
export async function probeModules(modulePaths: string[], opts: ProbeOptions, early?: EarlyProbe): Promise<Probed[]> {
  const out: Probed[] = [];
  const fitting = early?.fits(opts) ? early : undefined;
  while (out.length < modulePaths.length) {
    const child = out.length === 0 ? fitting?.take() : undefined;
    out.push(...(await probeFrom(modulePaths.slice(out.length), opts, child)));
  }
  return out;
}

/** The probe process: given its module URLs in the environment, or (`urls` undefined) later on its stdin. */
function spawnProbe(opts: Omit<ProbeOptions, 'timeoutMs'>, urls: string[] | undefined): ChildProcess {
  const program = probeSource(moduleFormatHookSource([folderUrl(opts.tasksRoot)]));
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (urls) env.PIPEWRIGHT_PROBE_URLS = JSON.stringify(urls);
  delete env.NODE_OPTIONS; // no loaders (tsx, coverage) from the parent: import as plain Node would
  return spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '--eval', program], {
    cwd: opts.cwd,
    env,
    stdio: [urls ? 'ignore' : 'pipe', 'ignore', 'pipe', 'pipe'],
  });
}

/** One child process over `paths` (`early`, given them now, or a new one): results for the modules it got through (at least the first). */
async function probeFrom(paths: string[], opts: ProbeOptions, early?: ChildProcess): Promise<Probed[]> {
  const urls = paths.map((p) => pathToFileURL(p).href);
  const child = early ?? spawnProbe(opts, urls);
  if (early) early.stdin?.end(JSON.stringify(urls));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });
  const results: Probed[] = [];
  const loaded: string[] = [];
  let network: NetworkAttempt[] = [];
  let current = -1;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  // Each module gets the whole budget from the moment its import starts.
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
  };
  // Every module imported: the answer is complete, and the process's exit need not be waited for.
  let allLoaded = () => {};
  const finish = (result: ProbeResult) => {
    results.push({ result, loaded: [...loaded] });
    network = [];
    if (results.length === paths.length) allLoaded();
  };
  const onMessage = (m: Message) => {
    if (m.type === 'start') {
      current = m.i;
      arm();
    } else if (m.type === 'network') {
      if (m.i === current) network.push({ what: m.what, ...(m.at ? { at: m.at } : {}) });
    } else if (m.type === 'loaded') {
      loaded.push(fileURLToPath(m.url));
    } else if (m.type === 'exports') {
      finish({ outcome: 'loaded', exports: m.names, functions: m.functions, network });
    } else {
      const error: ImportFailure = {
        name: m.name,
        ...(m.code ? { code: m.code } : {}),
        message: m.message,
        stack: m.stack,
      };
      results.push({ result: { outcome: 'failed', error, stderr: '', network }, loaded: [...loaded] });
    }
  };
  let channel = '';
  (child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
    channel += chunk;
    let end = channel.indexOf('\n');
    while (end >= 0) {
      onMessage(JSON.parse(channel.slice(0, end)) as Message);
      channel = channel.slice(end + 1);
      end = channel.indexOf('\n');
    }
  });
  arm();
  await new Promise<void>((resolve) => {
    allLoaded = resolve;
    child.on('close', () => resolve());
  });
  clearTimeout(timer);

  const last = results.at(-1)?.result;
  if (last?.outcome === 'failed') {
    // Node printed the failure's source location as the process ended: it belongs to this module.
    last.stderr = stderr;
    return results;
  }
  if (results.length === paths.length) return results;
  // The process ended inside an import without a word: the budget ran out, or the module exited.
  if (timedOut) {
    results.push({ result: { outcome: 'timeout', network }, loaded: [...loaded] });
    return results;
  }
  const error: ImportFailure = {
    name: 'Error',
    message: stderr.trim().split('\n').pop() || 'the import process exited unexpectedly',
    stack: '',
  };
  results.push({ result: { outcome: 'failed', error, stderr, network }, loaded: [...loaded] });
  return results;
}
