// The reader must read CSV exactly as csv-parse does, wherever the chunks
// happen to split the input, and flag what it does not read csv-parse's way.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvDataError, CsvReader, fieldText, mayNeedTrim } from './reader.js';

const encoder = new TextEncoder();

interface Scanned {
  records: string[][];
  lines: number[];
}

/** Scans `bytes` cut at the given offsets, collecting records as strings. */
function scan(bytes: Uint8Array, cuts: number[] = []): Scanned {
  const records: string[][] = [];
  const lines: number[] = [];
  const scanner = new CsvReader((buf, fields) => {
    const record: string[] = [];
    for (let i = 0; i < fields.count; i++) record.push(fieldText(buf, fields, i));
    records.push(record);
    lines.push(fields.line);
  });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    // A copy, so the scanner cannot lean on bytes beyond the chunk it was given.
    scanner.push(bytes.slice(from, cut));
    from = cut;
  }
  scanner.end();
  return { records, lines };
}

const reference = (text: string): string[][] =>
  parse(text, {
    record_delimiter: ['\r\n', '\n'],
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];

const TRICKY = [
  'order_id,note,order_total\n1,plain,0.10\n',
  'a,b\r\n1,"gift, wrapped"\r\n2,"say ""hi"""\r\n',
  'a,b\n1,"line one\nline two"\n2,"crlf\r\ninside"\n',
  'a,b,c\n,,\n"",x,""\n',
  'a,b\n1,2', // no final line break
  'a,b\r\n1,2\r\n\r\n\n3,4\r\n', // blank lines in between
  'a,b\n"",""\n"""",""""""\n',
  'a\n"multi\n\n\nline"\n',
  'a,b\n1,Алматы\n2,"Астана, центр"\n',
  'a,b\n1,"ends with quote"""\n',
];

describe('CsvReader', () => {
  it.each(TRICKY)('reads %j like csv-parse', (text) => {
    expect(scan(encoder.encode(text)).records).toEqual(reference(text));
  });

  it('gives the same records for a cut at every byte position', () => {
    const text = TRICKY.slice(1, 4).join('') + 'x,"""q"", r\r\ns"\r\nlast,row';
    const bytes = encoder.encode(text);
    const expected = reference(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(scan(bytes, [cut]).records, `cut at ${cut}`).toEqual(expected);
    }
  });

  it('gives the same records when fed one byte at a time', () => {
    const text = TRICKY.join('');
    const bytes = encoder.encode(text);
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(scan(bytes, cuts).records).toEqual(reference(text));
  });

  it('matches csv-parse on random CSV with every feature mixed in', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const pieces = ['a', 'b', ',', ' ', '"', '\n', '\r\n', 'é', '0.10', 'xyz'];
    const field = () => {
      let value = '';
      const n = Math.floor(random() * 6);
      for (let i = 0; i < n; i++) value += pieces[Math.floor(random() * pieces.length)];
      return /[",\r\n]/.test(value) || random() < 0.2 ? `"${value.replaceAll('"', '""')}"` : value;
    };
    for (let round = 0; round < 50; round++) {
      let text = '';
      const rows = 1 + Math.floor(random() * 20);
      for (let r = 0; r < rows; r++) {
        text += `${Array.from({ length: 1 + Math.floor(random() * 5) }, field).join(',')}${random() < 0.5 ? '\n' : '\r\n'}`;
      }
      const bytes = encoder.encode(text);
      const cuts = [Math.floor(random() * bytes.length), Math.floor(random() * bytes.length)].sort((x, y) => x - y);
      expect(scan(bytes, cuts).records, JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('reports the physical line where each record starts', () => {
    const { lines } = scan(encoder.encode('h\n"a\nb"\n\nc\n"d\r\n\r\ne"\nf\n'));
    expect(lines).toEqual([1, 2, 5, 6, 9]);
  });

  it('refuses an unterminated quote, naming the line it opened on', () => {
    const run = () => scan(encoder.encode('a,b\n1,2\n3,"open\nstill open\n'));
    expect(run).toThrow(CsvDataError);
    expect(run).toThrow(expect.objectContaining({ line: 3, message: 'unterminated quoted field' }));
  });

  it('flags what csv-parse reads otherwise: text after a closing quote, a stray quote, a bare CR', () => {
    for (const text of ['a,b\n1,"x"y\n', 'a,b\n1,x"y\n', 'a,b\n1,x\ry\n', 'a,b\n1, "x"\n']) {
      const odd: boolean[] = [];
      new CsvReader((_, fields) => odd.push(fields.odd)).push(encoder.encode(text));
      expect(odd, JSON.stringify(text)).toEqual([false, true]);
    }
  });

  it('notices bytes that are not UTF-8', () => {
    const reader = new CsvReader(() => {});
    reader.push(encoder.encode('a,b\n1,'));
    reader.push(Uint8Array.of(0xff, 0x0a));
    reader.end();
    expect(reader.validUtf8).toBe(false);
  });

  it('tells which values JavaScript would trim', () => {
    const cases: Array<[string, boolean]> = [
      ['abc', false],
      ['Алматы', true], // non-ASCII ends are checked the slow way
      [' abc', true],
      ['abc\t', true],
      ['\u00a0abc', true],
      ['', false],
    ];
    for (const [text, flagged] of cases) {
      const bytes = encoder.encode(text);
      expect(mayNeedTrim(bytes, 0, bytes.length), text).toBe(flagged);
    }
  });

  it('refuses a record longer than the limit instead of buffering the whole file', () => {
    const scanner = new CsvReader(() => {}, { maxRecordBytes: 1000 });
    scanner.push(encoder.encode('a\n"never closed'));
    expect(() => scanner.push(new Uint8Array(2000).fill(0x78))).toThrow(/longer than 1000 bytes/);
  });
});

// Every quirk the TuranMart sample exports have: BOM, CRLF, quoted commas and
// line breaks, doubled quotes, padded values, columns beyond the contract's.
const samplesDir = join(
  fileURLToPath(new URL('../../pipelines/turanmart_daily_sales/data/raw/orders', import.meta.url)),
);
const samples = readdirSync(samplesDir)
  .sort()
  .map((day) => readFileSync(join(samplesDir, day, 'orders.csv')));

/** csv-parse as the checks read a dataset: BOM skipped, empty lines skipped, any column count. */
const asChecksRead = (bytes: Uint8Array): string[][] =>
  parse(Buffer.from(bytes), { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];

describe('CsvReader on the TuranMart samples', () => {
  it.each(samples.map((bytes, i) => [i, bytes] as const))(
    'reads sample %i like csv-parse, cut anywhere',
    (_, bytes) => {
      const expected = asChecksRead(bytes);
      expect(scan(bytes).records).toEqual(expected);
      let seed = 11;
      const random = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed / 4294967296;
      };
      for (let round = 0; round < 100; round++) {
        const cuts = [Math.floor(random() * bytes.length), Math.floor(random() * bytes.length)].sort((x, y) => x - y);
        expect(scan(bytes, cuts).records, `cuts ${cuts}`).toEqual(expected);
      }
    },
  );

  it('reads the first lines of every sample like csv-parse at every chunk cut', () => {
    for (const bytes of samples) {
      // The header and the first records: BOM, CRLF, a quoted note with a line break, padding.
      let end = 0;
      for (let lines = 0; lines < 8 && end < bytes.length; end++) if (bytes[end] === 0x0a) lines++;
      const head = bytes.subarray(0, end);
      const expected = asChecksRead(head);
      for (let cut = 0; cut <= head.length; cut++) {
        expect(scan(head, [cut]).records, `cut at ${cut}`).toEqual(expected);
      }
    }
  });

  it('sees nothing odd in the samples', () => {
    for (const bytes of samples) {
      const reader = new CsvReader((_, fields) => expect(fields.odd).toBe(false));
      reader.push(bytes);
      reader.end();
      expect(reader.validUtf8).toBe(true);
    }
  });
});
