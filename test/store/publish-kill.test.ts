// kill -9 at every step of a publish, on the TuranMart pipeline through the real
// CLI: readers that follow the partition manifest always see one whole version;
// `repair` (or the next run) rolls the publish forward, after which every output
// path, the folder manifests and the partition manifest agree — on the old
// version when the kill came before the journal, on the new one after it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH_ENV, publishSteps } from '../../src/store/commit.js';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';

const tempRoot = tempRoots('pipewright-publish-kill-');
const DAG = 'turanmart_daily_sales';
const KEY = '2026-05-01';
const RAW = `raw/orders/dt=${KEY}/orders.csv`;
const OUTPUTS = [`bronze/orders/dt=${KEY}/orders.csv`, `gold/daily_sales/dt=${KEY}/daily_sales.csv`];
const MANIFEST = `_pipewright/manifests/${DAG}/${KEY}.json`;
const JOURNAL = `_pipewright/journal/${DAG}/${KEY}.json`;

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const read = (root: string, rel: string) => readFileSync(path.join(root, rel));

function cli(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return pipewright(REPO_ROOT, [...args, '--data-root', root], env);
}

interface Manifest {
  run_id: string;
  files: Array<{ path: string; sha256: string; version_path: string }>;
}

/** The live version as a reader that follows the manifest sees it, checked file by file. */
function followManifest(root: string): Record<string, string> {
  const manifest = JSON.parse(read(root, MANIFEST).toString('utf8')) as Manifest;
  const seen: Record<string, string> = {};
  for (const file of manifest.files) {
    expect(sha(read(root, file.version_path)), file.version_path).toBe(file.sha256);
    seen[file.path] = file.sha256;
  }
  return seen;
}

/** Every live output path, its folder manifest and the partition manifest agree. */
function expectConsistent(root: string): Record<string, string> {
  const seen = followManifest(root);
  for (const rel of OUTPUTS) {
    expect(sha(read(root, rel)), rel).toBe(seen[rel]);
    const folder = JSON.parse(read(root, path.posix.join(path.posix.dirname(rel), '_manifest.json')).toString('utf8'));
    expect(folder.files.find((f: { path: string }) => f.path === rel)?.sha256, `${rel} in its _manifest.json`).toBe(
      seen[rel],
    );
  }
  expect(existsSync(path.join(root, JOURNAL))).toBe(false);
  return seen;
}

let published: string; // a data root with version 1 published
let v1: Record<string, string>;
let v2: Record<string, string>;
let v2Raw: string;

// Shared by every case, so not removed after each one.
const shared: string[] = [];
const sharedRoot = () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pipewright-publish-kill-base-'));
  shared.push(root);
  return root;
};
afterAll(() => {
  for (const root of shared) rmSync(root, { recursive: true, force: true });
});

beforeAll(() => {
  published = sharedRoot();
  cpSync(path.join(REPO_ROOT, 'pipelines', DAG, 'data', RAW), path.join(published, RAW));
  const first = cli(published, ['run', DAG, '--partition', KEY]);
  expect(first.status, first.stderr).toBe(0);
  v1 = expectConsistent(published);
  // The export is re-delivered without its last order line: new bronze, new gold.
  const lines = read(published, RAW).toString('utf8').trimEnd().split('\n');
  v2Raw = `${lines.slice(0, -1).join('\n')}\n`;
  const reference = sharedRoot();
  cpSync(published, reference, { recursive: true });
  writeFileSync(path.join(reference, RAW), v2Raw);
  expect(cli(reference, ['run', DAG, '--partition', KEY]).status).toBe(0);
  v2 = expectConsistent(reference);
  for (const rel of OUTPUTS) expect(v2[rel]).not.toBe(v1[rel]);
}, 120_000);

describe('a publish killed at each step', () => {
  const steps = publishSteps(OUTPUTS.length);
  it.each(steps.map((step, i) => [step, i]))('after %s: readers see one version; repair finishes it', (step) => {
    const root = tempRoot();
    cpSync(published, root, { recursive: true });
    writeFileSync(path.join(root, RAW), v2Raw);
    const killed = cli(root, ['run', DAG, '--partition', KEY], { [CRASH_ENV]: step });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');

    // Mid-publish, a reader that follows the manifest sees all of one version or all of the other.
    const midway = followManifest(root);
    expect([v1, v2]).toContainEqual(midway);

    const repair = cli(root, ['repair', DAG]);
    expect(repair.status, repair.stderr).toBe(0);
    const at = steps.indexOf(step);
    const journaled = at >= steps.indexOf('journal-written');
    const pending = journaled && at < steps.indexOf('journal-removed');
    expect(repair.stdout).toContain(pending ? 'finished the publish' : 'no interrupted publish');
    expect(expectConsistent(root)).toEqual(journaled ? v2 : v1);

    // The next run publishes version 2 whole, and leaves no stray version behind
    // (checked at a few steps: each CLI start costs a second or two).
    if (!['version-linked', 'live-file-1', 'journal-removed'].includes(step)) return;
    const rerun = cli(root, ['run', DAG, '--partition', KEY]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(expectConsistent(root)).toEqual(v2);
    const live = JSON.parse(read(root, MANIFEST).toString('utf8')) as Manifest & { versions: string[] };
    const versions = readdirSync(path.join(root, `_pipewright/versions/${DAG}/${KEY}`)).sort();
    expect(versions).toEqual([live.run_id, ...live.versions].sort());
  });
});
