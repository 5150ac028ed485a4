import { fileURLToPath } from 'node:url';
import { startProcess } from '../processes.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CommandTime {
  command: string;
  seconds: number;
}

export interface TestTime extends CommandTime {
  /** Turbo's count of tasks replayed from its cache, and of all tasks. */
  cached: number;
  total: number;
}

export interface RepoTimesResult {
  /** Every generator run (turbo's cache bypassed), then the same replayed from turbo's cache. */
  generate: CommandTime;
  generateCached: CommandTime;
  test: TestTime;
}

function timed(command: string, args: string[], timeoutMs: number): Promise<{ seconds: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = startProcess(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, output });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code} after ${seconds.toFixed(0)} s:\n${output.slice(-3000)}`));
    });
  });
}

async function timeTest(timeoutMs: number): Promise<TestTime> {
  const { seconds, output } = await timed('pnpm', ['test'], timeoutMs);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal colour codes turbo writes
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!match) throw new Error(`no turbo summary in the output of pnpm test:\n${output.slice(-2000)}`);
  return { command: 'pnpm test', seconds, cached: Number(match[1]), total: Number(match[2]) };
}

const attempts = 3;

/**
 * `pnpm generate` with turbo's cache bypassed (every generator runs; same bytes as committed) and
 * as a cache hit, then `pnpm test` with nothing changed. A `pnpm test` that still had tasks to
 * run (a cold cache) or failed (turbo caches only successes) was a warm-up; the first run with
 * every task from the cache is reported, or the last of three.
 */
export async function measureRepoTimes(): Promise<RepoTimesResult> {
  const generate = await timed('pnpm', ['generate', '--force'], 300_000);
  const generateCached = await timed('pnpm', ['generate'], 300_000);
  let test: TestTime | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      test = await timeTest(900_000);
      if (test.cached === test.total) break;
    } catch (error) {
      if (attempt === attempts) throw error;
      console.error(
        `bench: pnpm test failed on run ${attempt} of ${attempts} (it is run again):\n${String((error as Error).message).slice(-1500)}`,
      );
    }
  }
  return {
    generate: { command: 'pnpm generate --force', seconds: generate.seconds },
    generateCached: { command: 'pnpm generate', seconds: generateCached.seconds },
    test: test!,
  };
}
