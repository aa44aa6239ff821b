import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/temp.js';
import {
  escapeCell,
  fitSummary,
  markdownTable,
  mermaidBlock,
  SUMMARY_LIMIT_BYTES,
  writeJobSummary,
} from './summary.js';

describe('markdown builders', () => {
  it('keeps a pipe or newline in a value inside its cell', () => {
    expect(escapeCell('a|b\nc')).toBe('a\\|b<br>c');
    expect(escapeCell('<img src=x onerror=alert(1)>\nok')).toBe('&lt;img src=x onerror=alert(1)&gt;<br>ok');
    const table = markdownTable(
      ['task', 'rows'],
      [
        ['load|orders', 12],
        ['x\r\ny', undefined],
      ],
      ['left', 'right'],
    );
    expect(table).toBe('| task | rows |\n| --- | ---: |\n| load\\|orders | 12 |\n| x<br>y |  |\n');
    // Every row has as many unescaped separators as the header.
    const seps = table
      .trim()
      .split('\n')
      .map((l) => l.replace(/\\\|/g, '').split('|').length);
    expect(new Set(seps).size).toBe(1);
  });

  it('fences Mermaid source', () => {
    expect(mermaidBlock('\ngraph LR\n  a --> b\n')).toBe('```mermaid\ngraph LR\n  a --> b\n```\n');
  });
});

describe('fitSummary', () => {
  it('leaves a summary under the limit untouched', () => {
    expect(fitSummary('# ok\n')).toEqual({ markdown: '# ok\n', truncated: false, bytes: 5 });
  });

  it('cuts a 3 MB summary at a line, under GitHub 1 MiB limit, naming the artifact', () => {
    const line = '| 2026-05-02 | ingest_orders_bronze | success | 1234 ms | Алматы |\n';
    const big = line.repeat(Math.ceil(3_000_000 / Buffer.byteLength(line)));
    const fitted = fitSummary(big, { artifactName: 'pipewright-turanmart_daily_sales-2026-05-02' });
    expect(fitted.truncated).toBe(true);
    expect(fitted.bytes).toBe(Buffer.byteLength(fitted.markdown));
    expect(fitted.bytes).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(fitted.bytes).toBeGreaterThan(SUMMARY_LIMIT_BYTES - 2 * Buffer.byteLength(line) - 400);
    const [kept, note] = fitted.markdown.split('\n> [!WARNING]\n');
    expect(
      kept
        ?.split('\n')
        .slice(0, -1)
        .every((l) => l === line.trimEnd()),
    ).toBe(true);
    expect(note).toContain('`pipewright-turanmart_daily_sales-2026-05-02`');
    expect(note).toMatch(/cut at [\d,]+ of [\d,]+ bytes/);
  });

  it('counts what the step already wrote and closes a code fence it cuts through', () => {
    const body = '```mermaid\n' + 'graph LR\n'.repeat(200) + '```\n';
    const fitted = fitSummary(body, { limitBytes: 2_000, usedBytes: 1_000 });
    expect(fitted.bytes).toBeLessThanOrEqual(1_000);
    const fences = fitted.markdown.split('\n').filter((l) => l.startsWith('```')).length;
    expect(fences % 2).toBe(0);
  });

  it('never splits a multi-byte character when a single line is too long', () => {
    const fitted = fitSummary('ж'.repeat(5_000), { limitBytes: 1_000 });
    expect(fitted.truncated).toBe(true);
    expect(fitted.markdown).not.toContain('\uFFFD');
    expect(fitted.bytes).toBeLessThanOrEqual(1_000);
  });
});

describe('writeJobSummary', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
  });

  it('appends to the step summary file and keeps the whole file under the limit', async () => {
    const dir = scratchDir('pw-summary-');
    const file = path.join(dir, 'SUMMARY.md');
    fs.writeFileSync(file, 'x'.repeat(600) + '\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    const first = await writeJobSummary('## Partition 2026-05-02\n', { limitBytes: 1_000 });
    expect(first).toEqual({ written: true, truncated: false, bytes: 24 });
    const second = await writeJobSummary('row\n'.repeat(500), { limitBytes: 1_000, artifactName: 'pw-report' });
    expect(second.truncated).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('x'.repeat(600) + '\n## Partition 2026-05-02\n')).toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1_000);
    expect(text).toContain('`pw-report`');
  });

  it('does nothing outside a runner', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    expect(await writeJobSummary('# hi\n')).toEqual({ written: false, truncated: false, bytes: 0 });
  });
});
