// The published tarball, as `pnpm pack` builds it from dist/ (turbo builds before these tests):
// the ESM and CommonJS builds, their types and the dataset schema, and nothing of the sources.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

async function packedFiles(): Promise<string[]> {
  const { stdout } = await promisify(execFile)('pnpm', ['pack', '--dry-run', '--json'], { cwd: packageDir });
  const { files } = JSON.parse(stdout) as { files: { path: string }[] };
  return files.map(({ path }) => path).sort();
}

it('packs the ESM and CommonJS builds, their types and the dataset schema, and nothing else', async () => {
  expect(await packedFiles()).toEqual(
    [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'package.json',
      'dist/dataset.schema.json',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
    ].sort(),
  );
});
