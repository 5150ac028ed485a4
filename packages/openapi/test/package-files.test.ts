// The published tarball, as `pnpm pack` builds it (turbo runs the package's build, which copies the
// LICENSE in, before these tests): the two spec files and the usual documents, nothing else.
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

it('packs openapi.json, openapi.yaml, the README, CHANGELOG and LICENSE, and nothing else', async () => {
  expect(await packedFiles()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'openapi.json', 'openapi.yaml', 'package.json']);
});
