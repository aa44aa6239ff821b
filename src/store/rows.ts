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
 * counted four bytes at a time. Only a stretch where a blank line may hide (a line feed followed
 * by another or by a CR) has its lines looked at one by one.
 */
function csvRecordCounter(): RowCounter {
  let records = 0;
  let inQuotes = false;
  /** The current line holds something besides CRs. */
  let hasContent = false;

  /** Counts the lines that end in chunk[from, end), a stretch outside quotes. */
  const lines = (chunk: Uint8Array, bytes: Buffer, from: number, end: number) => {
    let lf = bytes.indexOf(LF, from);
    if (lf < 0 || lf >= end) {
      if (!hasContent) hasContent = !onlyCrs(chunk, from, end);
      return;
    }
    if (hasContent || !onlyCrs(chunk, from, lf)) records++;
    const more = lineFeedsAfter(chunk, lf, end);
    if (more >= 0) {
      // Every line after the first starts with a byte that is neither LF nor CR: none is blank.
      records += more;
      const last = more === 0 ? lf : bytes.lastIndexOf(LF, end - 1);
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
      let from = 0;
      for (;;) {
        const quote = bytes.indexOf(QUOTE, from);
        if (inQuotes) {
          if (quote < 0) return;
          inQuotes = false;
        } else {
          lines(chunk, bytes, from, quote < 0 ? chunk.length : quote);
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

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The line feeds in chunk(lf, end), where chunk[lf] is one; -1 as soon as a line feed is followed
 * by another or by a CR (a blank line may start there). Four bytes at a time where they are aligned
 * (on little-endian machines, where the order of bytes in a word is known).
 */
function lineFeedsAfter(chunk: Uint8Array, lf: number, end: number): number {
  let n = 0;
  let afterLf = true;
  let i = lf + 1;
  const offset = chunk.byteOffset;
  while (i < end && (!LITTLE_ENDIAN || ((offset + i) & 3) !== 0)) {
    const c = chunk[i++];
    if (afterLf && (c === LF || c === CR)) return -1;
    afterLf = c === LF;
    if (afterLf) n++;
  }
  const words = (end - i) >> 2;
  if (words > 0) {
    const view = new Int32Array(chunk.buffer, offset + i, words);
    for (let w = 0; w < words; w++) {
      const word = view[w]!;
      if (afterLf) {
        const first = word & 0xff;
        if (first === LF || first === CR) return -1;
      }
      const lfs = zeroBytes(word ^ 0x0a0a0a0a);
      if (lfs === 0) {
        afterLf = false;
        continue;
      }
      // A line feed followed, inside the word, by a line feed or a CR.
      if (((lfs << 8) & (lfs | zeroBytes(word ^ 0x0d0d0d0d))) !== 0) return -1;
      n += Math.imul(lfs >>> 7, 0x01010101) >>> 24;
      afterLf = (lfs & 0x80000000) !== 0;
    }
    i += words << 2;
  }
  while (i < end) {
    const c = chunk[i++];
    if (afterLf && (c === LF || c === CR)) return -1;
    afterLf = c === LF;
    if (afterLf) n++;
  }
  return n;
}

/** 0x80 in each byte of the result whose byte of `x` is zero, nothing elsewhere (exact: no borrow between bytes). */
function zeroBytes(x: number): number {
  return ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
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
