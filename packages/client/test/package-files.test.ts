// The published tarball, as `pnpm pack` builds it from dist/ (turbo builds before these tests):
// the ESM and CommonJS builds with their types, and nothing of the sources, tests or configuration.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The paths `pnpm pack` would put in the tarball, with the shared chunks' content hashes replaced by `<hash>`. */
async function packedFiles(): Promise<string[]> {
  const { stdout } = await promisify(execFile)('pnpm', ['pack', '--dry-run', '--json'], { cwd: packageDir });
  const { files } = JSON.parse(stdout) as { files: { path: string }[] };
  return files.map(({ path }) => path.replace(/^dist\/(chunk|methods)-[A-Za-z0-9_-]{8}\./, 'dist/$1-<hash>.')).sort();
}

it('packs the three entries as ESM and CommonJS with their types, and nothing else', async () => {
  const entryFiles = ['index', 'node', 'raw'].flatMap((entry) =>
    ['cjs', 'd.cts', 'd.ts', 'js'].map((extension) => `dist/${entry}.${extension}`),
  );
  // Two chunks of code per module system (what the raw entry shares, and what it does not) and one of types.
  const sharedFiles = [
    'dist/chunk-<hash>.cjs',
    'dist/chunk-<hash>.cjs',
    'dist/chunk-<hash>.js',
    'dist/chunk-<hash>.js',
    'dist/methods-<hash>.d.cts',
    'dist/methods-<hash>.d.ts',
  ];
  expect(await packedFiles()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', ...entryFiles, ...sharedFiles].sort());
});
