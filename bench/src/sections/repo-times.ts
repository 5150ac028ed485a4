import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
  generate: CommandTime;
  test: TestTime;
}

function timed(command: string, args: string[], timeoutMs: number): Promise<{ seconds: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
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
  // eslint-disable-next-line no-control-regex
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!match) throw new Error(`no turbo summary in the output of pnpm test:\n${output.slice(-2000)}`);
  return { command: 'pnpm test', seconds, cached: Number(match[1]), total: Number(match[2]) };
}

/**
 * `pnpm generate` (every generator, same bytes as committed), then `pnpm test` with nothing
 * changed. If that run still had tasks to do (a cold cache) or failed (turbo caches only
 * successes), it was the warm-up, and the run after it is the one reported.
 */
export async function measureRepoTimes(): Promise<RepoTimesResult> {
  const generate = await timed('pnpm', ['generate'], 300_000);
  const warmUp = await timeTest(900_000).catch(() => undefined);
  const test = warmUp && warmUp.cached === warmUp.total ? warmUp : await timeTest(600_000);
  return { generate: { command: 'pnpm generate', seconds: generate.seconds }, test };
}
