// scripts/release.js against a local bare repository: it tags vX.Y.Z, moves the major tag,
// takes the notes from CHANGELOG.md, and refuses before changing anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE, REPO_ROOT } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';

const tempRoot = tempRoots('pw-release-');
const SCRIPT = join(REPO_ROOT, 'scripts/release.js');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=pipewright', '-c', 'user.email=ci@pipewright.invalid', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_COMMITTER_NAME: 'pipewright', GIT_COMMITTER_EMAIL: 'ci@pipewright.invalid' },
  }).trim();
}

/** A checkout with a package, a changelog and a committed dist/, cloned from a bare remote. */
function checkout(): { work: string; remote: string } {
  const root = tempRoot();
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  mkdirSync(join(work, 'dist/cli'), { recursive: true });
  git(work, 'init', '--quiet', '--initial-branch=main');
  git(work, 'remote', 'add', 'origin', remote);
  writeFileSync(join(work, 'dist/cli/index.js'), 'export {};\n');
  writeFileSync(join(work, 'package.json'), `${JSON.stringify({ name: 'pipewright', version: '0.1.0' }, null, 2)}\n`);
  writeFileSync(
    join(work, 'CHANGELOG.md'),
    '# Changelog\n\n## Unreleased\n\n- init scaffolds a pipeline.\n\n## 0.1.0\n\n- First.\n',
  );
  git(work, 'add', '.');
  git(work, 'commit', '--quiet', '-m', 'start');
  git(work, 'push', '--quiet', 'origin', 'main');
  return { work, remote };
}

function release(work: string, ...args: string[]) {
  return spawnSync(NODE, [SCRIPT, ...args, '--skip-build', '--date', '2026-06-01'], {
    cwd: work,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'pipewright',
      GIT_AUTHOR_EMAIL: 'ci@pipewright.invalid',
      GIT_COMMITTER_NAME: 'pipewright',
      GIT_COMMITTER_EMAIL: 'ci@pipewright.invalid',
    },
  });
}

describe('scripts/release.js', () => {
  it('tags vX.Y.Z, moves v1 with each release and writes the notes from CHANGELOG.md', () => {
    const { work, remote } = checkout();
    const notes = join(work, '..', 'notes.md');
    const first = release(work, '1.0.0', '--notes', notes);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(readFileSync(notes, 'utf8')).toBe('- init scaffolds a pipeline.\n');
    const v100 = git(remote, 'rev-parse', 'v1.0.0^{commit}');
    expect(git(remote, 'rev-parse', 'v1^{commit}')).toBe(v100);
    expect(git(remote, 'rev-parse', 'main')).toBe(v100);
    expect(git(remote, 'show', 'v1.0.0:CHANGELOG.md')).toContain(
      '## Unreleased\n\n## 1.0.0 - 2026-06-01\n\n- init scaffolds a pipeline.',
    );
    expect(JSON.parse(git(remote, 'show', 'v1.0.0:package.json')).version).toBe('1.0.0');

    writeFileSync(
      join(work, 'CHANGELOG.md'),
      readFileSync(join(work, 'CHANGELOG.md'), 'utf8').replace(
        '## Unreleased\n',
        '## Unreleased\n\n- pipewright list.\n',
      ),
    );
    git(work, 'commit', '--quiet', '-am', 'list');
    expect(release(work, '1.1.0').status).toBe(0);
    const v110 = git(remote, 'rev-parse', 'v1.1.0^{commit}');
    expect(v110).not.toBe(v100);
    expect(git(remote, 'rev-parse', 'v1^{commit}')).toBe(v110);
    expect(git(remote, 'rev-parse', 'v1.0.0^{commit}')).toBe(v100);
    expect(git(remote, 'tag', '--list', 'v1.1.0', '--format=%(contents)')).toContain('- pipewright list.');
  });

  it('refuses an existing tag, missing notes or a dirty tree, and tags nothing', () => {
    const { work, remote } = checkout();
    expect(release(work, '1.0.0').status).toBe(0);

    const again = release(work, '1.0.0');
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('release: tag v1.0.0 exists already\n');

    const empty = release(work, '1.0.1');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe(
      "release: CHANGELOG.md has no notes for 1.0.1: write them under '## Unreleased' or '## 1.0.1'\n",
    );

    writeFileSync(join(work, 'package.json'), '{}\n');
    const dirty = release(work, '1.0.2');
    expect(dirty.status).toBe(2);
    expect(dirty.stderr).toBe('release: the working tree has changes: commit or stash them first\n');
    expect(git(remote, 'tag', '--list').split('\n')).toEqual(['v1', 'v1.0.0']);
  });
});
