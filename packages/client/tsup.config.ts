import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  // One shared chunk, so both entries hand out the same error and file classes.
  splitting: true,
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['openapi-fetch', /^node:/],
  // Keep `node:` specifiers: Deno and Bun need them.
  removeNodeProtocol: false,
});
