import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { plainData } from './plain-yaml.js';

const REPO = join(import.meta.dirname, '../..');

/** What the fast reader must honour: when `yaml` has anything to say, leave the text to it; else read the same data. */
function expectAgreement(text: string, label: string): 'fast' | 'document' {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  const plain = plainData(text);
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    expect(plain, `${label}: yaml reports a problem, the fast reader must not read it`).toBeUndefined();
    return 'document';
  }
  if (plain === undefined) return 'document';
  expect(plain.data, label).toEqual(doc.toJS({ maxAliasCount: 100 }));
  return 'fast';
}

describe('plainData', () => {
  it('reads every YAML file of the repository (contracts, fixtures, workflows) as yaml does', () => {
    const files = execFileSync('git', ['ls-files', '*.yml', '*.yaml'], { cwd: REPO, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(20);
    const paths = files.map((file) => expectAgreement(readFileSync(join(REPO, file), 'utf8'), file));
    // The contracts themselves take the fast path.
    expect(paths[files.indexOf('pipelines/turanmart_daily_sales/pipeline.yml')]).toBe('fast');
  });

  it('resolves plain scalars by YAML 1.2’s core schema, as yaml does', () => {
    const scalars = [
      '010',
      '0o17',
      '0o8',
      '0x1F',
      '0xg',
      '+12',
      '-0',
      '1_000',
      '0b11',
      '.5',
      '-.5',
      '+.5',
      '1.',
      '1e3',
      '-1E-3',
      '1.5e+2',
      '.e3',
      '.inf',
      '-.Inf',
      '+.INF',
      '.NaN',
      '.nan',
      'nan',
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      '',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'yes',
      'no',
      'on',
      'off',
      'y',
      '2026-05-01',
      '2026-05-01T06:00:00Z',
      '12:30',
      '12:30:45',
      '1,000',
      '0.1.2',
      '99999999999999999999',
      '-',
      '3 days',
    ];
    const fast = scalars.filter((s) => expectAgreement(`k: ${s}\n`, s) === 'fast');
    expect(fast.length).toBeGreaterThan(scalars.length - 3);
    for (const s of scalars) {
      expect(expectAgreement(`k: "${s}"\n`, `"${s}"`)).toBe('fast');
      expect(expectAgreement(`k: '${s}'\n`, `'${s}'`)).toBe('fast');
    }
  });

  it('agrees on block scalars, flow collections, comments, keys and odd spacing', () => {
    const texts = [
      'a: |\n  one\n  two\n',
      'a: |-\n  one\n\n',
      'a: |+\n  one\n\n\nb: 1\n',
      'a: >\n  folded\n  text\n\n  para\n',
      'a: >-\n  x\n',
      'a: [1, "two", {b: c}]\n',
      'a: {x: 1, y: [2, 3]}\n',
      'a: 1 # comment\n# only a comment\nb: "x # not a comment"\n',
      '1: one\ntrue: yes\n~: nothing\n',
      '1.0: a\n.inf: b\n0x1F: c\n-0: d\nnull: e\n',
      'a: {~: 1}\n',
      '- ~: 1\n',
      '"quoted key": 1\n\'single\': 2\n',
      'a:\n- 1\n- 2\n',
      'a:\n  - b: 1\n    c: 2\n',
      '---\na: 1\n',
      '---\na: 1\n...\n',
      '\ufeffa: 1\n',
      'a: 1\r\nb: 2\r\n',
      'a: "\\u00e9\\t\\x41"\n',
      "a: 'it''s'\n",
      'a: "line\n  folded"\n',
      'a: plain\n  continued\n',
      'a:\n',
      '',
      '# nothing\n',
      'just a string\n',
      '- a\n- b\n',
      'schedule: "*/15 * * * *"\n',
      'schedule: 0 6 * * *\n',
    ];
    for (const text of texts) expectAgreement(text, JSON.stringify(text));
  });

  it('keeps the fast path for shell operators, expressions and tags it reads as yaml does', () => {
    const fast = [
      'run: make && make test\n',
      'steps:\n  - run: |\n      a && b || c &\n      echo "&x"\n',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      "if: ${{ !cancelled() && needs.plan.outputs.matrix != '[]' }}\n",
      'command: [sh, -c, "test ! -e out && touch out"]\n',
      'a: !!str 1\n',
      'a: !!int 0x1F\n',
      'a: !!map {b: 1}\n',
    ];
    for (const text of fast) expect(expectAgreement(text, JSON.stringify(text))).toBe('fast');
    // Whichever path these take, they read the same.
    for (const text of ['a: ! 1\n', 'a: !!float 1\n', 'a: !<tag:yaml.org,2002:str> 1\n', 'a: !!null ""\n'])
      expectAgreement(text, JSON.stringify(text));
  });

  it('leaves to the document what it could read differently, and what is broken', () => {
    const texts = [
      'a: &x 1\nb: *x\n',
      'a: &x\n  b: 1\nc: *x\n',
      '- &x [1]\n- *x\n',
      'a: &unused 1\n',
      'a: !custom 1\n',
      'a: !!binary aGk=\n',
      'a: !!bool yes\n',
      '%YAML 1.1\n---\na: 1\n',
      '? [a, b]\n: c\n',
      '[a, b]: c\n',
      '{a: 1}: c\n',
      'a: [1,\n2\n]\n',
      'a: 1\na: 2\n',
      'a: b: c\n',
      '\ta: 1\n',
      'a: "unclosed\n',
      'a: [1, 2\n',
      '---\na: 1\n---\nb: 2\n',
      'a: @reserved\n',
      'schedule: */15 * * * *\n',
      'a:\n  - b\n  c: d\n',
      'a: "\\q"\n',
    ];
    for (const text of texts) expect(expectAgreement(text, JSON.stringify(text))).toBe('document');
  });
});
