// Validates one pipeline.yml's text (everything but handler imports) and
// normalizes it when it has no error.
import { dirname, resolve } from 'node:path';
import { commandRules } from './command-rules.js';
import type { HandlerRef } from './imports/check.js';
import { limitRules } from './limit-rules.js';
import type { Diagnostic, Pipeline } from './model.js';
import { normalizePipeline } from './normalize.js';
import { handlerModuleInside, pathRules } from './path-rules.js';
import { isRecord, pipelineRules } from './rules.js';
import { schemaDiagnostics } from './schema-check.js';
import { findSecrets, redactSecrets } from './secrets.js';
import { decodeContract, type PathSegment, parseContract } from './source.js';
import { taskRules } from './task-rules.js';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Present when the contract has no error. */
  pipeline?: Pipeline;
  /** Well-formed `handler:` values, for the import checks. */
  handlers: TaskHandler[];
}

/** A handler ref that knows its task's index: what the cache keeps instead of its position. */
export type TaskHandler = HandlerRef & { readonly task: number };

const HANDLER = /^([^#]+\.(?:ts|js|mjs))#([A-Za-z_$][A-Za-z0-9_$]*)$/;

/** A `handler:` value before it is located: where it is, by its task's index. */
export type HandlerValue = Omit<HandlerRef, 'line' | 'col'> & { task: number };

function handlerValues(data: Record<string, unknown>, file: string): HandlerValue[] {
  if (!Array.isArray(data.tasks)) return [];
  const pipelineDir = dirname(resolve(file));
  return data.tasks.flatMap((task: unknown, index) => {
    if (!isRecord(task) || typeof task.handler !== 'string') return [];
    const match = HANDLER.exec(task.handler);
    // A module outside the pipeline folder is reported by pathRules and never imported.
    if (!match || !handlerModuleInside(match[1]!)) return [];
    const taskId = typeof task.id === 'string' ? task.id : String(index + 1);
    return [{ contract: file, task: index, taskId, pipelineDir, module: match[1]!, exportName: match[2]! }];
  });
}

/** Where a `handler:` value is in its contract. */
export const handlerPath = (task: number): PathSegment[] => ['tasks', task, 'handler'];

/**
 * The handler refs of `values`, each located when first asked (a failed import, the cache):
 * locating parses the whole document.
 */
export function locatedHandlers(values: HandlerValue[], locate: Locate): TaskHandler[] {
  return values.map((value) => {
    let at: { line: number; col: number } | undefined;
    const position = () => {
      at ??= locate(handlerPath(value.task));
      return at;
    };
    return {
      ...value,
      get line() {
        return position().line;
      },
      get col() {
        return position().col;
      },
    };
  });
}

/** Where a data path of a contract is. */
export type Locate = (path: readonly PathSegment[]) => { line: number; col: number };

/** A handler's value without its position (never read from the getters, which would locate it). */
export const handlerValue = (h: TaskHandler): HandlerValue => ({
  contract: h.contract,
  task: h.task,
  taskId: h.taskId,
  pipelineDir: h.pipelineDir,
  module: h.module,
  exportName: h.exportName,
});

/** Locates paths of the contract `bytes` hold, parsing it with positions on the first call only. */
export function locateLater(file: string, bytes: Uint8Array): Locate {
  let locate: Locate | undefined;
  return (path) => {
    if (locate === undefined) {
      const decoded = decodeContract(file, bytes);
      // Checked before from the same bytes: only text reaches here.
      locate = parseContract(file, 'text' in decoded ? decoded.text : '').locate;
    }
    return locate(path);
  };
}

/** A FileResult as plain data: handlers by their task's index (a worker's reply, the cache). */
export type UnlocatedResult = Omit<FileResult, 'handlers'> & { handlers: HandlerValue[] };

export interface CheckedText extends UnlocatedResult {
  /** Where a path of this contract is (parses the whole document on first use). */
  locate: Locate;
}

/** `content` as read from disk (bytes, checked for UTF-8 and NUL) or as text. */
export function checkContractText(file: string, content: string | Uint8Array): FileResult {
  const { handlers, locate, ...result } = checkContract(file, content);
  return { ...result, handlers: locatedHandlers(handlers, locate) };
}

/** checkContractText with the handlers not yet located (a worker thread sends them as data). */
export function checkContract(file: string, content: string | Uint8Array): CheckedText {
  const decoded = typeof content === 'string' ? { text: content } : decodeContract(file, content);
  if ('error' in decoded) return { file, diagnostics: [decoded.error], handlers: [], locate: unlocated };
  const text = decoded.text;
  const source = parseContract(file, text);
  const diagnostics: Diagnostic[] = [...source.syntax];
  for (const secret of findSecrets(text))
    diagnostics.push({
      file,
      line: secret.line,
      col: secret.col,
      severity: 'error',
      message: `literal credential (${secret.kind}) in the contract: store it as a GitHub secret and pass it through env`,
    });
  const data = source.data;
  if (source.syntax.some((d) => d.severity === 'error')) return { file, diagnostics, handlers: [], locate: unlocated };
  if (!isRecord(data)) {
    diagnostics.push({
      file,
      line: 1,
      col: 1,
      severity: 'error',
      message: 'a pipeline contract must be a YAML mapping',
    });
    return { file, diagnostics, handlers: [], locate: unlocated };
  }
  diagnostics.push(...schemaDiagnostics(source));
  for (const rule of [...pipelineRules, ...taskRules, ...pathRules, ...limitRules, ...commandRules])
    rule(data, source, diagnostics);
  // Messages quote values; a credential must never be echoed back.
  for (const d of diagnostics) d.message = redactSecrets(d.message);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return {
    file,
    diagnostics,
    handlers: handlerValues(data, file),
    locate: (path) => source.locate(path),
    ...(ok ? { pipeline: normalizePipeline(data, file) } : {}),
  };
}

/** For a contract without handlers: nothing is ever located. */
const unlocated: Locate = () => ({ line: 1, col: 1 });
