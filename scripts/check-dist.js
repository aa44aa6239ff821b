// check-dist, the habit of GitHub's own actions: the committed bundles are what the
// runner executes, so they must be exactly what `npm run bundle` makes from the
// current sources. Builds into a temp folder and compares file by file; CI runs it
// as a step of its own (.ci/run, ci.yml), not inside the test suite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(dir, f))
    .sort();
}

const fresh = mkdtempSync(join(tmpdir(), 'pipewright-dist-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts/build.js'), fresh], { cwd: root, stdio: 'inherit' });
  const committed = join(root, 'dist');
  const want = listFiles(fresh);
  const have = listFiles(committed);
  const missing = want.filter((f) => !have.includes(f));
  const extra = have.filter((f) => !want.includes(f));
  const stale = want.filter(
    (f) => have.includes(f) && !readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f))),
  );
  if (missing.length + extra.length + stale.length === 0) {
    console.log(`check-dist: dist/ matches a fresh build (${want.length} files)`);
  } else {
    for (const f of missing) console.error(`check-dist: missing from dist/: ${f}`);
    for (const f of extra) console.error(`check-dist: in dist/ but not built: ${f}`);
    for (const f of stale) console.error(`check-dist: differs from a fresh build: dist/${f}`);
    console.error('check-dist: run `npm run bundle` and commit dist/');
    process.exitCode = 1;
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
