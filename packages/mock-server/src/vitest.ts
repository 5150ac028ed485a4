/// <reference types="vitest" preserve="true" />
import type { TestProject } from 'vitest/node';
import { startMockServer } from './server.ts';

/** Name of the environment variable that holds the mock's URL during a test run. */
export const mockUrlEnv = 'TOGGL_EXPORTS_MOCK_URL';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Toggl exports mock server started by `@toggl-exports/mock-server/vitest`. */
    togglExportsMockUrl: string;
  }
}

/**
 * Vitest global setup: starts one mock server (on a free port) for the whole run.
 * Tests read its URL with `inject('togglExportsMockUrl')` or from `process.env.TOGGL_EXPORTS_MOCK_URL`.
 *
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['@toggl-exports/mock-server/vitest'] } });
 * ```
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMockServer({ port: 0 });
  project.provide('togglExportsMockUrl', server.url);
  process.env[mockUrlEnv] = server.url;
  return async () => {
    await server.close();
    delete process.env[mockUrlEnv];
  };
}
