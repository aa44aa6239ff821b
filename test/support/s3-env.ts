// Points this test process's AWS chain at a versitygw server (undo with vi.unstubAllEnvs).
import { vi } from 'vitest';
import type { Versitygw } from './versitygw.js';

/** Stubs the server's AWS variables; `overrides` win, and undefined unsets a variable. */
export function stubS3Env(server: Versitygw, overrides: Record<string, string | undefined> = {}): void {
  for (const [name, value] of Object.entries({ ...server.env, ...overrides })) vi.stubEnv(name, value);
}
