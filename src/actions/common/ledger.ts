// Which run ledger an action reads and writes: the git state branch when one is
// named and the checkout has the remote `origin` (ephemeral runners keep nothing),
// else the filesystem ledger under the data root.
import * as core from '@actions/core';
import { FsLedger } from '../../store/fs-ledger.js';
import { GitLedger } from '../../store/git-ledger.js';
import { hasRemote, shown } from './workspace.js';

export async function stateBranchLedger(workspace: string, stateBranch: string): Promise<GitLedger | undefined> {
  if (stateBranch === '') return undefined;
  if (await hasRemote(workspace)) return new GitLedger({ repoDir: workspace, branch: stateBranch });
  core.warning(
    `state-branch '${stateBranch}' is set but the workspace has no git remote 'origin' (check out the repository first); ` +
      'the run ledger stays under the data root',
  );
  return undefined;
}

export async function chooseLedger(
  workspace: string,
  stateBranch: string,
  dataRoot: string,
): Promise<GitLedger | FsLedger> {
  const onBranch = await stateBranchLedger(workspace, stateBranch);
  if (onBranch) {
    core.info(`run ledger: branch '${stateBranch}' of origin`);
    return onBranch;
  }
  core.info(`run ledger: ${shown(dataRoot, workspace)}/_pipewright/runs`);
  return new FsLedger(dataRoot);
}
