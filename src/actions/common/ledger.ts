// Which run ledger an action reads and writes: the git state branch when one is
// named and the checkout has the remote `origin` (ephemeral runners keep nothing),
// else the filesystem ledger under the data root.

import { UsageError } from '../../errors.js';
import * as core from '../../github/core.js';
import { dataRootLedger, isBucketRoot, openDataRoot } from '../../store/data-root.js';
import { GitLedger } from '../../store/git-ledger.js';
import type { LockingLedger } from '../../store/ledger.js';
import { INPUT } from './inputs.js';
import { git, hasRemote, shown } from './workspace.js';

/** Refuses a `state-branch` git would reject (`a..b`, `-x`, `x.lock`, a space), before any git command sees it. */
export async function assertBranchName(stateBranch: string): Promise<void> {
  const shownName = JSON.stringify(stateBranch);
  if (stateBranch.startsWith('-') || /[\0-\x20\x7f]/.test(stateBranch))
    throw new UsageError(
      `state-branch ${shownName} is not a valid branch name: name a branch such as pipewright-state`,
    );
  try {
    await git(['check-ref-format', `refs/heads/${stateBranch}`], process.cwd());
  } catch {
    throw new UsageError(
      `state-branch ${shownName} is not a valid branch name (see git check-ref-format): name a branch such as pipewright-state`,
    );
  }
}

/**
 * The `github-token` input as git configuration for the ledger's fetch and push only
 * (the workflow checks out with persist-credentials: false). The input leaves this
 * process's environment first: handlers run in this process and commands inherit its
 * environment, and neither may hold a token that can push.
 */
export function takeLedgerCredentials(): Record<string, string> {
  const token = core.getInput(INPUT.githubToken);
  delete process.env[`INPUT_${INPUT.githubToken.toUpperCase()}`];
  if (token === '') return {};
  core.setSecret(token);
  const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  core.setSecret(basic);
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${server}/.extraheader`,
    GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
  };
}

export async function stateBranchLedger(workspace: string, stateBranch: string): Promise<GitLedger | undefined> {
  const gitEnv = takeLedgerCredentials();
  if (stateBranch === '') return undefined;
  await assertBranchName(stateBranch);
  if (await hasRemote(workspace)) return new GitLedger({ repoDir: workspace, branch: stateBranch, gitEnv });
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
): Promise<GitLedger | LockingLedger> {
  // A bucket data root keeps its own ledger: every runner reads and writes it directly, no push races.
  if (isBucketRoot(dataRoot)) {
    core.info(`run ledger: ${dataRoot}/_pipewright/runs (the bucket; state-branch is not used)`);
    return dataRootLedger(await openDataRoot(dataRoot));
  }
  const onBranch = await stateBranchLedger(workspace, stateBranch);
  if (onBranch) {
    core.info(`run ledger: branch '${stateBranch}' of origin`);
    return onBranch;
  }
  core.info(`run ledger: ${shown(dataRoot, workspace)}/_pipewright/runs`);
  return dataRootLedger(await openDataRoot(dataRoot));
}
