// Contract diagnostics as annotations at the exact file:line of a pull request.
// GitHub keeps only 10 error and 10 warning annotations per step (50 per job),
// so the first 10 of each are emitted and the rest counted for the summary.
import path from 'node:path';
import type { Diagnostic } from '../contract/model.js';
import { placeOfTaskError } from '../run/error-place.js';
import * as core from './core.js';
import { markdownTable } from './summary.js';

export const ANNOTATIONS_PER_STEP = 10;

export interface AnnotationOutcome {
  errors: number;
  warnings: number;
  /** Diagnostics beyond the per-step limit: list them in the job summary. */
  omittedErrors: number;
  omittedWarnings: number;
}

/** The path GitHub matches annotations against: relative to the checkout, with `/`. */
export function workspacePath(file: string, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()): string {
  const relative = path.isAbsolute(file) ? path.relative(workspace, file) : path.normalize(file);
  // A file outside the checkout cannot be annotated in place; keep its absolute path visible.
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** Emits `::error`/`::warning` workflow commands for up to `limit` diagnostics of each severity. */
export function annotateDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: { workspace?: string; limit?: number } = {},
): AnnotationOutcome {
  const limit = options.limit ?? ANNOTATIONS_PER_STEP;
  const outcome: AnnotationOutcome = { errors: 0, warnings: 0, omittedErrors: 0, omittedWarnings: 0 };
  for (const d of diagnostics) {
    const isError = d.severity === 'error';
    const shown = isError ? outcome.errors : outcome.warnings;
    if (shown >= limit) {
      if (isError) outcome.omittedErrors++;
      else outcome.omittedWarnings++;
      continue;
    }
    const properties: core.AnnotationProperties = {
      file: workspacePath(d.file, options.workspace),
      startLine: d.line,
      startColumn: d.col,
      title: isError ? 'pipewright: contract error' : 'pipewright: contract warning',
    };
    if (isError) {
      core.error(d.message, properties);
      outcome.errors++;
    } else {
      core.warning(d.message, properties);
      outcome.warnings++;
    }
  }
  return outcome;
}

/** Every diagnostic as a summary table, with a line saying how many were not annotated. */
export function diagnosticsMarkdown(
  diagnostics: readonly Diagnostic[],
  outcome: AnnotationOutcome,
  workspace?: string,
): string {
  if (diagnostics.length === 0) return 'No problems found.\n';
  const omitted = outcome.omittedErrors + outcome.omittedWarnings;
  const lead =
    omitted > 0
      ? `${omitted} of ${diagnostics.length} problems are not annotated in the diff ` +
        `(GitHub shows ${ANNOTATIONS_PER_STEP} errors and ${ANNOTATIONS_PER_STEP} warnings per step); all are listed here.\n\n`
      : '';
  const rows = diagnostics.map((d) => [
    `${workspacePath(d.file, workspace)}:${d.line}:${d.col}`,
    d.severity,
    d.message,
  ]);
  return lead + markdownTable(['Location', 'Severity', 'Message'], rows);
}

/**
 * A failed task's cause as an error annotation: on the user's file and line when its text
 * leads with one (a handler's throw), else on the run (a timeout, a command's exit).
 */
/** Annotations are short: the runbook's first lines, then where to read the rest. */
const RUNBOOK_CHARS = 600;

function runbookLead(runbook: { ref: string; text?: string }): string {
  if (!runbook.text) return `Runbook: ${runbook.ref}\n`;
  const text =
    runbook.text.length > RUNBOOK_CHARS ? `${runbook.text.slice(0, RUNBOOK_CHARS)}… (${runbook.ref})` : runbook.text;
  return `Runbook (${runbook.ref}):\n${text}\n\n`;
}

export function annotateTaskError(
  taskId: string,
  partition: string,
  error: string,
  options: { workspace?: string; runbook?: { ref: string; text?: string } } = {},
): void {
  const place = placeOfTaskError(error);
  const title = `pipewright: ${taskId} failed`;
  // What to do comes first, in the owners' words; the error follows.
  const runbook = options.runbook ? runbookLead(options.runbook) : '';
  if (!place) {
    core.error(`${runbook}${partition}: task ${taskId} failed: ${error}`, { title });
    return;
  }
  core.error(
    `${runbook}${partition}: task ${taskId} failed: ${place.message}\n${error.split('\n').slice(1).join('\n')}`.trim(),
    {
      file: workspacePath(place.file, options.workspace),
      startLine: place.line,
      startColumn: place.col,
      title,
    },
  );
}
