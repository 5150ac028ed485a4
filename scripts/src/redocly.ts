import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { redoclyConfig } from './repo-paths.ts';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const redoclyBin = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** Runs the Redocly CLI with the repository's config (or `config`); rejects with its output when it fails. */
export async function redocly(args: string[], config = redoclyConfig): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [redoclyBin, ...args, '--config', config], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`redocly ${args[0]} failed:\n${stdout}${stderr}`, { cause: error });
  }
}
