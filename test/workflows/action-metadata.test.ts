// The five actions' metadata, as GitHub reads it: valid YAML, node24, a bundle
// under dist/, every input and output described, kebab-case names.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const root = path.join(import.meta.dirname, '../..');
const ACTIONS = ['validate', 'plan', 'run-partition', 'report', 'site'];

interface ActionYml {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string };
}

describe.each(ACTIONS)('actions/%s/action.yml', (name) => {
  const file = path.join(root, 'actions', name, 'action.yml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const action = doc.toJS() as ActionYml;

  it('is valid YAML with a name, description and branding', () => {
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(action.name).toMatch(/^pipewright /);
    expect(action.description?.length).toBeGreaterThan(20);
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
  });

  it('runs its committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: `../../dist/${name}/index.js` });
    expect(existsSync(path.join(root, 'dist', name, 'index.js'))).toBe(true);
  });

  it('describes every input and output, named in kebab-case, optional inputs with a string default', () => {
    for (const [input, spec] of Object.entries(action.inputs ?? {})) {
      expect(input).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(spec.description, input).toBeTruthy();
      if (!spec.required) expect(typeof spec.default, input).toBe('string');
    }
    for (const [output, spec] of Object.entries(action.outputs ?? {})) {
      expect(output).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(spec.description, output).toBeTruthy();
    }
  });
});
