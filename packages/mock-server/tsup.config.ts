import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The three builds below run in parallel and write to the same folder, so none may clean it.
rmSync('dist', { recursive: true, force: true });

const shared: Options = {
  target: 'node20',
  platform: 'node',
  // src/ is not published, so there is nothing for source maps to point at.
  sourcemap: false,
  removeNodeProtocol: false,
};

export default defineConfig([
  // ESM: the library, the vitest global setup (vitest itself is ESM-only) and the CLI.
  {
    ...shared,
    entry: { index: 'src/index.ts', control: 'src/control-client.ts', vitest: 'src/vitest.ts', cli: 'src/cli.ts' },
    format: 'esm',
    dts: { entry: { index: 'src/index.ts', control: 'src/control-client.ts', vitest: 'src/vitest.ts' } },
  },
  // The render threads' script (src/render-pool.ts), started by file name, so built on its own.
  {
    ...shared,
    entry: { 'render-worker': 'src/render-worker.ts' },
    format: 'esm',
  },
  // Run by `pnpm build` right after, and not published: saves Prism's operations for the mock's
  // spec as dist/prism-operations.json (see src/prism-operations.ts).
  {
    ...shared,
    entry: { 'build-prism-operations': 'src/build-prism-operations.ts' },
    format: 'esm',
  },
  // CommonJS: the library and the controls, for require(). `import.meta.url`, which locates the sample files, is
  // shimmed and points into dist/ as in the ESM build.
  {
    ...shared,
    entry: { index: 'src/index.ts', control: 'src/control-client.ts' },
    format: 'cjs',
    dts: true,
    shims: true,
  },
]);
