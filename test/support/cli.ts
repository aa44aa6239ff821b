// Runs the `pipewright` CLI from source as a real process, the way a user runs
// it, with the Node 24 from node_modules stripping the types itself (FROM_SOURCE,
// by absolute URL: a temp project folder has no node_modules of its own).
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE = path.join(REPO_ROOT, 'node_modules/.bin/node');
/** Node arguments that run pipewright's TypeScript from source (see source-hooks.ts). */
export const FROM_SOURCE = ['--import', pathToFileURL(path.join(REPO_ROOT, 'src/source-hooks.ts')).href];
const CLI = path.join(REPO_ROOT, 'src/cli/index.ts');

export function pipewright(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(NODE, [...FROM_SOURCE, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '', PIPEWRIGHT_DEBUG: '', ...env },
    timeout: 120_000,
  });
}
