// The published tarball, as `pnpm pack` builds it from dist/ (turbo builds before these tests):
// exactly what users need, and nothing of the sources, tests or configuration.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The paths `pnpm pack` would put in the tarball, with the shared chunks' content hashes replaced by `<hash>`. */
async function packedFiles(): Promise<string[]> {
  const { stdout } = await promisify(execFile)('pnpm', ['pack', '--dry-run', '--json'], { cwd: packageDir });
  const { files } = JSON.parse(stdout) as { files: { path: string }[] };
  return files
    .map(({ path }) =>
      path
        .replace(/^dist\/chunk-[A-Z0-9]+\.js$/, 'dist/chunk-<hash>.js')
        .replace(/^dist\/([\w-]+)-[\w-]{8}\.(d\.c?ts)$/, 'dist/$1-<hash>.$2'),
    )
    .sort();
}

it("packs the ESM and CommonJS builds (the library and its controls), their types, the CLI, the render threads' script, Prism's operations, the spec and the dataset schema, and nothing else", async () => {
  expect(await packedFiles()).toEqual(
    [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'package.json',
      'dist/chunk-<hash>.js',
      'dist/cli.js',
      'dist/control.cjs',
      'dist/control.d.cts',
      'dist/control.d.ts',
      'dist/control.js',
      // The types the library and the controls share.
      'dist/control-methods-<hash>.d.cts',
      'dist/control-methods-<hash>.d.ts',
      'dist/dataset.schema.json',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/prism-operations.json',
      'dist/render-worker.js',
      'dist/vitest.d.ts',
      'dist/vitest.js',
      'generated/openapi.json',
    ].sort(),
  );
});
