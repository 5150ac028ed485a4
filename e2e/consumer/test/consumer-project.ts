// Builds the project a user would have: our packages installed from their tarballs with plain npm,
// no workspace links, next to the TypeScript versions the type tests compile with.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Runs a program to its end; rejects, with its output, if it exits non-zero. */
export const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const projectFiles = fileURLToPath(new URL('../project/', import.meta.url));

/** The version of a package this one depends on (the workspace's catalog version), as installed. */
const installedVersion = (name: string): string => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;

/** Installed under aliases side by side; the type tests run each one's `bin/tsc`. TypeScript 5 is the workspace's own. */
export const typescripts = {
  typescript5: `typescript@${installedVersion('typescript')}`,
  typescript7: 'typescript@7.0.2',
} as const;

interface Manifest {
  name: string;
  private?: boolean;
  exports?: unknown;
}

/** Every package under packages/ that is not private: what we publish. */
export async function publicPackageDirs(): Promise<string[]> {
  const packagesDir = path.join(repoRoot, 'packages');
  const dirs = (await readdir(packagesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(packagesDir, entry.name));
  const manifests = await Promise.all(
    dirs.map(async (dir) => ({ dir, manifest: JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest })),
  );
  return manifests.filter(({ manifest }) => !manifest.private).map(({ dir }) => dir);
}

/** `pnpm pack` (as `pnpm publish` packs: `workspace:` ranges rewritten), returning the package name and tarball path. */
async function pack(dir: string, destination: string): Promise<{ name: string; tarball: string }> {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: dir });
  const { name, filename } = JSON.parse(stdout) as { name: string; filename: string };
  return { name, tarball: path.resolve(destination, filename) };
}

const projectPrefix = 'toggl-exports-consumer-';
/** A run removes its project when it ends; one left by a killed run is removed once it is this old. */
const staleAfterMs = 60 * 60 * 1000;

/**
 * Removes the consumer projects (about 100 MB each) that runs killed half-way left in `parent`:
 * those untouched for an hour, so that a run still going elsewhere keeps its own. Returns them.
 */
export async function removeStaleConsumerProjects(parent = tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(parent, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(projectPrefix)) continue;
    const dir = path.join(parent, entry.name);
    if (now - (await stat(dir)).mtimeMs < staleAfterMs) continue;
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/**
 * Packs every public package and installs the tarballs into a new folder with npm, from npm's
 * own cache where it can (`--prefer-offline`); third-party dependencies come from the registry.
 * Returns the project's folder.
 */
export async function createConsumerProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), projectPrefix));
  const tarballDir = path.join(dir, 'tarballs');
  await mkdir(tarballDir);
  const packed = await Promise.all((await publicPackageDirs()).map((packageDir) => pack(packageDir, tarballDir)));
  const ours = Object.fromEntries(packed.map(({ name, tarball }) => [name, `file:${path.relative(dir, tarball)}`]));
  const manifest = {
    name: 'toggl-exports-consumer',
    private: true,
    dependencies: ours,
    devDependencies: {
      ...Object.fromEntries(Object.entries(typescripts).map(([alias, spec]) => [alias, `npm:${spec}`])),
      '@types/node': installedVersion('@types/node'),
      // Runs project/vitest-cjs, the mock server's vitest setup in this CommonJS project.
      vitest: installedVersion('vitest'),
    },
    // Should one of our packages depend on another, it gets the tarball too, never the registry's copy.
    overrides: Object.fromEntries(packed.map(({ name }) => [name, `$${name}`])),
  };
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await cp(projectFiles, dir, { recursive: true });
  // --ignore-scripts: none of our packages has install scripts, and a dependency of Prism's
  // (@scarf/scarf) would otherwise report the install to its vendor.
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'],
    {
      cwd: dir,
      env: { ...process.env, SCARF_ANALYTICS: 'false' },
    },
  );
  return dir;
}
