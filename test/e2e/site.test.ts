// Scenario: the caller's optional `site` job (pipewright-site.yml) in act, as a
// shop that set PIPEWRIGHT_SITE=true sees it. TuranMart's state branch holds
// three runs (2026-05-02 failed); a dry-run dispatch runs the orchestrator, then
// the site is built from the state branch and uploaded as the `github-pages`
// artifact — the tar GitHub Pages would serve — and the deploy step is skipped
// (act has no Pages service). The test opens that tar as Pages would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActRun } from '../support/act.js';
import {
  artifactNames,
  createShopRepo,
  DAG,
  extractArtifact,
  logOf,
  pastRun,
  runCaller,
  type ShopRepo,
  seedState,
} from './harness.js';

describe('the Pages site job in act', () => {
  let shop: ShopRepo;
  let run: ActRun;
  let site: string;

  beforeAll(async () => {
    shop = createShopRepo();
    await seedState(shop, [
      pastRun('2026-05-01', 'success', 'schedule__20260502T010001Z__a1b2c3'),
      pastRun('2026-05-02', 'failed', 'schedule__20260503T010001Z__d4e5f6'),
      pastRun('2026-05-03', 'success', 'schedule__20260504T010001Z__a7b8c9'),
    ]);
    ({ run } = await runCaller(
      shop,
      {
        event: 'workflow_dispatch',
        inputs: { start: '2026-05-01', end: '2026-05-01', 'dry-run': 'true', reason: 'publish the status site' },
      },
      undefined,
      { PIPEWRIGHT_SITE: 'true' },
    ));
    // What Pages serves: the one tar inside the `github-pages` artifact.
    const unzipped = extractArtifact(run, 'github-pages');
    site = path.join(unzipped, 'site');
    fs.mkdirSync(site);
    execFileSync('tar', ['-xf', path.join(unzipped, 'artifact.tar'), '-C', site]);
  }, 200_000);

  it('builds the site after the orchestrator and uploads it as the github-pages artifact', () => {
    expect(run.exitCode, logOf(run)).toBe(0);
    expect(run.jobResult('build')).toBe('success');
    expect(run.outputs('build', 'site').path).toBe('_site');
    expect(artifactNames(run)).toEqual(['github-pages']);
    expect(fs.readdirSync(path.dirname(site)).sort()).toEqual(['artifact.tar', 'site']);
  });

  it('skips the deploy step under act and says nothing failed', () => {
    expect(run.jobResult('deploy')).toBe('success');
    // act resolves the skipped step's action (its "Pre" stage) but never runs its main stage.
    const started = run.events.filter((e) => e.jobID === 'deploy' && e.msg.startsWith('⭐ Run Main'));
    expect(started.map((e) => e.msg)).toEqual([]);
    expect(run.output).not.toContain('deploy-pages stand-in ran');
  });

  it('holds the catalog page and the pipeline page with the runs the state branch had', () => {
    const index = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(index).toContain(`href="pipelines/${DAG}/index.html"`);
    expect(index).toMatch(/<td data-field="owner"[^>]*>data-platform<\/td>/);
    expect(index).toMatch(/<td data-field="latest"[^>]*>2026-05-03 <span class="badge s-success">/);
    const pipeline = path.join(site, 'pipelines', DAG);
    expect(fs.readFileSync(path.join(pipeline, 'index.html'), 'utf8')).toContain('TuranMart');
    const grid = fs.readFileSync(path.join(pipeline, 'grid.js'), 'utf8');
    for (const day of ['2026-05-01', '2026-05-02', '2026-05-03']) expect(grid).toContain(`"${day}"`);
    const runs = fs.readFileSync(path.join(pipeline, 'runs', '2026-05.js'), 'utf8');
    expect(runs).toContain('schedule__20260503T010001Z__d4e5f6');
    expect(runs).toContain('"failed"');
    expect(fs.existsSync(path.join(site, '.git'))).toBe(false);
  });
});
