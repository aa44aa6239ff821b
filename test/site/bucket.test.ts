// `pipewright site` over a data root in a bucket (versitygw): the history comes from
// the bucket's ledger and the catalog's last published versions from the manifests
// in the bucket, exactly as from a folder holding the same runs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright, REPO_ROOT } from '../support/cli.js';
import { ROOT_KINDS, testRoots } from '../support/data-roots.js';
import { scratchDir } from '../support/temp.js';

const PIPELINES = join(REPO_ROOT, 'pipelines');
const PIPELINE = join(PIPELINES, 'turanmart_daily_sales');
const testRoot = testRoots('pw-site-bucket-');

/** What a reader sees of one output in the catalog: its path, partition, rows, bytes, sha256 and run. */
function catalogRow(page: string, name: string): string {
  const row = new RegExp(`<tr><th scope="row">${name}</th>(.*?)</tr>`, 's').exec(page)?.[1] ?? '';
  return row
    .replace(/<code title="[0-9a-f]+">/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe.each(ROOT_KINDS)('pipewright site with the data root on a %s', (kind) => {
  it('shows the runs of its ledger and the last published gold with its manifest checksum', async () => {
    const root = testRoot(kind);
    await root.putDir(join(PIPELINE, 'data/raw'), 'raw');
    const backfill = pipewright(
      REPO_ROOT,
      [
        'backfill',
        'turanmart_daily_sales',
        '--start',
        '2026-05-01',
        '--end',
        '2026-05-03',
        '--reason',
        'the site test',
        '--data-root',
        root.dataRoot,
      ],
      root.env,
    );
    expect(backfill.status, backfill.stderr).toBe(0);

    const out = join(scratchDir('pw-site-out-'), 'site');
    const site = pipewright(
      REPO_ROOT,
      ['site', '--out', out, '--pipelines', PIPELINES, '--data-root', root.dataRoot],
      root.env,
    );
    expect(site.status, site.stderr).toBe(0);
    const page = readFileSync(join(out, 'pipelines/turanmart_daily_sales/index.html'), 'utf8');
    for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) expect(page).toContain(day);

    // The newest gold, with the size and checksum its manifest (read from the data root) gives.
    const gold = readFileSync(join(PIPELINE, 'expected/gold/daily_sales/dt=2026-05-03/daily_sales.csv'));
    const sha = createHash('sha256').update(gold).digest('hex');
    expect(catalogRow(page, 'daily_sales')).toMatch(
      new RegExp(
        `^gold/daily_sales/dt=\\{\\{ ds \\}\\}/daily_sales\\.csv 2026-05-03 \\S+ ${gold.length} ${sha.slice(0, 12)}… \\S+`,
      ),
    );
  });
});

it('says which bucket it cannot read, in one line, and builds nothing', async () => {
  const root = testRoot('bucket');
  const out = join(scratchDir('pw-site-out-'), 'site');
  const missing = root.dataRoot.replace(/^s3:\/\/[^/]+/, 's3://no-such-bucket');
  const site = pipewright(
    REPO_ROOT,
    ['site', '--out', out, '--pipelines', PIPELINES, '--data-root', missing],
    root.env,
  );
  expect(site.status).toBe(2);
  expect(site.stderr.trim().split('\n')).toHaveLength(1);
  expect(site.stderr).toContain('no-such-bucket');
  expect(site.stderr).not.toMatch(/\n\s+at /);
});
