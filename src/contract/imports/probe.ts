// Imports one handler module in an isolated child process (plain Node: types
// are stripped, nothing is compiled) within a time budget, with the network
// blocked, and reports what happened.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { folderUrl, moduleFormatPreload } from '../../run/module-format.js';
import { NETWORK_GUARD, PROBE } from './child-sources.js';

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

type Message =
  | { type: 'exports'; names: string[]; functions: string[] }
  | ({ type: 'error' } & ImportFailure)
  | { type: 'network'; what: string; at?: SourceLocation };

const guardUrl = `data:text/javascript,${encodeURIComponent(NETWORK_GUARD)}`;

/** `tasksRoot`: the folder whose task code loads as ES modules, as it does in a run. */
export async function probeModule(
  modulePath: string,
  opts: { timeoutMs: number; cwd: string; tasksRoot: string },
): Promise<ProbeResult> {
  const formatUrl = `data:text/javascript,${encodeURIComponent(moduleFormatPreload([folderUrl(opts.tasksRoot)]))}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PIPEWRIGHT_PROBE_URL: pathToFileURL(modulePath).href };
  delete env.NODE_OPTIONS; // no loaders (tsx, coverage) from the parent: import as plain Node would
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      '--import',
      formatUrl,
      '--import',
      guardUrl,
      '--input-type=module',
      '--eval',
      PROBE,
    ],
    { cwd: opts.cwd, env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let channel = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });
  (child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
    channel += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs);
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  clearTimeout(timer);

  const messages = channel
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Message);
  const network: NetworkAttempt[] = [];
  for (const m of messages) if (m.type === 'network') network.push({ what: m.what, ...(m.at ? { at: m.at } : {}) });
  const exported = messages.find((m) => m.type === 'exports');
  if (exported) return { outcome: 'loaded', exports: exported.names, functions: exported.functions, network };
  if (timedOut) return { outcome: 'timeout', network };
  const failure = messages.find((m) => m.type === 'error');
  const error: ImportFailure = failure
    ? {
        name: failure.name,
        ...(failure.code ? { code: failure.code } : {}),
        message: failure.message,
        stack: failure.stack,
      }
    : {
        name: 'Error',
        message: stderr.trim().split('\n').pop() ?? 'the import process exited unexpectedly',
        stack: '',
      };
  return { outcome: 'failed', error, stderr, network };
}
