// Temporary folders for a test file: removed after each test (tempRoots), or once
// the file's tests are done (scratchDir, for what a beforeAll sets up, such as an
// act run that several tests read).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** Call at the top of a test file; the returned function makes a fresh folder named `<prefix>XXXXXX`. */
export function tempRoots(prefix: string): () => string {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  return () => {
    const root = mkdtempSync(join(tmpdir(), prefix));
    roots.push(root);
    return root;
  };
}

const fileScratch: string[] = [];
// Registered when a test file imports this module (each file has its own copy of it).
afterAll(() => {
  for (const dir of fileScratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder named `<prefix>XXXXXX`, removed when the importing test file's tests are done. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  fileScratch.push(dir);
  return dir;
}
