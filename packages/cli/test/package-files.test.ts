// The published tarball, as `pnpm pack` builds it from dist/ (turbo builds before these tests):
// the bin and the joiners it loads on demand, and nothing of the sources, tests or configuration.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

it('packs the bin and its lazily loaded joiners, and nothing else', async () => {
  const { stdout } = await promisify(execFile)('pnpm', ['pack', '--dry-run', '--json'], { cwd: packageDir });
  const { files } = JSON.parse(stdout) as { files: { path: string }[] };
  const paths = files.map(({ path }) => path.replace(/^dist\/(xlsx|pdf)-[A-Za-z0-9_-]{8}\.js$/, 'dist/$1-<hash>.js')).sort();
  expect(paths).toEqual([
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/pdf-<hash>.js',
    'dist/xlsx-<hash>.js',
    'package.json',
  ]);
});
