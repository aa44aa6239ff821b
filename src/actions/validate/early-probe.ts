// validate's handler-import process, started by the action's entry before the rest
// of the action loads: Node's start and its TypeScript parser then overlap
// compiling the action and reading the contracts, instead of following them.
// Started for the usual layout only (one folder of pipelines, each pipeline a
// folder of it), and only without a cache from an earlier run, whose imports
// are likely all kept; validatePaths stops it when the contracts say otherwise.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FILE, defaultCacheDir } from '../../contract/cache-file.js';
import { type EarlyProbe, startEarlyProbe } from '../../contract/imports/probe.js';
import { findRepository } from '../../contract/imports/repo-root.js';
import { getInput } from '../../github/input.js';
import { INPUT } from '../common/names.js';
import { workspaceDir } from '../common/workspace.js';

export function startImportProbe(): EarlyProbe | undefined {
  const workspace = workspaceDir();
  const cacheDir = defaultCacheDir(workspace);
  if (cacheDir && existsSync(path.join(cacheDir, CACHE_FILE))) return undefined;
  const input = getInput(INPUT.pipelines) || 'pipelines';
  // Several lines or a glob: where the first handler lives is known once the contracts are found.
  if (input.includes('\n') || /[*?[{]/.test(input)) return undefined;
  let folder = path.resolve(workspace, input);
  if (!existsSync(folder)) return undefined;
  // One pipeline's folder or contract named: its task code's root is the folder above.
  if (folder.endsWith('.yml') || folder.endsWith('.yaml')) folder = path.dirname(folder);
  if (existsSync(path.join(folder, 'pipeline.yml'))) folder = path.dirname(folder);
  // As validatePaths places it (probeFolders): the repository above a pipeline's folder. Without
  // one (no .git, no package.json), each pipeline's folder is its own: nothing to start for all.
  const cwd = findRepository(folder);
  return cwd === undefined ? undefined : startEarlyProbe({ cwd, tasksRoot: folder });
}
