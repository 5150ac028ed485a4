#!/usr/bin/env node
import { createRequire } from 'node:module';
import { createTogglExportsClient } from '@toggl-exports/client';
import { CommanderError } from 'commander';
import { buildBody } from './body.js';
import { readToken, refuseCredentialFlags } from './credentials.js';
import { CliError, describeFailure, ExitCode, usageError } from './exit-codes.js';
import { localToday, periodFromFlags } from './period.js';
import { buildProgram, type ParsedCommand } from './program.js';
import { type Output, Progress, type ProgressMode } from './progress.js';
import { runExport } from './run-export.js';
import { mask, secretsOf } from './secrets.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Used only to build the requests a dry run prints; they show `$TOGGL_API_TOKEN`, never a token. */
const dryRunToken = 'dry-run-placeholder';

function modeOf(options: ParsedCommand['options']): ProgressMode {
  if (options.json) return 'json';
  if (options.quiet) return 'quiet';
  return process.stderr.isTTY ? 'bar' : 'lines';
}

function checkOutput({ options }: ParsedCommand): void {
  if (options.out !== '-') return;
  if (options.json) throw usageError('--json prints its result on stdout, so it cannot be combined with --out -; give --out a file.');
  if (options.format !== 'csv' && process.stdout.isTTY) {
    throw usageError(
      `--out - would print a binary ${options.format.toUpperCase()} file to the terminal; redirect it (> file) or give --out a file.`,
    );
  }
}

/** The client's own name for the option `--base-url` sets, which its errors start with. */
const CLIENT_BASE_URL = 'createTogglExportsClient options.baseUrl';

/**
 * Refuses a `--base-url` the client would refuse, in the client's words with the flag's name:
 * the client owns the rule (and describes a URL with "@" rather than showing it, as it may hold
 * a password). A client is cheap to make: it sends nothing until it is called.
 */
function checkBaseUrl({ options }: ParsedCommand): void {
  if (options.baseUrl === undefined) return;
  try {
    createTogglExportsClient({}, { baseUrl: options.baseUrl });
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith(CLIENT_BASE_URL)) {
      throw usageError(`--base-url${error.message.slice(CLIENT_BASE_URL.length)}`);
    }
    throw error;
  }
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const secrets = secretsOf(env.TOGGL_API_TOKEN?.trim());
  const output: Output = {
    err: (text) => process.stderr.write(mask(text, secrets)),
    out: (text) => process.stdout.write(mask(text, secrets)),
  };
  let progress = new Progress('lines', output);
  let parsed: ParsedCommand | undefined;
  try {
    refuseCredentialFlags(argv);
    const program = buildProgram(version, output, (result) => {
      parsed = result;
    });
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return ExitCode.usage;
    }
    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
      if (!(error instanceof CommanderError)) throw error;
      // Help and version exit with 0; everything else the parser refuses is bad usage, already explained.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (!parsed) return ExitCode.usage;
    const { command, target, options } = parsed;
    progress = new Progress(modeOf(options), output);
    checkOutput(parsed);
    checkBaseUrl(parsed);
    const required = command.target === 'workspace' && !options.dryRun;
    const token =
      (await readToken(options.tokenFile, env, required)) ?? (options.dryRun && command.target === 'workspace' ? dryRunToken : undefined);
    secrets.push(...secretsOf(token));
    const body = await buildBody({
      ...(options.body === undefined ? {} : { bodyPath: options.body }),
      sets: options.set ?? [],
      filters: options,
      period: periodFromFlags(options, localToday()),
    });
    const controller = new AbortController();
    const interrupt = () => controller.abort(new CliError('Interrupted; nothing was saved.', ExitCode.interrupted));
    process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
    await runExport({
      command,
      target,
      format: options.format as never,
      body,
      out: options.out,
      token,
      baseUrl: options.baseUrl,
      retries: options.retries,
      maxWaitSeconds: options.maxWait,
      timeoutSeconds: options.timeout,
      dryRun: options.dryRun === true,
      verbose: options.verbose === true,
      userAgent: `toggl-exports-cli/${version}`,
      signal: controller.signal,
      progress,
      output,
    });
    return ExitCode.ok;
  } catch (error) {
    const { exitCode, message } = describeFailure(error, parsed?.command.target);
    progress.fail(message, exitCode);
    return exitCode;
  }
}

main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
});
