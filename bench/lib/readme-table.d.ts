// Types for readme-table.js (plain JavaScript, so bench/run.js runs without a loader).
export interface TableRow {
  id?: string;
  group?: string;
  benchmark: string;
  figure: string;
  measured: string;
}
export const BEGIN: string;
export const END: string;
export function mergeRows<R extends TableRow>(previous: R[], fresh: R[], order: string[]): R[];
export function renderTable(rows: TableRow[]): string;
export function spliceTable(readme: string, table: string): string;
