// Text a person typed, shown as itself inside Markdown (job summaries, reports,
// issues): GitHub renders Markdown and some HTML there, so a reason like
// `<img src=x>` or `[click](https://evil)` must not become markup.

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~<>]/g;

/** One line of literal text: line breaks become spaces, `&` an entity, Markdown and HTML punctuation is escaped. */
export function markdownText(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replaceAll('&', '&amp;')
    .replace(MARKDOWN_PUNCTUATION, '\\$&');
}
