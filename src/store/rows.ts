// Rows as manifests count them: for .csv files, records after the header (a
// newline inside quotes does not end a record; blank lines are no records); for
// other files, lines. Counted chunk by chunk, so a writer can count as it writes.
import { extname } from 'node:path';

/** The counter for `path`'s kind of file. */
export function rowCounterFor(path: string): RowCounter {
  return extname(path).toLowerCase() === '.csv' ? csvRecordCounter() : lineCounter();
}

export interface RowCounter {
  add(chunk: Uint8Array): void;
  total(): number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * CSV records excluding the header: a newline inside quotes does not end a record; blank lines are no records.
 * This counter sees every byte a run writes, and its input checksums, so it never judges bytes one
 * by one: quotes are found with memchr (Buffer's indexOf), and between them the line feeds are
 * counted four bytes at a time. Only in a chunk where a blank line may hide (a line feed followed
 * by another or by a CR) are the lines looked at one by one.
 */
function csvRecordCounter(): RowCounter {
  let records = 0;
  let inQuotes = false;
  /** The current line holds something besides CRs. */
  let hasContent = false;

  /**
   * Counts the lines that end in chunk[from, end), a stretch outside quotes; `noBlank` when no LF
   * in the chunk is followed by another LF or a CR, so no line but the first can be blank.
   */
  const lines = (chunk: Uint8Array, bytes: Buffer, from: number, end: number, noBlank: boolean) => {
    let lf = bytes.indexOf(LF, from);
    if (lf < 0 || lf >= end) {
      if (!hasContent) hasContent = !onlyCrs(chunk, from, end);
      return;
    }
    if (hasContent || !onlyCrs(chunk, from, lf)) records++;
    if (noBlank) {
      // Every line after the first starts with a byte that is neither LF nor CR: none is blank.
      const last = bytes.lastIndexOf(LF, end - 1);
      records += countLineFeeds(chunk, lf + 1, last + 1);
      hasContent = !onlyCrs(chunk, last + 1, end);
      return;
    }
    for (;;) {
      const next = bytes.indexOf(LF, lf + 1);
      if (next < 0 || next >= end) {
        hasContent = !onlyCrs(chunk, lf + 1, end);
        return;
      }
      if (!onlyCrs(chunk, lf + 1, next)) records++;
      lf = next;
    }
  };

  return {
    add(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      const noBlank = bytes.indexOf('\n\n') < 0 && bytes.indexOf('\n\r') < 0;
      let from = 0;
      for (;;) {
        const quote = bytes.indexOf(QUOTE, from);
        if (inQuotes) {
          if (quote < 0) return;
          inQuotes = false;
        } else {
          lines(chunk, bytes, from, quote < 0 ? chunk.length : quote, noBlank);
          if (quote < 0) return;
          hasContent = true;
          inQuotes = true;
        }
        from = quote + 1;
      }
    },
    total() {
      return Math.max(0, records + (hasContent ? 1 : 0) - 1);
    },
  };
}

/** The LF bytes in chunk[start, end), four at a time where the bytes are aligned. */
function countLineFeeds(chunk: Uint8Array, start: number, end: number): number {
  let n = 0;
  let i = start;
  const offset = chunk.byteOffset;
  while (i < end && ((offset + i) & 3) !== 0) if (chunk[i++] === LF) n++;
  const words = (end - i) >> 2;
  if (words > 0) {
    const view = new Int32Array(chunk.buffer, offset + i, words);
    for (let w = 0; w < words; w++) {
      // 0x80 in each byte of `zero` whose byte of `x` is 0, i.e. whose byte was LF (exact, no borrow).
      const x = view[w]! ^ 0x0a0a0a0a;
      const zero = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
      if (zero !== 0) n += Math.imul(zero >>> 7, 0x01010101) >>> 24;
    }
    i += words << 2;
  }
  while (i < end) if (chunk[i++] === LF) n++;
  return n;
}

function onlyCrs(chunk: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (chunk[i] !== CR) return false;
  return true;
}

/** Lines, counting a last line without its newline. */
function lineCounter(): RowCounter {
  let lines = 0;
  let lastByte: number | undefined;
  return {
    add(chunk) {
      for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) lines++;
      if (chunk.length > 0) lastByte = chunk[chunk.length - 1];
    },
    total() {
      return lines + (lastByte !== undefined && lastByte !== LF ? 1 : 0);
    },
  };
}
