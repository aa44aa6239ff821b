// The status site in a real browser (Debian's chromium through playwright-core),
// opened from file:// as a user opens a built site: TuranMart ran for three days
// with a broken export on 2026-05-02; the catalog lists it with its owner and
// freshness target, the grid shows that day failed, and the keyboard opens it to
// the failed task and its error. Any console error or failed request fails the
// test. Screenshots of each page go to .tmp/site-screenshots/ (gitignored).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/install-tools.js';
import { pipewright, REPO_ROOT } from '../support/cli.js';

const SHOTS = join(REPO_ROOT, '.tmp', 'site-screenshots');
const DAG = 'turanmart_daily_sales';

let temp: string;
let site: string;
let browser: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'pw-site-browser-'));
  const dataRoot = join(temp, 'data');
  site = join(temp, 'site');
  cpSync(join(REPO_ROOT, 'pipelines', DAG, 'data', 'raw'), join(dataRoot, 'raw'), { recursive: true });
  // A malformed export: the region column is missing, a data error on 2026-05-02. Its stray
  // column looks like markup, and the error quotes it: the page must show it as text.
  writeFileSync(
    join(dataRoot, 'raw/orders/dt=2026-05-02/orders.csv'),
    'order_id,order_date,customer_id,order_total,<b>note</b>\n1,2026-05-02,C1,1.00,x\n',
  );
  const backfill = pipewright(REPO_ROOT, [
    'backfill',
    DAG,
    '--start',
    '2026-05-01',
    '--end',
    '2026-05-03',
    '--reprocess',
    'completed',
    '--reason',
    'site browser test',
    '--data-root',
    dataRoot,
  ]);
  expect(backfill.status, backfill.stderr).toBe(1);
  const built = pipewright(REPO_ROOT, ['site', '--out', site, '--data-root', dataRoot]);
  expect(built.status, built.stderr).toBe(0);
  mkdirSync(SHOTS, { recursive: true });
  // A fresh profile per run (playwright passes it to chromium as --user-data-dir).
  browser = await chromium.launchPersistentContext(join(temp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

async function openPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return page;
}

it('lists TuranMart, shows 2026-05-02 failed in its grid and opens it to the failed task and its error', async () => {
  const page = await openPage();
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  const row = page.locator(`tr[data-dag-id="${DAG}"]`);
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.locator('[data-field="owner"]').textContent()).toBe('data-platform');
  expect(await row.locator('[data-field="freshness"]').textContent()).toContain('07:30');
  expect(await row.locator('[data-field="latest"]').textContent()).toMatch(/2026-05-03\s+✓ success/);
  await page.screenshot({ path: join(SHOTS, 'index.png'), fullPage: true });

  await row.getByRole('link', { name: DAG }).click();
  await page.waitForURL(/pipelines\/turanmart_daily_sales\/index\.html$/);
  const failed = page.locator('#grid-cells button.partition-key[data-partition="2026-05-02"]');
  await failed.waitFor();
  expect(await failed.getAttribute('data-state')).toBe('failed');
  for (const ok of ['2026-05-01', '2026-05-03']) {
    expect(
      await page.locator(`#grid-cells button.partition-key[data-partition="${ok}"]`).getAttribute('data-state'),
    ).toBe('success');
  }
  // The colour has a text alternative: the run square says what it is.
  expect(await page.locator('#grid-cells .cell[data-partition="2026-05-02"]').getAttribute('aria-label')).toContain(
    'failed',
  );
  await page.screenshot({ path: join(SHOTS, 'pipeline.png'), fullPage: true });

  // Keyboard only: Tab into the grid (newest partition first), ArrowDown to 2026-05-02, Enter opens it.
  await page.locator('#grid-cells [tabindex="0"]').focus();
  expect(await page.locator(':focus').getAttribute('data-partition')).toBe('2026-05-03');
  await page.keyboard.press('ArrowDown');
  expect(await page.locator(':focus').getAttribute('data-partition')).toBe('2026-05-02');
  await page.keyboard.press('Enter');
  const task = page.locator('#partition tr[data-task="ingest_orders_bronze"]');
  await task.waitFor();
  expect(await task.getAttribute('data-state')).toBe('failed');
  expect(await task.locator('td.error').textContent()).toContain('missing required column "region"');
  expect(await task.locator('td.error').textContent()).toContain('<b>note</b>');
  expect(await task.locator('td.error b').count()).toBe(0);
  expect(await page.locator('#partition tr[data-task="validate_bronze_orders"]').getAttribute('data-state')).toBe(
    'upstream_failed',
  );
  expect(await page.locator('#partition').textContent()).toContain('site browser test');
  expect(await page.locator('#partition svg.gantt rect').count()).toBeGreaterThan(0);
  await page.locator('#grid').screenshot({ path: join(SHOTS, 'grid.png') });
  await page.screenshot({ path: join(SHOTS, 'pipeline-partition.png'), fullPage: true });
  await page.close();
  expect(problems).toEqual([]);
});

it('fits a phone screen without sideways scrolling of the page', async () => {
  const page = await openPage({ width: 390, height: 844 });
  for (const file of ['index.html', `pipelines/${DAG}/index.html`]) {
    await page.goto(pathToFileURL(join(site, file)).href);
    await page.waitForLoadState('load');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, file).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, `phone-${file.replaceAll('/', '-')}.png`), fullPage: true });
  }
  await page.close();
  expect(problems).toEqual([]);
});
