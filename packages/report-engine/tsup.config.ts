import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    // The engine runs anywhere JavaScript does: nothing in it may need Node.
    platform: 'neutral',
    // src/ is not published, so there is nothing for source maps to point at.
    sourcemap: false,
  },
  // Run by `pnpm build` right after, and not published: writes dist/dataset.schema.json.
  {
    entry: { 'write-dataset-schema': 'src/write-dataset-schema.ts' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
  },
]);
