// Finds where in the user's code an import failed, from what Node reported:
// the source excerpt Node prints for syntax errors, the stack, or the
// "imported from" of a missing module.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportFailure, SourceLocation } from './probe.js';

const toPath = (file: string) => (file.startsWith('file://') ? fileURLToPath(file) : file);

/** `/abs/file.ts:3` followed by the source line and a `^^^` marker (syntax errors, unsupported TypeScript). */
function fromExcerpt(text: string): SourceLocation | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^((?:file:\/\/)?\/.*):(\d+)$/.exec(lines[i]!);
    if (!header) continue;
    let col = 1;
    for (const next of lines.slice(i + 1, i + 12)) {
      if (/^\s*\^+\s*$/.test(next)) {
        col = next.indexOf('^') + 1;
        break;
      }
      if (next === '') break;
    }
    return { file: toPath(header[1]!), line: Number(header[2]), col };
  }
  return undefined;
}

/** The first stack frame in a user file (not Node's internals, not the probe). */
export function fromStack(stack: string): SourceLocation | undefined {
  for (const line of stack.split('\n')) {
    const frame = /((?:file:\/\/)?\/[^()\s]*?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!frame || !line.trim().startsWith('at ') || frame[1]!.includes('[eval')) continue;
    return { file: toPath(frame[1]!), line: Number(frame[2]), col: Number(frame[3]) };
  }
  return undefined;
}

/** For ERR_MODULE_NOT_FOUND: the import statement naming the missing module. */
function fromMissingModule(message: string): SourceLocation | undefined {
  const match = /Cannot find (?:module|package) '([^']+)' imported from (.+)$/.exec(message);
  if (!match) return undefined;
  const file = toPath(match[2]!.trim());
  const wanted = basename(match[1]!);
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [i, text] of lines.entries()) {
      const at = text.search(new RegExp(`['"][^'"]*${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`));
      if (at >= 0) return { file, line: i + 1, col: at + 1 };
    }
  } catch {
    // the importer vanished: fall back to its first line
  }
  return { file, line: 1, col: 1 };
}

export function locateFailure(error: ImportFailure, stderr: string): SourceLocation | undefined {
  if (error.code === 'ERR_MODULE_NOT_FOUND') {
    const at = fromMissingModule(error.message);
    if (at) return at;
  }
  return fromExcerpt(error.stack) ?? fromExcerpt(stderr) ?? fromStack(error.stack);
}

const TS_HINTS: Array<[RegExp, string]> = [
  [/enum/, 'use a const object or a union of string literals instead'],
  [/namespace|module/, 'use ES modules instead'],
  [/parameter propert/, 'declare the field and assign it in the constructor instead'],
];

/** One line saying what went wrong, with advice for TypeScript Node cannot strip. */
export function describeFailure(error: ImportFailure): string {
  if (error.code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') {
    const hint = TS_HINTS.find(([re]) => re.test(error.message))?.[1] ?? 'keep to erasable syntax (erasableSyntaxOnly)';
    return `${error.message.replace(/ in strip-only mode$/, '')}: handlers run without a build step (Node strips types), so ${hint}`;
  }
  if (error.code === 'PIPEWRIGHT_NETWORK_BLOCKED')
    return `the module needs the network while it is imported (${error.message}): connect inside the handler function instead`;
  return `cannot import the handler module: ${error.name}: ${error.message.split('\n')[0]}`;
}
