// check-dist: the committed bundles are what the runner executes, so they must
// be exactly what `npm run build` makes from the current sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(dir, f))
    .sort();
}

describe('dist/', () => {
  it('matches a fresh build of src/ (run `npm run build` and commit dist/ when this fails)', {
    timeout: 600_000,
  }, () => {
    const fresh = mkdtempSync(join(tmpdir(), 'pipewright-dist-'));
    execFileSync(process.execPath, [join(root, 'scripts/build.js'), fresh], { cwd: root, stdio: 'pipe' });
    const committed = join(root, 'dist');
    expect(listFiles(committed)).toEqual(listFiles(fresh));
    const stale = listFiles(fresh).filter(
      (f) => !readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f))),
    );
    expect(stale).toEqual([]);
  });
});
