// The runtimes the packages claim, each fetched from the npm registry with npx (npm's own cache,
// ~/.npm/_npx, keeps them between runs) and then run directly: once per run, however many tests use it.
import { tmpdir } from 'node:os';
import { run } from './consumer-project.ts';

export interface Runtime {
  /** As the runtime itself says it (download-each.cjs): `Node`, `Bun`, `Deno`. */
  name: 'Node' | 'Bun' | 'Deno';
  major: number;
  /** `npx -y …` arguments that fetch it and print, as JSON, its executable's path and its version. */
  npx: string[];
  /** What goes between the executable and a script to run: `run -A` for Deno. */
  scriptArgs: string[];
}

export interface ResolvedRuntime {
  /** The executable, run directly from then on. */
  path: string;
  version: string;
}

/** As test names and the README say it: `Node 22`, `Bun 1`, `Deno 2`. */
export const label = ({ name, major }: Runtime): string => `${name} ${major}`;

/** How the runtime's report of itself (download-each.cjs) starts: `Node 22.` */
export const reports = (runtime: Runtime): string => `${label(runtime)}.`;

/** The Node major versions the packages claim. */
export const nodeMajors = [20, 22, 24];

/** The major version of the Node running the tests. */
export const runningNodeMajor = Number(process.versions.node.split('.')[0]);

const printNode = 'console.log(JSON.stringify({ path: process.execPath, version: process.version }))';

/** `node@<major>` from the registry, or, when that is the major version running the tests, the Node running them. */
export const node = (major: number): Runtime => ({
  name: 'Node',
  major,
  npx: ['-p', `node@${major}`, 'node', '-e', printNode],
  scriptArgs: [],
});

export const bun = (major: number): Runtime => ({
  name: 'Bun',
  major,
  npx: [`bun@${major}`, '-e', 'console.log(JSON.stringify({ path: process.execPath, version: Bun.version }))'],
  scriptArgs: [],
});

export const deno = (major: number): Runtime => ({
  name: 'Deno',
  major,
  npx: [`deno@${major}`, 'eval', 'console.log(JSON.stringify({ path: Deno.execPath(), version: Deno.version.deno }))'],
  // ES modules and CommonJS (.cjs) alike; with a package.json next to them Deno resolves packages from node_modules.
  scriptArgs: ['run', '-A'],
});

/** For every runtime: no update checks or telemetry (the network reaches the npm registry only). */
export const runtimeEnv = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', DO_NOT_TRACK: '1' };

/** Downloading a runtime the first time can take a minute or more; this only guards against a hang. */
export const fetchTimeoutMs = 300_000;

const resolved = new Map<string, Promise<ResolvedRuntime>>();

/** The runtime's executable and version: fetched (or found in npx's cache) on first use, then remembered for the run. */
export function resolveRuntime(runtime: Runtime): Promise<ResolvedRuntime> {
  let found = resolved.get(label(runtime));
  if (!found) {
    found =
      runtime.name === 'Node' && runtime.major === runningNodeMajor
        ? Promise.resolve({ path: process.execPath, version: process.version })
        : run('npx', ['-y', ...runtime.npx], { cwd: tmpdir(), env: runtimeEnv, timeout: fetchTimeoutMs }).then(
            ({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1)!) as ResolvedRuntime,
          );
    resolved.set(label(runtime), found);
  }
  return found;
}
