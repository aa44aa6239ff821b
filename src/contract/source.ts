// A parsed pipeline.yml that remembers where every key and value came from, so
// a problem found in the data can be reported at file:line:col.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Diagnostic, Severity } from './model.js';

export type PathSegment = string | number;

export interface ContractSource {
  file: string;
  text: string;
  /** The document as plain data; undefined when the YAML did not parse. */
  data: unknown;
  /** YAML syntax problems, already located. */
  syntax: Diagnostic[];
  /** Position of the key (`key`) or the value (`value`) at a data path, or of its nearest existing parent. */
  locate(path: readonly PathSegment[], target?: 'key' | 'value'): { line: number; col: number };
  /** Position of `needle` inside the source of the value at `path` (falls back to the value). */
  locateWithin(path: readonly PathSegment[], needle: string): { line: number; col: number };
  diagnostic(
    path: readonly PathSegment[],
    message: string,
    opts?: { target?: 'key' | 'value'; severity?: Severity },
  ): Diagnostic;
}

export function parseContract(file: string, text: string): ContractSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => lineCounter.linePos(offset);
  const syntax: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const at = e.linePos?.[0] ?? pos(e.pos[0]);
    return {
      file,
      line: at.line,
      col: at.col,
      severity: e.name === 'YAMLWarning' ? 'warning' : 'error',
      message: `YAML: ${e.message.split('\n')[0]}`,
    };
  });
  const hasErrors = doc.errors.length > 0;

  /** Walks the YAML nodes along the path; returns the deepest node reached, and the key node when the last step was a map key. */
  const walk = (path: readonly PathSegment[]) => {
    let node: unknown = doc.contents;
    let key: unknown;
    let reached = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        key = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        key = undefined;
        node = node.items[segment];
      } else break;
      reached++;
    }
    return { node: node as Node | null, key: key as Node | undefined, complete: reached === path.length };
  };

  const startOf = (node: Node | null | undefined) => pos(node?.range?.[0] ?? 0);

  const locate: ContractSource['locate'] = (path, target = 'value') => {
    const { node, key, complete } = walk(path);
    if (complete && target === 'key' && key) return startOf(key);
    if (!complete && key) return startOf(key);
    return startOf(node);
  };

  const locateWithin: ContractSource['locateWithin'] = (path, needle) => {
    const { node, complete } = walk(path);
    const range = node?.range;
    if (complete && range) {
      const index = text.slice(range[0], range[1]).indexOf(needle);
      if (index >= 0) return pos(range[0] + index);
    }
    return locate(path);
  };

  return {
    file,
    text,
    data: hasErrors ? undefined : doc.toJS({ maxAliasCount: 100 }),
    syntax,
    locate,
    locateWithin,
    diagnostic(path, message, opts = {}) {
      const at = locate(path, opts.target ?? 'value');
      return { file, line: at.line, col: at.col, severity: opts.severity ?? 'error', message };
    },
  };
}
