// The bundle harness cleans up after itself: a test suite that runs hundreds of
// bundles must not leave hundreds of folders in the temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBundle, turanmartWorkspace } from './bundle.js';

describe('runBundle and turanmartWorkspace', () => {
  // A temporary directory of our own, so no other test file's folders are counted.
  const realTmp = os.tmpdir();
  const probe = fs.mkdtempSync(path.join(realTmp, 'pw-bundle-probe-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = probe;
  afterAll(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    fs.rmSync(probe, { recursive: true, force: true });
  });

  it('remove the run scratch folder as soon as the bundle has run', () => {
    const ws = turanmartWorkspace();
    const run = runBundle('validate', ws, { pipelines: 'pipelines', 'import-timeout': '10s' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(fs.readdirSync(probe)).toEqual([path.basename(ws)]);
  });

  it('remove the workspace when the test that made it has finished', () => {
    expect(fs.readdirSync(probe)).toEqual([]);
  });
});
