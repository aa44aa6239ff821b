import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAlertBody } from '../github/alerts.js';
import { loadPipelineById } from './load.js';
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
});
