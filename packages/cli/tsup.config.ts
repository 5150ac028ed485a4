import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: 'esm',
  target: 'node20',
  platform: 'node',
  clean: true,
  // src/ is not published, so there is nothing for source maps to point at.
  sourcemap: false,
  removeNodeProtocol: false,
});
