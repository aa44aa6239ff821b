import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAlertBody } from '../github/alerts.js';
import { loadPipelineById, validatePaths } from './load.js';
import { headingAnchor, runbookFor, runbookSection } from './runbook.js';

const pipelines = fileURLToPath(new URL('../../pipelines', import.meta.url));

describe('runbooks', () => {
  it("quotes the failed task's runbook section first in the alert issue", async () => {
    const pipeline = await loadPipelineById(pipelines, 'turanmart_daily_sales');
    const runbook = await runbookFor(pipeline, 'validate_bronze_orders');
    expect(runbook?.ref).toBe('runbook.md#validate-bronze-orders');
    expect(runbook?.text?.startsWith("The day's orders broke their contract")).toBe(true);
    expect(runbook?.text).toContain('**A rerun is safe** once a corrected export');
    expect(runbook?.text).not.toContain('# turanmart_daily_sales'); // only the section
    const body = renderAlertBody({
      owner: 'o',
      repo: 'r',
      dagId: pipeline.dagId,
      partition: '2026-05-02',
      task: 'validate_bronze_orders',
      failureClass: 'data',
      runbook: { ...runbook!, url: 'https://example.test/runbook.md#validate-bronze-orders' },
    });
    const quoted = body.indexOf("> The day's orders broke their contract");
    expect(body).toContain(
      '**Runbook** ([`runbook.md#validate-bronze-orders`](https://example.test/runbook.md#validate-bronze-orders)):',
    );
    expect(quoted).toBeGreaterThan(0);
    expect(quoted).toBeLessThan(body.indexOf('| Pipeline'));
  });

  it("falls back to the pipeline's runbook, and links a URL without reading it", async () => {
    const pipeline = await loadPipelineById(pipelines, 'turanmart_region_inventory_risk');
    const whole = await runbookFor(pipeline, 'build_region_inventory_risk');
    expect(whole?.ref).toBe('runbook.md');
    expect(whole?.text?.startsWith('# turanmart_region_inventory_risk — runbook')).toBe(true);
    const linked = await runbookFor({ ...pipeline, runbook: 'https://wiki.example.test/risk' });
    expect(linked).toEqual({ ref: 'https://wiki.example.test/risk' });
  });

  it('finds a section by its GitHub anchor and stops at the next heading of its level', () => {
    expect(headingAnchor('The partition is waiting!')).toBe('the-partition-is-waiting');
    const md = '# Top\n\n## First part\none\n### Detail\ntwo\n## Second\nthree\n';
    expect(runbookSection(md, 'first-part')).toBe('one\n### Detail\ntwo');
    expect(runbookSection(md, 'missing')).toBeUndefined();
  });

  it('validate locates a missing runbook file and a section that is not there', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-runbook-'));
    try {
      mkdirSync(join(root, 'book'));
      writeFileSync(join(root, 'book', 'runbook.md'), '# Book\n\n## Late export\n\nWait.\n');
      const contract = [
        'dag_id: book',
        'description: Runbook checks.',
        'owner: tests',
        'runbook: missing.md',
        'tags: [fixture]',
        'partition: daily',
        'start_date: 2026-05-01',
        'tasks:',
        '  - id: a',
        '    runbook: runbook.md#late-exprt',
        '    command: [echo]',
        '  - id: b',
        '    runbook: runbook.md#late-export',
        '    command: [echo]',
        '',
      ].join('\n');
      writeFileSync(join(root, 'book', 'pipeline.yml'), contract);
      const result = await validatePaths([root], { checkImports: false, cacheDir: false });
      expect(result.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([
        `4:10: runbook file 'missing.md' does not exist in ${join(root, 'book')}`,
        "10:14: runbook 'runbook.md' has no heading '#late-exprt' (did you mean 'late-export'?) (headings: #book, #late-export)",
      ]);
      expect(result.pipelines).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
