// A YAML file's data without positions, about ten times faster than the `yaml`
// document that locates problems (`source.ts` builds that one only when something
// asks where a value is). js-yaml reads it with YAML 1.2's core schema resolved
// exactly as `yaml` resolves it (js-yaml's own core schema also takes `0b11` and
// leaves `-.5` a string). Text that uses what the two could read differently
// (anchors and so aliases, directives, complex keys) or that js-yaml refuses (a
// tag this schema does not know) is left to the document, which reports every
// problem at its place.
import { type EventType, FAILSAFE_SCHEMA, load, type State, Type } from 'js-yaml';

/**
 * One implicit scalar type: plain scalars matching `test` become `construct(text)`. js-yaml
 * tries every type on every plain scalar: `starts` (the characters a match can begin with)
 * turns most away before the pattern runs.
 */
function scalar(tag: string, starts: string, test: RegExp, construct: (text: string) => unknown): Type {
  const resolve = (text: string | null) => {
    const value = text ?? '';
    return (value === '' || starts.includes(value[0]!)) && test.test(value);
  };
  return new Type(tag, { kind: 'scalar', resolve, construct });
}

// The tests of yaml's core schema (yaml/dist/schema/core and common/null), one type per
// tag (js-yaml keeps the last type of a tag): int is octal, decimal or hex, float is
// infinity or NaN, exponent or decimal.
const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('tag:yaml.org,2002:null', '~nN', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('tag:yaml.org,2002:bool', 'tTfF', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (t) => t[0] === 't' || t[0] === 'T'),
    scalar('tag:yaml.org,2002:int', '+-0123456789', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (t) =>
      t.startsWith('0o') ? parseInt(t.slice(2), 8) : t.startsWith('0x') ? parseInt(t.slice(2), 16) : parseInt(t, 10),
    ),
    scalar(
      'tag:yaml.org,2002:float',
      '+-.0123456789',
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/,
      (t) => {
        if (/n$/i.test(t) && t.slice(-3).toLowerCase() === 'nan') return Number.NaN;
        if (/f$/i.test(t)) return t[0] === '-' ? -Infinity : Infinity;
        return parseFloat(t);
      },
    ),
  ],
});

/**
 * A directive (`%YAML`), an explicit key (`? `), a null key (`~:`, which yaml names ""
 * and js-yaml "null"), a flow collection used as a key (`]:`, `}:`) or closed at the
 * start of a line (which yaml warns about when it is not indented past its parent).
 * Inside quoted strings these only cost the fast path, never correctness. Anchors are
 * found by the parser itself (`plainData`): a pattern cannot tell `&x` from the `&&`
 * of a shell command, nor a tag from `${{ !cancelled() }}` in a workflow.
 */
// Each pattern is tested on the text after a line feed, so a line start is always `\n`
// (faster than `^` with the m flag or `(?:^|\n)` on long texts), and begins with a
// literal the regex engine can scan for.
const LEFT_TO_THE_DOCUMENT: Array<[string[] | undefined, RegExp]> = [
  // [characters one of which the text must hold for the pattern to match (a cheap test first), the pattern]
  [['%'], /\n%/],
  [['?'], /\n[ \t]*\?(?:\s|$)/],
  [undefined, /\n[ \t-]*(?:~|[Nn]ull|NULL)?[ \t]*:(?:\s|$)/],
  [['{', ','], /[{,]\s*(?:~|[Nn]ull|NULL)?\s*:(?:\s|$)/],
  [[']', '}'], /[\]}][ \t]*:(?:\s|$)/],
  [[']', '}'], /\n[ \t]*[\]}]/],
];

function leftToTheDocument(text: string): boolean {
  const lined = `\n${text}`;
  return LEFT_TO_THE_DOCUMENT.some(
    ([chars, pattern]) => (chars === undefined || chars.some((c) => text.includes(c))) && pattern.test(lined),
  );
}

/** The data of `text`, or undefined when the `yaml` document must read it. */
export function plainData(text: string): { data: unknown } | undefined {
  if (leftToTheDocument(text)) return undefined;
  // An anchored node goes to the document, which bounds how far its aliases expand
  // (an alias needs an anchor: js-yaml refuses one it cannot resolve).
  // The listener is called twice per node: only text with an `&` can hold an anchor.
  let anchored = false;
  const listener = text.includes('&')
    ? (event: EventType, state: State) => {
        if (event === 'close' && (state as State & { anchor: string | null }).anchor !== null) anchored = true;
      }
    : undefined;
  try {
    // An empty document is null to `yaml`, undefined to js-yaml.
    const data = load(text, { schema: CORE_1_2, ...(listener && { listener }) }) ?? null;
    return anchored ? undefined : { data };
  } catch {
    return undefined;
  }
}
