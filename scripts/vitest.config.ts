import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Rendering every fixture or driving Chromium can take a while on a busy 2-core machine;
    // these limits only guard against hangs.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
