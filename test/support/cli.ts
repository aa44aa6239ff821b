// Runs the `pipewright` CLI from source as a real process, the way a user runs
// it, with the Node 24 from node_modules and tsx loaded by absolute URL (a temp
// project folder has no node_modules of its own).
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE = path.join(REPO_ROOT, 'node_modules/.bin/node');
const TSX = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CLI = path.join(REPO_ROOT, 'src/cli/index.ts');

export function pipewright(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(NODE, ['--import', TSX, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '', PIPEWRIGHT_DEBUG: '', ...env },
    timeout: 120_000,
  });
}
