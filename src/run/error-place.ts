// Where a handler failed, in the user's terms: the first stack frame inside the pipelines
// folder gives `file:line:col` (type stripping keeps positions), and the user's frames make
// a trimmed stack. The text leads with the place, as contract errors do, so the terminal,
// the run record, the quality report and the Actions annotation all carry it.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '../contract/imports/repo-root.js';
import { errorMessage } from '../errors.js';

export interface CodePlace {
  /** Relative to the repository root, with `/`. */
  file: string;
  line: number;
  col: number;
}

interface Frame extends CodePlace {
  fn?: string;
}

const MAX_FRAMES = 8;
// `    at fn (file:///x/a.ts:12:7)`, `    at file:///x/a.ts:12:7`, `    at async fn (/x/a.ts:1:2)`
const FRAME = /^\s*at (?:(.+?) \()?((?:file:\/\/)?\/[^()]*?):(\d+):(\d+)\)?$/;

function inside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('node_modules');
}

/** The frames of `stack` in files under `folder`, paths relative to `root`. */
export function userFrames(stack: string, folder: string, root: string): Frame[] {
  const frames: Frame[] = [];
  for (const line of stack.split('\n')) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const file = m[2]!.startsWith('file:') ? fileURLToPath(m[2]!) : m[2]!;
    if (!inside(folder, file)) continue;
    frames.push({
      file: relative(root, file).split(sep).join('/'),
      line: Number(m[3]),
      col: Number(m[4]),
      ...(m[1] ? { fn: m[1] } : {}),
    });
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

/**
 * The task error recorded for anything a handler threw: `file:line:col: message` and the
 * user's frames below it, or the bare message when no frame is the user's (a timeout).
 * User frames are those under the pipelines folder: task code may import shared code beside
 * its pipeline's folder.
 */
export function locatedTaskError(error: unknown, pipelineDir: string): string {
  const tasksFolder = dirname(resolve(pipelineDir));
  const message = errorMessage(error);
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const frames = userFrames(stack, tasksFolder, findRepoRoot(tasksFolder));
  const first = frames[0];
  if (!first) return message;
  const trace = frames.map(
    (f) => `    at ${f.fn ? `${f.fn} (${f.file}:${f.line}:${f.col})` : `${f.file}:${f.line}:${f.col}`}`,
  );
  return [`${first.file}:${first.line}:${first.col}: ${message}`, ...trace].join('\n');
}

/** The place a task error text leads with, if any (see locatedTaskError). */
export function placeOfTaskError(text: string): (CodePlace & { message: string }) | undefined {
  const m = /^([^\s:][^:\n]*):(\d+):(\d+): (.*)$/m.exec(text.split('\n')[0] ?? '');
  if (!m) return undefined;
  return { file: m[1]!, line: Number(m[2]), col: Number(m[3]), message: m[4]! };
}
