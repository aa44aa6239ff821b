import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: integration tests spawn processes, so keep the pool small.
    maxWorkers: 2,
    // Worker threads started by code under test (checksums, downloads, parts) load src/ as Node
    // does for the CLI from source: without this they could not resolve `.js` specifiers and the
    // tests would only see their fallbacks.
    execArgv: ['--import', fileURLToPath(new URL('./src/source-hooks.ts', import.meta.url))],
  },
});
