// Run ids in the documentation have the shape the ledger writes, so a reader who
// greps the ledger or passes `--to <run id>` copies something that exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRunId } from '../src/store/run-id.js';

const root = path.join(import.meta.dirname, '..');
const RUN_ID = /^(schedule|backfill|manual|rollback)__\d{8}T\d{6}Z__[0-9a-f]{6}$/;
const docs = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('run ids in the docs', () => {
  it('the pattern is what newRunId writes', () => {
    for (const trigger of ['schedule', 'backfill', 'manual', 'rollback'] as const)
      expect(newRunId(trigger, new Date('2026-05-03T01:00:00.123Z'))).toMatch(RUN_ID);
  });

  it('every run id shown (`<trigger>__<stamp>__<suffix>`, not elided with ...) has that shape', () => {
    const wrong: string[] = [];
    for (const file of docs) {
      for (const [i, line] of readFileSync(path.join(root, file), 'utf8').split('\n').entries()) {
        for (const [token] of line.matchAll(/\b[a-z]+__[A-Za-z0-9:._-]+/g)) {
          if (token.endsWith('...') || token.endsWith('…')) continue;
          if (!RUN_ID.test(token)) wrong.push(`${file}:${i + 1}: ${token}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
