import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The package's own global setup starts the server the HTTP tests talk to.
    globalSetup: ['./src/vitest.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
