import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // project/ holds the consumer project's own files, among them a test its own vitest runs.
    include: ['test/**/*.test.ts'],
    // Packs every public package and installs the tarballs into one fresh project for all tests.
    globalSetup: ['./test/setup.ts'],
    // Compilers and child processes on a busy 2-core machine: these limits only guard against hangs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
