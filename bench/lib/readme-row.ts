// A benchmark's row of the README's benchmark table. `npm run bench` gives each
// benchmark a file to append its rows to (PIPEWRIGHT_BENCH_ROWS); run alone, a
// benchmark only prints the row. bench/run.js keeps the latest row of each id in
// bench/results.json and renders the README's table from that file.
import { appendFileSync } from 'node:fs';

export interface ReadmeRow {
  /** Stable key: one row per id in bench/results.json (e.g. `partition-run-10000000`). */
  id: string;
  /** What is measured and against what, with the command that measures it. */
  benchmark: string;
  /** The figures, the reference beside them and the ratio. */
  figure: string;
}

export function readmeRow(row: ReadmeRow): void {
  process.stdout.write(`README row ${row.id}: ${row.figure}\n`);
  const file = process.env.PIPEWRIGHT_BENCH_ROWS;
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** `1.23×`: the ratio of a figure to its reference or goal. */
export const times = (value: number, reference: number): string => `${(value / reference).toFixed(2)}×`;
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const mebibytes = (kb: number): string => `${(kb / 1024).toFixed(0)} MiB`;
