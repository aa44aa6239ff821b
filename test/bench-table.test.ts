// The README's benchmark table is what `npm run bench -- --readme` rendered from
// bench/results.json: a hand edit of either shows here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, mergeRows, renderTable, spliceTable } from '../bench/lib/readme-table.js';

const repo = new URL('..', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, repo), 'utf8');

describe('the benchmark table', () => {
  it('in the README is the one bench/results.json renders', () => {
    const { rows } = JSON.parse(read('bench/results.json'));
    expect(rows.length).toBeGreaterThan(0);
    const readme = read('README.md');
    expect(spliceTable(readme, renderTable(rows))).toBe(readme);
  });

  it('holds a row from every benchmark that `npm run bench` runs', () => {
    const { rows } = JSON.parse(read('bench/results.json'));
    const run = read('bench/run.js');
    const all = [...run.slice(run.indexOf('const all = [')).matchAll(/^ {2}'([a-z-]+)',$/gm)].map((m) => m[1]);
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(rows.map((r: { group: string }) => r.group))).toEqual(new Set(all));
  });

  it('keeps rows not measured again, and replaces the ones that were, in benchmark order', () => {
    const old = [
      { id: 'plan', group: 'plan', figure: 'old plan', benchmark: 'p', measured: 'then' },
      { id: 'partition-run-30000000', group: 'partition-run', figure: 'by hand', benchmark: 'r', measured: 'then' },
    ];
    const fresh = [
      { id: 'partition-run-1000000', group: 'partition-run', figure: '1 M', benchmark: 'r', measured: 'now' },
      { id: 'plan', group: 'plan', figure: 'new plan', benchmark: 'p', measured: 'now' },
    ];
    const merged = mergeRows(old, fresh, ['plan', 'partition-run']);
    expect(merged.map((r: { id: string; figure: string }) => `${r.id}: ${r.figure}`)).toEqual([
      'plan: new plan',
      'partition-run-30000000: by hand',
      'partition-run-1000000: 1 M',
    ]);
  });

  it('escapes a pipe in a figure so the row keeps its columns', () => {
    const table = renderTable([{ benchmark: 'a | b', figure: 'x', measured: 'now' }]);
    expect(table.split('\n')[2]).toBe('| a \\| b | x | now |');
  });

  it('is not written into a README that lost its markers', () => {
    expect(() => spliceTable('# no table here\n', '| x |')).toThrow(/markers/);
    expect(spliceTable(`a\n${BEGIN}\nold\n${END}\nb`, 'new')).toBe(`a\n${BEGIN}\nnew\n${END}\nb`);
  });
});
