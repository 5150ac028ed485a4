import { TogglApiError, TogglNetworkError, TogglTimeoutError } from '@toggl-exports/client';
import type { CommandTarget } from './commands.js';

/** What the process exits with; scripts branch on these, so they never change meaning. */
export const ExitCode = {
  ok: 0,
  /** A bug of the CLI itself. */
  internal: 1,
  /** A flag, argument, body file or `--set` that cannot be used. */
  usage: 2,
  /** No token, or Toggl refused it or its access (401, 403). */
  auth: 3,
  /** The hourly quota is used up, or requests came too fast (402 with quota headers, 429). */
  limit: 4,
  /** Any other answer of Toggl's: an invalid request, a plan without the feature, a server error. */
  api: 5,
  /** No answer: connection refused or cut, timeout, DNS. */
  network: 6,
  /** Stopped by Ctrl-C or SIGTERM (128 + SIGINT's number, as shells report it). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error meant for the person at the terminal: what went wrong and what to do about it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, ExitCode.usage);

const waitText = (seconds: number | undefined) => (seconds === undefined ? '' : ` in ${seconds} s`);

/** What to do about each reason Toggl gives for refusing an export; `target` is what the command exports from. */
function apiHint(error: TogglApiError, target: CommandTarget | undefined): [ExitCodeValue, string] {
  switch (error.reason) {
    case 'unauthorized':
      return [ExitCode.auth, 'Check the API token in TOGGL_API_TOKEN or --token-file (Toggl: Profile settings, API Token).'];
    case 'forbidden':
      return [ExitCode.auth, "Check --workspace (or the saved report's token) and that the token's user may export it."];
    case 'quota_exhausted':
      return [ExitCode.limit, `The hourly request quota is used up; it starts again${waitText(error.quotaResetsInSeconds)}. Run later.`];
    case 'rate_limited':
      return [
        ExitCode.limit,
        `Toggl asks to slow down; try again${waitText(error.retryAfterSeconds)}, or allow longer waits with --max-wait.`,
      ];
    case 'bad_request':
      return [ExitCode.api, 'Check the flags, --body and --set named in the message.'];
    case 'feature_not_enabled':
      return [ExitCode.api, "The workspace's plan does not include this report or filter."];
    case 'not_found':
      return [
        ExitCode.api,
        target === 'savedReport'
          ? "Check the saved report's token."
          : "Check --workspace and --base-url (the API's address, such as https://api.track.toggl.com).",
      ];
    default:
      return [ExitCode.api, 'Toggl could not answer; try again later.'];
  }
}

/** The exit code and message for anything a run can fail with; `target` is known once the arguments are parsed. */
export function describeFailure(error: unknown, target: CommandTarget | undefined): { exitCode: ExitCodeValue; message: string } {
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message };
  if (error instanceof TogglApiError) {
    const [exitCode, hint] = apiHint(error, target);
    return { exitCode, message: `${error.message}\n${hint}` };
  }
  if (error instanceof TogglTimeoutError) {
    return {
      exitCode: ExitCode.network,
      message: `${error.message}\nCheck the network and --base-url, or allow more time with --timeout.`,
    };
  }
  if (error instanceof TogglNetworkError) {
    return { exitCode: ExitCode.network, message: `${error.message}\nCheck the network and --base-url.` };
  }
  const { code, syscall, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (syscall) return { exitCode: ExitCode.usage, message: `Cannot write ${path ?? 'the file'} (${code}); check --out.` };
  return {
    exitCode: ExitCode.internal,
    message: `Unexpected error (please report it): ${error instanceof Error ? error.message : String(error)}`,
  };
}
