// The code version a run records: the commit checked out in the pipeline's folder.
import { execFile } from 'node:child_process';

/** `git rev-parse HEAD` in `dir`, or undefined outside a git work tree or without git. */
export function gitHead(dir: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: dir, timeout: 5000 }, (error, stdout) => {
      const sha = stdout.trim();
      resolve(error || !/^[0-9a-f]{40,64}$/.test(sha) ? undefined : sha);
    });
  });
}
