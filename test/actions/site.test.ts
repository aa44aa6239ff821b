// The site bundle as the runner runs it: it builds the site into the workspace,
// its hand-written assets shipped beside the bundle, and names the folder for
// actions/upload-pages-artifact.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsLedger } from '../../src/store/fs-ledger.js';
import { runRecord } from '../support/records.js';
import { runBundle, turanmartWorkspace } from './bundle.js';

describe('site action', () => {
  it('builds the site from the contracts and the ledger and outputs its path', async () => {
    const ws = turanmartWorkspace();
    const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-site-root-'));
    try {
      await new FsLedger(dataRoot).write(
        runRecord({
          partition: '2026-05-02',
          state: 'failed',
          startedAt: '2026-05-03T01:00:00.000Z',
          endedAt: '2026-05-03T01:00:05.000Z',
          dataIntervalStart: '2026-05-02T00:00:00.000+05:00',
          dataIntervalEnd: '2026-05-03T00:00:00.000+05:00',
        }),
      );
      const run = runBundle('site', ws, { 'data-root': dataRoot, 'state-branch': '', out: '_site' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.outputs).toEqual({ path: '_site' });
      expect(run.summary).toContain('`turanmart_daily_sales`');
      const index = fs.readFileSync(path.join(ws, '_site', 'index.html'), 'utf8');
      expect(index).toMatch(/<td data-field="owner"[^>]*>data-platform<\/td>/);
      expect(index).toMatch(/<td data-field="latest"[^>]*>2026-05-02 <span class="badge s-failed">/);
      for (const asset of ['site.css', 'site.js']) {
        expect(fs.readFileSync(path.join(ws, '_site', 'assets', asset), 'utf8')).toBe(
          fs.readFileSync(path.join(import.meta.dirname, '../../src/site/assets', asset), 'utf8'),
        );
      }
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(dataRoot, { recursive: true, force: true });
    }
  });

  it('refuses to overwrite a folder it did not write', () => {
    const ws = turanmartWorkspace();
    try {
      fs.mkdirSync(path.join(ws, 'docs'));
      fs.writeFileSync(path.join(ws, 'docs', 'guide.md'), '# mine\n');
      const run = runBundle('site', ws, { 'data-root': '', 'state-branch': '', out: 'docs' });
      expect(run.status).toBe(1);
      expect(run.annotations[0]?.message).toMatch(
        /^pipewright site: the site folder .*docs already holds files that pipewright did not write/,
      );
      expect(fs.readdirSync(path.join(ws, 'docs'))).toEqual(['guide.md']);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
