// Job summaries: small Markdown builders and the size guard. GitHub drops a
// step summary over 1 MiB entirely, so a long one is cut at a line with a
// note that points at the artifact holding the full report.
import { statSync } from 'node:fs';
import * as core from './core.js';

/** Kept under GitHub's 1 MiB (1,048,576 bytes) per step, with room for the note. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

/**
 * One table cell: `|` would end the cell and a newline the row; `<` and `>` are
 * entities so a value (a contract's owner, a task's error) never becomes HTML.
 */
export function escapeCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return String(value).replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export type Align = 'left' | 'right' | 'center';

/** A GitHub-flavoured Markdown table; every cell is escaped. */
export function markdownTable(
  header: string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>,
  align: Align[] = [],
): string {
  const rule = header.map((_, i) => {
    const a = align[i];
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
  });
  const line = (cells: ReadonlyArray<string | number | boolean | undefined>) =>
    `| ${header.map((_, i) => escapeCell(cells[i])).join(' | ')} |`;
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}

/** A fenced Mermaid block, rendered as a diagram in summaries, issues and PRs. */
export function mermaidBlock(source: string): string {
  return '```mermaid\n' + source.trim() + '\n```\n';
}

export interface FittedSummary {
  markdown: string;
  truncated: boolean;
  bytes: number;
}

/**
 * Cuts `markdown` so that, with `usedBytes` already in the step's summary file,
 * it stays under `limitBytes`. The cut falls at a line end (never inside a UTF-8
 * sequence), closes an open code fence, and appends a note naming the artifact.
 */
export function fitSummary(
  markdown: string,
  options: { limitBytes?: number; usedBytes?: number; artifactName?: string } = {},
): FittedSummary {
  const limit = (options.limitBytes ?? SUMMARY_LIMIT_BYTES) - (options.usedBytes ?? 0);
  const full = Buffer.from(markdown, 'utf8');
  if (full.length <= limit) return { markdown, truncated: false, bytes: full.length };

  const where = options.artifactName ? `the artifact \`${options.artifactName}\`` : "this run's artifacts";
  const note = (kept: number) =>
    `\n> [!WARNING]\n> Summary cut at ${kept.toLocaleString('en-US')} of ${full.length.toLocaleString('en-US')} bytes: ` +
    `GitHub drops step summaries over 1 MiB. The full report is in ${where}.\n`;
  const budget = limit - Buffer.byteLength(note(full.length)) - Buffer.byteLength('```\n');
  if (budget <= 0) return { markdown: '', truncated: true, bytes: 0 };

  let end = full.lastIndexOf(0x0a, budget - 1) + 1;
  if (end <= 0) {
    // One huge line: back off to a character boundary (skip UTF-8 continuation bytes).
    end = budget;
    while (end > 0 && ((full[end] ?? 0) & 0xc0) === 0x80) end--;
  }
  let kept = full.subarray(0, end).toString('utf8');
  const fences = kept.split('\n').filter((l) => l.trimStart().startsWith('```')).length;
  if (fences % 2 === 1) kept += kept.endsWith('\n') ? '```\n' : '\n```\n';
  const result = kept + note(end);
  return { markdown: result, truncated: true, bytes: Buffer.byteLength(result) };
}

export interface WrittenSummary {
  /** False outside a runner (no GITHUB_STEP_SUMMARY): summaries are a courtesy, never a failure. */
  written: boolean;
  truncated: boolean;
  bytes: number;
}

/** Appends Markdown to this step's summary, cut to fit what the step has already written. */
export async function writeJobSummary(
  markdown: string,
  options: { artifactName?: string; limitBytes?: number } = {},
): Promise<WrittenSummary> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return { written: false, truncated: false, bytes: 0 };
  let usedBytes = 0;
  try {
    usedBytes = statSync(file).size;
  } catch {
    // core.summary creates nothing either: a missing file is reported by write() below.
  }
  const fitted = fitSummary(markdown, { ...options, usedBytes });
  await core.summary.emptyBuffer().addRaw(fitted.markdown).write();
  return { written: true, truncated: fitted.truncated, bytes: fitted.bytes };
}
