// The `pipewright` command refuses a Node older than package.json `engines` with one line, exit 2,
// before its bundle loads (which would fail later with "Unknown file extension .ts").
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTooOld } from '../../src/node-version.js';
import { NODE, REPO_ROOT } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';

const tempRoot = tempRoots('pw-node-');

/** Every `node` on PATH and in /usr/bin older than pipewright needs (the machine's Node 20, say). */
function olderNodes(): string[] {
  const found = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n');
  const older = new Set<string>();
  for (const bin of [...found, '/usr/bin/node'].filter(Boolean)) {
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    if (version && nodeTooOld(version)) older.add(bin);
  }
  return [...older];
}

describe('the Node version guard of bin/pipewright.js', () => {
  it('stops with one line naming the version package.json engines asks for', () => {
    const root = tempRoot();
    mkdirSync(join(root, 'bin'));
    copyFileSync(join(REPO_ROOT, 'bin/pipewright.js'), join(root, 'bin/pipewright.js'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module', engines: { node: '>=99.1.0' } }));
    const run = spawnSync(NODE, [join(root, 'bin/pipewright.js'), 'validate'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const current = execFileSync(NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    expect(run.stderr).toBe(
      `pipewright needs Node 99.1.0 or newer (for its TypeScript type stripping); this is Node ${current}: install Node 24\n`,
    );
  });

  it.runIf(olderNodes().length > 0)('refuses an older Node installed on this machine', () => {
    for (const node of olderNodes()) {
      const run = spawnSync(node, [join(REPO_ROOT, 'bin/pipewright.js'), 'validate'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^pipewright needs Node 22\.18\.0 or newer .*this is Node 2\d\./);
    }
  });
});
