import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE, nodeTooOld } from './node-version.js';

describe('nodeTooOld', () => {
  it('refuses Node 20 and 22.17 in one line naming the version needed', () => {
    expect(nodeTooOld('20.20.2')).toBe(
      'pipewright needs Node 22.18.0 or newer (for its TypeScript type stripping); this is Node 20.20.2: install Node 24 (or set node-version: 24 in actions/setup-node)',
    );
    expect(nodeTooOld('v22.17.9')).toContain('this is Node 22.17.9');
  });

  it('accepts the minimum and anything newer', () => {
    for (const version of ['22.18.0', '22.20.1', '24.0.0', 'v24.21.0', '26.1.0'])
      expect(nodeTooOld(version)).toBe(undefined);
  });

  it('is what package.json engines says', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE}`);
  });
});
