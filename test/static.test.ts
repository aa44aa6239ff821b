// The checks CI's lint and typecheck jobs run, inside the test command too, so
// `npm test` alone tells whether a change is ready.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

describe('static checks', () => {
  it('biome finds no lint or format problem', () => {
    const result = spawnSync(bin('biome'), ['check', '--reporter=summary', '.'], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('the TypeScript compiler finds no type error (strict)', { timeout: 180_000 }, () => {
    const result = spawnSync(bin('tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
