// A parsed pipeline.yml that remembers where every key and value came from, so
// a problem found in the data can be reported at file:line:col.
import { isUtf8 } from 'node:buffer';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { Diagnostic, Severity } from './model.js';
import { plainData } from './plain-yaml.js';

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

/** One decoder for every contract: building one costs more than decoding a contract (it holds no state between calls). */
const UTF8 = new TextDecoder('utf-8');

/**
 * The contract's text, or a located error for bytes that are not UTF-8 or for a NUL:
 * either would otherwise be replaced or passed on silently.
 */
export function decodeContract(file: string, bytes: Uint8Array): { text: string } | { error: Diagnostic } {
  const text = UTF8.decode(bytes);
  const located = (offset: number, message: string) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    return { error: { file, line, col, severity: 'error' as const, message } };
  };
  if (!isUtf8(bytes)) {
    // Re-encode the decoded text character by character: the first one that does not
    // match the file's bytes is where the invalid sequence begins.
    const encoder = new TextEncoder();
    let byte = 0;
    let offset = 0;
    for (const char of text) {
      const expected = encoder.encode(char);
      if (!expected.every((b, i) => bytes[byte + i] === b)) break;
      byte += expected.length;
      offset += char.length;
    }
    const hex = Buffer.from(bytes.subarray(byte, byte + 1)).toString('hex');
    return located(offset, `invalid UTF-8 (byte 0x${hex}): save the contract as UTF-8`);
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) return located(nul, 'NUL byte in the contract: remove it (a contract is text)');
  return { text };
}

/**
 * The contract's data, read fast without positions when it can be (plain-yaml.ts);
 * the `yaml` document, which knows where everything is, is built on the first
 * question about a place, so a valid contract usually never pays for it.
 */
export function parseContract(file: string, text: string): ContractSource {
  const plain = plainData(text);
  if (!plain) return located(file, text);
  let document: ContractSource | undefined;
  const positions = () => {
    document ??= located(file, text);
    return document;
  };
  return {
    file,
    text,
    data: plain.data,
    syntax: [],
    locate: (path, target) => positions().locate(path, target),
    locateWithin: (path, needle) => positions().locateWithin(path, needle),
    diagnostic: (path, message, opts) => positions().diagnostic(path, message, opts),
  };
}

/** The contract as a `yaml` document: its data, its syntax problems and every position. */
function located(file: string, text: string): ContractSource {
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
  // Aliases past this count are a resource-exhaustion attack ("billion laughs"): refuse, located at the first alias.
  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      let alias: Node | undefined;
      visit(doc, {
        Alias(_key, node) {
          alias = node;
          return visit.BREAK;
        },
      });
      const at = pos(alias?.range?.[0] ?? 0);
      const why = (error as Error).message.split('\n')[0];
      syntax.push({ file, line: at.line, col: at.col, severity: 'error', message: `YAML: ${why}` });
    }
  }

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
    data,
    syntax,
    locate,
    locateWithin,
    diagnostic(path, message, opts = {}) {
      const at = locate(path, opts.target ?? 'value');
      return { file, line: at.line, col: at.col, severity: opts.severity ?? 'error', message };
    },
  };
}
