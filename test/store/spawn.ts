// Spawns a fixture script under the repository's Node 24 from source, as the CLI tests do.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { FROM_SOURCE } from '../support/cli.js';

export const REPO = resolve(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');

export function spawnFixture(script: string, args: string[]): ChildProcess {
  return spawn(NODE, [...FROM_SOURCE, join(REPO, 'test/store/fixtures', script), ...args], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Resolves with the child's first stdout line that matches, rejecting if it exits first. */
export function waitForLine(child: ChildProcess, match: (line: string) => boolean): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let buffered = '';
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const onData = (d: Buffer) => {
      buffered += d.toString();
      for (const line of buffered.split('\n').slice(0, -1)) {
        if (match(line)) {
          child.stdout?.off('data', onData);
          resolveLine(line);
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.on('exit', (code, signal) =>
      reject(new Error(`child exited (${code ?? signal}) before the line: ${stderr}`)),
    );
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.on('exit', (code) => done(code)));
}
