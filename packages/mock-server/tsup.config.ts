import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The two builds below run in parallel and write to the same folder, so neither may clean it.
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
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts', cli: 'src/cli.ts' },
    format: 'esm',
    dts: { entry: { index: 'src/index.ts', vitest: 'src/vitest.ts' } },
  },
  // CommonJS: the library, for require(). `import.meta.url`, which locates the sample files, is
  // shimmed and points into dist/ as in the ESM build.
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: 'cjs',
    dts: true,
    shims: true,
  },
]);
