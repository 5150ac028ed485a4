import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test starts the built bin as a child process; a slow shared machine needs the headroom.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
