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

/** CSV records excluding the header: a newline inside quotes does not end a record; blank lines are no records. */
function csvRecordCounter(): RowCounter {
  let records = 0;
  let inQuotes = false;
  let hasContent = false;
  return {
    add(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) {
          inQuotes = !inQuotes;
          hasContent = true;
        } else if (byte === LF) {
          if (inQuotes) continue;
          if (hasContent) records++;
          hasContent = false;
        } else if (byte !== CR) {
          hasContent = true;
        }
      }
    },
    total() {
      return Math.max(0, records + (hasContent ? 1 : 0) - 1);
    },
  };
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
