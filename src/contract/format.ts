// The one way a diagnostic is shown: `path:line:col: error: message`, with the
// path relative to where the user stands.
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from './model.js';

export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel === '' ? file : rel;
}

export function formatDiagnostic(d: Diagnostic, cwd: string): string {
  return `${displayPath(d.file, cwd)}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}
