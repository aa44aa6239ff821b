// Writing CSV: RFC 4180 quoting, LF record endings, nothing else, so the same
// values always give the same bytes.

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted only when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record with its LF terminator. */
export function csvLine(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i]!);
  }
  return `${line}\n`;
}
