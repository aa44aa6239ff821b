// The README's benchmark table, rendered from bench/results.json: the latest row
// of each benchmark, as `npm run bench -- --readme` measured it. Plain JavaScript,
// so bench/run.js needs no loader.

export const BEGIN = '<!-- benchmark table: written by `npm run bench -- --readme` from bench/results.json -->';
export const END = '<!-- end of the benchmark table -->';

/**
 * Rows measured now replace the rows of the same id; the others stay, each with
 * the date and load it was measured at. Ordered by benchmark (`order`), then as emitted.
 */
export function mergeRows(previous, fresh, order) {
  const freshIds = new Set(fresh.map((r) => r.id));
  const rows = [...previous.filter((r) => !freshIds.has(r.id)), ...fresh];
  const rank = (r) => {
    const i = order.indexOf(r.group);
    return i < 0 ? order.length : i;
  };
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

const cell = (text) => String(text).replaceAll('\n', ' ').replaceAll('|', '\\|');

export function renderTable(rows) {
  const lines = [
    '| Benchmark (2-core machine, Node 24) | Figure, reference, ratio | Measured |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.benchmark)} | ${cell(r.figure)} | ${cell(r.measured)} |`),
  ];
  return lines.join('\n');
}

/** The README with the text between the markers replaced; refuses a README without them. */
export function spliceTable(readme, table) {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no benchmark table markers (${BEGIN} … ${END})`);
  return `${readme.slice(0, begin + BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}
