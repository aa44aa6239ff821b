// `{{ name }}` templates in contract paths and command arguments. The store
// renders them per partition; here we only check that every name exists.

/** Variables every template may use; task fields may also use inputs.NAME and outputs.NAME. */
export const TEMPLATE_VARIABLES = [
  'ds',
  'ds_nodash',
  'hour',
  'ts_nodash',
  'partition',
  'data_interval_start',
  'data_interval_end',
] as const;

const VARIABLES = new Set<string>(TEMPLATE_VARIABLES);

export interface TemplateRef {
  /** The whole `{{ ... }}` as written, to locate it. */
  raw: string;
  /** The trimmed name inside, e.g. `ds` or `inputs.raw_orders`. */
  name: string;
}

const TEMPLATE = /\{\{\s*([^}]*?)\s*\}\}/g;

export function templateRefs(text: string): TemplateRef[] {
  // Most strings have none: skip the regex.
  if (!text.includes('{{')) return [];
  return [...text.matchAll(TEMPLATE)].map((m) => ({ raw: m[0], name: m[1] ?? '' }));
}

/** The `{{ ...` fragments that never close with `}}` (a typo like `{{ ds }` would otherwise be taken as text). */
export function unclosedTemplates(text: string): string[] {
  let opens = 0;
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) opens++;
  if (opens === 0) return [];
  const matches = [...text.matchAll(TEMPLATE)];
  // Each match starts at its own `{{`: as many matches as `{{` means every one closes.
  if (matches.length === opens) return [];
  const closed = new Set(matches.map((m) => m.index));
  const open: string[] = [];
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2))
    if (!closed.has(at)) {
      const next = text.indexOf('{{', at + 2);
      open.push(text.slice(at, Math.min(next < 0 ? text.length : next, at + 24)));
    }
  return open;
}

/** Why `name` cannot be resolved, or undefined when it can. */
export function unknownTemplateName(
  name: string,
  scope: { inputs: readonly string[]; outputs: readonly string[]; datasets: boolean },
): string | undefined {
  if (VARIABLES.has(name)) return undefined;
  const dataset = /^(inputs|outputs)\.(.+)$/.exec(name);
  if (dataset) {
    const [, group, key] = dataset as unknown as [string, 'inputs' | 'outputs', string];
    if (!scope.datasets)
      return `'{{ ${name} }}' cannot be used here: inputs and outputs may only use ${TEMPLATE_VARIABLES.join(', ')}`;
    if (!scope[group].includes(key)) {
      const known = scope[group].length ? scope[group].join(', ') : 'none';
      return `unknown ${group.slice(0, -1)} '${key}' in '{{ ${name} }}' (${group}: ${known})`;
    }
    return undefined;
  }
  const extra = scope.datasets ? ', inputs.NAME, outputs.NAME' : '';
  return `unknown template variable '{{ ${name} }}' (known: ${TEMPLATE_VARIABLES.join(', ')}${extra})`;
}
