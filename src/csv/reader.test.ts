// The byte scanner must read CSV exactly as csv-parse does, wherever the
// chunks happen to split the input.

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvDataError, CsvScanner, fieldText } from '../../pipelines/turanmart_daily_sales/tasks/csv_scan.js';

const encoder = new TextEncoder();

interface Scanned {
  records: string[][];
  lines: number[];
}

/** Scans `bytes` cut at the given offsets, collecting records as strings. */
function scan(bytes: Uint8Array, cuts: number[] = []): Scanned {
  const records: string[][] = [];
  const lines: number[] = [];
  const scanner = new CsvScanner((buf, fields) => {
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

describe('CsvScanner', () => {
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

  it('refuses text after a closing quote', () => {
    expect(() => scan(encoder.encode('a,b\n1,"x"y\n'))).toThrow(
      expect.objectContaining({ line: 2, message: expect.stringContaining('after the closing quote') }),
    );
  });

  it('refuses a record longer than the limit instead of buffering the whole file', () => {
    const scanner = new CsvScanner(() => {}, { maxRecordBytes: 1000 });
    scanner.push(encoder.encode('a\n"never closed'));
    expect(() => scanner.push(new Uint8Array(2000).fill(0x78))).toThrow(/longer than 1000 bytes/);
  });
});
