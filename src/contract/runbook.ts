// The runbook a person should read when a task fails: the task's own `runbook`, else the
// pipeline's. A Markdown file (relative to the pipeline folder) is quoted — only its
// `#section` when one is named, the way GitHub anchors headings — so an alert can lead
// with what to do; a URL is linked.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic, Pipeline } from './model.js';
import { type PathSegment, parseContract } from './source.js';
import { didYouMean } from './suggest.js';

export interface RunbookExcerpt {
  /** As written in the contract: `runbook.md#validate-product-snapshot` or a URL. */
  ref: string;
  /** The file relative to the pipeline folder, for a link into the repository (absent for a URL). */
  file?: string;
  /** The section's Markdown (or the whole file's, cut at MAX_CHARS); absent for a URL or an unreadable file. */
  text?: string;
}

const MAX_CHARS = 3_000;

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The lines under the heading whose anchor is `anchor`, up to the next heading of its level or above. */
export function runbookSection(markdown: string, anchor: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
    return m !== null && headingAnchor(m[2]!) === anchor;
  });
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^(#{1,6})\s/.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

/** The runbook for `taskId` (falling back to the pipeline's), read and cut to its section. */
export async function runbookFor(
  pipeline: Pick<Pipeline, 'dir' | 'runbook' | 'tasks'>,
  taskId?: string,
): Promise<RunbookExcerpt | undefined> {
  const ref = pipeline.tasks.find((t) => t.id === taskId)?.runbook ?? pipeline.runbook;
  if (ref === undefined) return undefined;
  if (/^https?:\/\//.test(ref)) return { ref };
  const [file = '', anchor] = ref.split('#');
  let markdown: string;
  try {
    markdown = await readFile(join(pipeline.dir, file), 'utf8');
  } catch {
    return { ref, file }; // a link still helps; validate is where a missing file is reported
  }
  const text = anchor ? runbookSection(markdown, anchor) : markdown.trim();
  if (text === undefined) return { ref, file };
  return { ref, file, text: text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n…` : text };
}

/**
 * A runbook file must exist inside the pipeline folder and hold its `#section`: checked on disk
 * at every validate (never cached with the contract, since the file changes on its own), each
 * problem located at the `runbook:` value. URLs are not fetched.
 */
export async function runbookDiagnostics(pipeline: Pipeline): Promise<Diagnostic[]> {
  const refs: Array<{ path: PathSegment[]; ref: string }> = [];
  if (pipeline.runbook) refs.push({ path: ['runbook'], ref: pipeline.runbook });
  pipeline.tasks.forEach((t, i) => {
    if (t.runbook) refs.push({ path: ['tasks', i, 'runbook'], ref: t.runbook });
  });
  const local = refs.filter((r) => !/^https?:\/\//.test(r.ref));
  if (local.length === 0) return [];
  const source = parseContract(pipeline.file, await readFile(pipeline.file, 'utf8'));
  const out: Diagnostic[] = [];
  for (const { path, ref } of local) {
    const [file = '', anchor] = ref.split('#');
    const target = resolve(pipeline.dir, file);
    const rel = relative(pipeline.dir, target);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      out.push(source.diagnostic(path, `runbook '${ref}' is outside the pipeline folder: keep it beside pipeline.yml`));
      continue;
    }
    const markdown = await readFile(target, 'utf8').catch(() => undefined);
    if (markdown === undefined) {
      out.push(source.diagnostic(path, `runbook file '${file}' does not exist in ${pipeline.dir}`));
      continue;
    }
    if (anchor && runbookSection(markdown, anchor) === undefined) {
      const anchors = [...markdown.matchAll(/^#{1,6}\s+(.*?)\s*#*\s*$/gm)].map((m) => headingAnchor(m[1]!));
      out.push(
        source.diagnostic(
          path,
          `runbook '${file}' has no heading '#${anchor}'${didYouMean(anchor, anchors)} (headings: ${anchors.map((a) => `#${a}`).join(', ') || 'none'})`,
        ),
      );
    }
  }
  return out;
}
