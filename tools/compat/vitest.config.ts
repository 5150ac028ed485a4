import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Packs @toggl-exports/openapi once and extracts it; prints the measured table at the end.
    globalSetup: ['./test/setup.ts'],
    // Generators, tsc, npx and child servers on a busy 2-core machine: these limits only guard against hangs.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
