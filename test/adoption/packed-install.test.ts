// The fifteen-minute adoption, as a user does it: a fresh repository (`npm init -y`, so
// "type": "commonjs"), pipewright installed from the tarball `npm pack` makes (no registry
// needed: the bundles carry their dependencies), then init, validate, run, expect, and tsc
// over the generated task code against the package's published types. And the install
// adopters write in package.json, from git at the major tag.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE, REPO_ROOT } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { npmInit } from './commonjs-repo.js';

const tempRoot = tempRoots('pw-pack-');
let tarball = '';
let packDir = '';

beforeAll(() => {
  packDir = tempRoot();
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(out) as [{ filename: string; files: { path: string }[] }];
  tarball = join(packDir, packed.filename);
});

function installed(root: string, args: string[]) {
  return spawnSync(NODE, [join(root, 'node_modules/.bin/pipewright'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PIPEWRIGHT_DATA_ROOT: '' },
    timeout: 120_000,
  });
}

describe('pipewright installed from its packed tarball in a new repository', () => {
  it('scaffolds a pipeline that validates, runs, matches its expected output and typechecks', () => {
    const root = tempRoot();
    npmInit(root);
    execFileSync('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: root,
      stdio: 'pipe',
    });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      type: string;
      devDependencies: Record<string, string>;
    };
    expect(pkg.type).toBe('commonjs');
    expect(Object.keys(pkg.devDependencies)).toEqual(['pipewright']);

    // The error classes are values too, from ES modules and from CommonJS (require of ESM).
    const imported = spawnSync(
      NODE,
      [
        '--input-type=module',
        '-e',
        "import { TransientError } from 'pipewright'; console.log(new TransientError('x').name)",
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(imported.stdout + imported.stderr).toBe('TransientError\n');
    const required = spawnSync(NODE, ['-e', "console.log(new (require('pipewright').DataContractError)('x').name)"], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(required.stdout).toBe('DataContractError\n');

    const version = installed(root, ['--version']);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );

    const init = installed(root, ['init', 'web_sessions']);
    expect(init.status).toBe(0);
    const key = /--partition (\S+)/.exec(init.stdout)?.[1] ?? '';

    const validate = installed(root, ['validate']);
    expect(validate.stdout + validate.stderr).toContain('1 pipeline, 0 errors, 0 warnings');
    expect(validate.status).toBe(0);
    const run = installed(root, ['run', 'web_sessions', '--partition', key]);
    expect(run.stdout).toContain(`web_sessions ${key}: success`);
    const check = installed(root, ['expect']);
    expect(check.stdout).toContain('1 expected files, 1 match, 0 differ');

    // The adopter's compiler settings for unbuilt task code, with Node's types from this checkout.
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: true,
          typeRoots: [join(REPO_ROOT, 'node_modules/@types')],
          types: ['node'],
        },
        include: ['pipelines'],
      }),
    );
    const tsc = spawnSync(NODE, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', root], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

describe('pipewright installed from git at its major tag', () => {
  it('installs with npm from a bare repository tagged v1, offline, and runs', () => {
    const root = tempRoot();
    // This checkout's tracked files and its dist/, as one commit of a repository served bare.
    const source = join(root, 'source');
    mkdirSync(source);
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0');
    for (const file of tracked.filter(Boolean)) cpSync(join(REPO_ROOT, file), join(source, file), { recursive: true });
    cpSync(join(REPO_ROOT, 'dist'), join(source, 'dist'), { recursive: true });
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=pipewright', '-c', 'user.email=ci@pipewright.invalid', ...args], { cwd });
    git(source, 'init', '--quiet', '--initial-branch=main');
    git(source, 'add', '--all');
    git(source, 'commit', '--quiet', '-m', 'release');
    git(source, 'tag', 'v1');
    git(root, 'clone', '--quiet', '--bare', source, join(root, 'pipewright.git'));

    const app = join(root, 'app');
    mkdirSync(app);
    npmInit(app);
    const spec = `git+file://${join(root, 'pipewright.git')}#v1`;
    // Offline: the bundles are committed and no lifecycle script (`build`, `prepare`, ...) asks npm to
    // prepare the clone, so npm needs neither the registry nor pipewright's devDependencies.
    execFileSync('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', spec], {
      cwd: app,
      stdio: 'pipe',
    });
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies).toEqual({ pipewright: spec });
    expect(installed(app, ['--version']).status).toBe(0);
    const init = installed(app, ['init', 'clicks', '--grain', 'hourly']);
    expect(init.status).toBe(0);
    expect(installed(app, ['expect']).stdout).toContain('1 expected files, 1 match, 0 differ');
  });
});
