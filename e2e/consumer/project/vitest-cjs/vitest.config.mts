// The mock server README's vitest config, as a project without "type": "module" names it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { globalSetup: ['@toggl-exports/mock-server/vitest'] },
});
