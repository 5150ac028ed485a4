import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Tools whose engines ask for a newer Node than the workspace's (orval 8: Node >= 22.18), so
 * they cannot be devDependencies under `engineStrict`: the suite runs them with `npx -y -p` at
 * these exact versions, on the Node of the npm registry's `node` package below.
 */
export const NPX_PACKAGES: Record<string, string> = { orval: '8.38.0' };
/** The `node` package the npx-run tools run on (npm's cache keeps it; e2e/consumer's runtime matrix uses the same). */
export const NPX_NODE = 'node@24';

/** The version of a tool package: the pinned npx version, or the one installed in this package. */
export function toolVersion(name: string): string {
  const pinned = NPX_PACKAGES[name];
  if (pinned) return pinned;
  const manifest = JSON.parse(readFileSync(`${packageDir}node_modules/${name}/package.json`, 'utf8')) as { version: string };
  return manifest.version;
}
