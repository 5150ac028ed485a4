import { execFile, type spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The built bin, as npm links it: turbo builds the package before its tests. */
export const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A token of Toggl's shape; every run checks that neither it nor its Basic form is printed. */
export const token = '1971800d4d82861d8f2c1651fea4d212';
const basic = btoa(`${token}:api_token`);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'toggl-exports-cli-'));

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Called with the child once it runs, e.g. to interrupt it. */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
}

/** Runs the bin with `args`, its stdout and stderr piped (no terminal), and TOGGL_API_TOKEN set unless `env` unsets it. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: options.cwd ?? scratchDir(),
        env: { PATH: process.env.PATH, TZ: 'UTC', TOGGL_API_TOKEN: token, ...options.env },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
        if (error && code === null && !('signal' in error && error.signal)) return reject(error);
        for (const output of [stdout, stderr]) {
          expect(output).not.toContain(token);
          expect(output).not.toContain(basic);
        }
        resolve({ code, stdout, stderr });
      },
    );
    options.onSpawn?.(child);
  });
}
