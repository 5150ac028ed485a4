// Consumer's-eye: the packed mock server's vitest global setup, in a project without
// "type": "module", configured as its README says (vitest.config.mts, the type-only import with
// resolution-mode), run by the project's own vitest, the workspace's version.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { run } from './consumer-project.ts';

const dir = inject('consumerDir');

/** This run's own vitest settings (pool, worker IDs) must not reach the project's vitest. */
const withoutVitestEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|VITE_|TEST$|NODE_ENV$)/.test(name)));

it('starts the mock once for the run and gives its URL to the tests, whose journal they read with connectMockServer, in a CommonJS project', async () => {
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { type?: string };
  expect(manifest.type).toBeUndefined();
  const vitest = path.join(dir, 'node_modules', 'vitest', 'vitest.mjs');
  const { stdout } = await run(process.execPath, [vitest, 'run', '--root', 'vitest-cjs', '--reporter', 'verbose'], {
    cwd: dir,
    env: { ...withoutVitestEnv(), NO_COLOR: '1' },
  });
  expect(stdout).toMatch(/✓ mock\.test\.ts > downloads a detailed report from the mock the global setup started/);
  expect(stdout).toMatch(/mock at http:\/\/127\.0\.0\.1:\d+/);
  expect(stdout).toMatch(/✓ mock\.test\.ts > reads and empties the journal of the setup's mock/);
  expect(stdout).toMatch(/Tests\s+2 passed \(2\)/);
});
