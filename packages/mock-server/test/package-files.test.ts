// The published tarball, as `pnpm pack` builds it from dist/ (turbo builds before these tests):
// exactly what users need, and nothing of the sources, tests or configuration.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The paths `pnpm pack` would put in the tarball, with the shared chunk's content hash replaced by `<hash>`. */
async function packedFiles(): Promise<string[]> {
  const { stdout } = await promisify(execFile)('pnpm', ['pack', '--dry-run', '--json'], { cwd: packageDir });
  const { files } = JSON.parse(stdout) as { files: { path: string }[] };
  return files.map(({ path }) => path.replace(/^dist\/chunk-[A-Z0-9]+\.js$/, 'dist/chunk-<hash>.js')).sort();
}

/** The sample files the mock serves, as its generated manifest lists them. */
const sampleFiles = (): string[] =>
  (JSON.parse(readFileSync(new URL('../generated/fixtures.json', import.meta.url), 'utf8')) as { fixtures: { file: string }[] }).fixtures.map(
    ({ file }) => `generated/${file}`,
  );

it('packs the ESM and CommonJS builds, their types, the CLI, Prism\'s operations, the spec and every sample file, and nothing else', async () => {
  const samples = sampleFiles();
  expect(samples.length).toBeGreaterThan(0);
  expect(await packedFiles()).toEqual(
    [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'package.json',
      'dist/chunk-<hash>.js',
      'dist/cli.js',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/prism-operations.json',
      'dist/vitest.d.ts',
      'dist/vitest.js',
      'generated/fixtures.json',
      'generated/openapi.json',
      ...samples,
    ].sort(),
  );
});
