import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts', raw: 'src/raw.ts' },
  format: ['esm', 'cjs'],
  // Shared chunks, so every entry hands out the same error and file classes and sees the same clients.
  splitting: true,
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['openapi-fetch', /^node:/],
  // Keep `node:` specifiers: Deno and Bun need them.
  removeNodeProtocol: false,
});
