import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Rendering a year of PDF pages on a busy 2-core machine takes a few seconds; these limits only guard against hangs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
