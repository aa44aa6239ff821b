// Cuts a release: `node scripts/release.js X.Y.Z [--remote NAME] [--notes FILE] [--skip-build]`.
// Takes the release notes from CHANGELOG.md (the `## X.Y.Z` section, or else the
// `## Unreleased` one, which becomes `## X.Y.Z - <date>`), sets the version, builds dist/
// (the actions run the committed bundles), commits, tags vX.Y.Z, moves the major tag (v1)
// to it and pushes all three to the remote. Writes the notes to --notes for `gh release`.
// Refuses, before changing anything, a dirty tree, a bad version, an existing tag or no notes.
// --skip-build: for a tree whose dist/ CI's check-dist has just proved fresh.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    remote: { type: 'string', default: 'origin' },
    notes: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    date: { type: 'string' },
  },
  allowPositionals: true,
});

const fail = (message) => {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
};

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** The notes of `version` and the CHANGELOG text to commit, or an error message. */
function releaseNotes(changelog, version, date) {
  const sections = [...changelog.matchAll(/^## +\[?([^\]\s]+)\]?.*$/gm)].map((m) => ({ name: m[1], at: m.index }));
  const body = (i) => {
    const start = changelog.indexOf('\n', sections[i].at) + 1;
    const end = sections[i + 1]?.at ?? changelog.length;
    return changelog.slice(start, end).trim();
  };
  const own = sections.findIndex((s) => s.name === version);
  if (own >= 0 && body(own)) return { notes: body(own), changelog };
  const unreleased = sections.findIndex((s) => s.name.toLowerCase() === 'unreleased');
  if (unreleased < 0 || !body(unreleased))
    return { error: `CHANGELOG.md has no notes for ${version}: write them under '## Unreleased' or '## ${version}'` };
  const heading = changelog.indexOf('\n', sections[unreleased].at);
  const updated = `${changelog.slice(0, heading)}\n\n## ${version} - ${date}${changelog.slice(heading)}`;
  return { notes: body(unreleased), changelog: updated };
}

const [version] = positionals;
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) fail(`usage: node scripts/release.js X.Y.Z (got '${version ?? ''}')`);
const tag = `v${version}`;
const major = `v${version.split('.')[0]}`;
const root = git('rev-parse', '--show-toplevel');
process.chdir(root);

if (git('status', '--porcelain')) fail('the working tree has changes: commit or stash them first');
if (git('tag', '--list', tag)) fail(`tag ${tag} exists already`);
const changelogPath = join(root, 'CHANGELOG.md');
const date = values.date ?? new Date().toISOString().slice(0, 10);
const found = releaseNotes(readFileSync(changelogPath, 'utf8'), version, date);
if (found.error) fail(found.error);

writeFileSync(changelogPath, found.changelog);
for (const file of ['package.json', 'package-lock.json']) {
  let text;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    continue;
  }
  const data = JSON.parse(text);
  data.version = version;
  if (data.packages?.['']) data.packages[''].version = version;
  writeFileSync(join(root, file), `${JSON.stringify(data, null, 2)}\n`);
}
if (!values['skip-build']) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

git(
  'add',
  '--all',
  '--',
  'CHANGELOG.md',
  'package.json',
  'dist',
  ...(git('ls-files', 'package-lock.json') ? ['package-lock.json'] : []),
);
git('commit', '--quiet', '--allow-empty', '-m', `Release ${tag}`);
git('tag', '--annotate', tag, '-m', `${tag}\n\n${found.notes}`);
git('tag', '--force', '--annotate', major, '-m', `${major}: latest ${major}.x release (${tag})`);
const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
git('push', '--quiet', values.remote, `HEAD:refs/heads/${branch}`, `refs/tags/${tag}`);
git('push', '--quiet', '--force', values.remote, `refs/tags/${major}`);
if (values.notes) writeFileSync(values.notes, `${found.notes}\n`);
process.stdout.write(`released ${tag} (${git('rev-parse', '--short', 'HEAD')}); ${major} moved to it\n`);
