import { describe, expect, it } from 'vitest';
import { rowCounterFor } from './rows.js';

/** Rows of `text` counted in pieces cut at `cuts`. */
function countCsv(text: string, cuts: number[] = []): number {
  const bytes = new TextEncoder().encode(text);
  const counter = rowCounterFor('x.csv');
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    counter.add(bytes.subarray(at, cut));
    at = cut;
  }
  return counter.total();
}

/** The rule byte by byte, as manifests have always counted: the reference the fast counter must match. */
function byteByByte(text: string): number {
  let records = 0;
  let inQuotes = false;
  let hasContent = false;
  for (const c of text) {
    if (c === '"') {
      inQuotes = !inQuotes;
      hasContent = true;
    } else if (c === '\n') {
      if (inQuotes) continue;
      if (hasContent) records++;
      hasContent = false;
    } else if (c !== '\r') {
      hasContent = true;
    }
  }
  return Math.max(0, records + (hasContent ? 1 : 0) - 1);
}

/** A repeatable stream of pseudo-random non-negative integers. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state;
  };
}

describe('CSV row counting', () => {
  it('counts records after the header, not lines', () => {
    expect(countCsv('a,b\n1,2\n3,4\n')).toBe(2);
    expect(countCsv('a,b\n1,2\n3,4')).toBe(2); // no newline at the end
    expect(countCsv('a,b\r\n1,2\r\n\r\n\n3,4\r\n')).toBe(2); // blank lines are no records
    expect(countCsv('a,b\n1,"two\nlines"\n3,"x"\n')).toBe(2); // a newline inside quotes
    expect(countCsv('a,b\n1,"say ""hi""\n, bye"\n')).toBe(1);
    expect(countCsv('')).toBe(0);
    expect(countCsv('a,b\n')).toBe(0);
    expect(countCsv('a,b\n\r\r\n')).toBe(0); // a line of CRs only is blank
  });

  it('gives the same count wherever the bytes are cut into chunks', () => {
    const samples = [
      'order_id,region\n1,"Almaty, centre"\n2,"a ""quoted"" word"\r\n\r\n3,"multi\r\nline"\n4,x',
      '"h1","h2"\n\n\n"",""\n"\n"\n,\n',
      'a\r\r\nb\r\n"\r"\n\r',
      '"unclosed\nquote\n',
    ];
    for (const text of samples) {
      const expected = byteByByte(text);
      const length = new TextEncoder().encode(text).length;
      for (let a = 0; a <= length; a++) {
        expect(countCsv(text, [a])).toBe(expected);
        for (let b = a; b <= length; b += 3) expect(countCsv(text, [a, b])).toBe(expected);
      }
    }
  });

  it('agrees with the byte-by-byte rule on random CSV-like text', () => {
    const alphabet = ['a', ',', '"', '\n', '\r', '""', '\r\n'];
    const next = seeded(7);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = next() % 60;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      const cut = next() % (text.length + 1);
      expect(countCsv(text, [cut]), JSON.stringify(text)).toBe(byteByByte(text));
    }
  });

  it('agrees with it on long stretches of plain lines at any alignment (counted four bytes at a time)', () => {
    const next = seeded(11);
    for (let round = 0; round < 40; round++) {
      // Mostly plain lines; now and then a quoted value, a blank line, a CR-only line or a CRLF.
      let text = 'id,note\n';
      for (let line = 0; line < 300; line++) {
        const kind = next() % 40;
        const value = 'x'.repeat(next() % 13);
        if (kind === 0) text += `${line},"q\n${value}"\n`;
        else if (kind === 1) text += '\n';
        else if (kind === 2) text += '\r\n';
        else if (kind === 3) text += `${line},${value}\r\n`;
        else text += `${line},${value}\n`;
      }
      const bytes = new TextEncoder().encode(text);
      // Offsets into a bigger buffer, so the chunks start at every alignment.
      const shift = round % 4;
      const backing = new Uint8Array(bytes.length + shift);
      backing.set(bytes, shift);
      const counter = rowCounterFor('x.csv');
      let at = 0;
      while (at < bytes.length) {
        const size = 1 + (next() % 700);
        counter.add(backing.subarray(shift + at, shift + Math.min(at + size, bytes.length)));
        at += size;
      }
      expect(counter.total()).toBe(byteByByte(text));
    }
  });
});
