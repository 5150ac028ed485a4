import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Packs every public package and installs the tarballs into one fresh project for all tests.
    globalSetup: ['./test/setup.ts'],
    // Compilers and child processes on a busy 2-core machine: these limits only guard against hangs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
