// Where an action stands: the checkout (GITHUB_WORKSPACE), paths relative to
// it for messages, and whether its git repository has a remote for the ledger.
import { execFile } from 'node:child_process';
import path from 'node:path';

export function workspaceDir(): string {
  return path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
}

/** `file` relative to the workspace when inside it, for messages. */
export function shown(file: string, workspace = workspaceDir()): string {
  if (/^s3:\/\//i.test(file)) return file;
  const rel = path.relative(workspace, file);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

export function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (e, out) =>
      e ? reject(e) : resolve(out),
    );
  });
}

/** True when `dir` is in a git work tree whose remote `remote` is configured. */
export async function hasRemote(dir: string, remote = 'origin'): Promise<boolean> {
  try {
    await git(['remote', 'get-url', remote], dir);
    return true;
  } catch {
    return false;
  }
}
