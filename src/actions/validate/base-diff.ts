// The contracts of a pull request's base branch, read with `git show` from the
// checkout (origin/<base> first, then <base>), diffed against the head ones.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkContractText } from '../../contract/check-file.js';
import { type ContractDiff, diffPipelines } from '../../contract/diff.js';
import { CONTRACT_FILE } from '../../contract/discover.js';
import type { Pipeline } from '../../contract/model.js';
import * as core from '../../github/core.js';
import { git } from '../common/workspace.js';

export interface BaseDiffs {
  ref: string;
  diffs: ContractDiff[];
  /** Why no diff could be made (e.g. the base branch was not fetched). */
  unavailable?: string;
}

async function resolveRef(ref: string, top: string): Promise<string | undefined> {
  for (const candidate of [`origin/${ref}`, ref]) {
    try {
      await git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], top);
      return candidate;
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

function basePipeline(file: string, text: string | undefined): Pipeline | undefined {
  if (text === undefined) return undefined;
  const result = checkContractText(file, text);
  if (!result.pipeline) core.warning(`the base version of ${file} is not a valid contract; diffing it as absent`);
  return result.pipeline;
}

export async function diffAgainstBase(
  ref: string,
  files: string[],
  pipelines: Pipeline[],
  patterns: string[],
  workspace: string,
): Promise<BaseDiffs> {
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], workspace)).trim();
  } catch {
    return { ref, diffs: [], unavailable: 'The workspace is not a git repository: check out the repository first.' };
  }
  const resolved = await resolveRef(ref, top);
  if (!resolved)
    return {
      ref,
      diffs: [],
      unavailable: `Neither \`origin/${ref}\` nor \`${ref}\` exists in the checkout: use \`actions/checkout\` with \`fetch-depth: 0\`.`,
    };
  core.info(`base: ${resolved}`);
  const rel = (file: string) => path.relative(top, realpathSync(file)).split(path.sep).join('/');
  const byFile = new Map(pipelines.map((p) => [p.file, p]));
  const diffs: ContractDiff[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const relative = rel(file);
    seen.add(relative);
    const text = await git(['show', `${resolved}:${relative}`], top).catch(() => undefined);
    const head = byFile.get(file);
    // The file is still here, so an invalid head is not a removal: the problems table says it all.
    if (!head) continue;
    diffs.push(diffPipelines(basePipeline(file, text), head));
  }
  // Contracts deleted by the pull request, under the folders validated.
  for (const pattern of patterns) {
    const folder = path.resolve(workspace, pattern);
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
    const listing = await git(['ls-tree', '-r', '--name-only', resolved, '--', rel(folder)], top).catch(() => '');
    for (const relative of listing.split('\n')) {
      if (path.posix.basename(relative) !== CONTRACT_FILE || seen.has(relative)) continue;
      seen.add(relative);
      const text = await git(['show', `${resolved}:${relative}`], top);
      const base = basePipeline(path.join(top, relative), text);
      if (base) diffs.push(diffPipelines(base, undefined));
    }
  }
  return { ref: resolved, diffs };
}
