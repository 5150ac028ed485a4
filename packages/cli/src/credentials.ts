import { readFile } from 'node:fs/promises';
import { CliError, ExitCode, usageError } from './exit-codes.js';

/** Flags that would put a credential on the command line, where shell history and `ps` keep it. */
const credentialFlags = /^--?(?:api-?token|token|password|pass|auth)(?:=|$)/i;

/**
 * Refuses a credential on the command line before anything parses it, without repeating the
 * value: a parser's "unknown option '--token=...'" would print it.
 */
export function refuseCredentialFlags(argv: readonly string[]): void {
  for (const argument of argv) {
    if (argument === '--') return;
    const flag = credentialFlags.exec(argument);
    if (flag) {
      throw usageError(
        `${argument.split('=')[0]} is not accepted: a token on the command line ends up in shell history. Set TOGGL_API_TOKEN, or pass --token-file FILE.`,
      );
    }
  }
}

/**
 * The API token: from `--token-file` if given, else from TOGGL_API_TOKEN. Undefined when neither
 * is set and the export can run without one (public saved reports).
 */
export async function readToken(tokenFile: string | undefined, env: NodeJS.ProcessEnv, required: boolean): Promise<string | undefined> {
  let token: string | undefined;
  if (tokenFile !== undefined) {
    const text = await readFile(tokenFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw usageError(`--token-file: cannot read ${tokenFile} (${error.code}); give a file that holds the API token.`);
    });
    token = text.trim();
    if (!token) throw new CliError(`--token-file: ${tokenFile} is empty; put the API token in it.`, ExitCode.auth);
  } else {
    token = env.TOGGL_API_TOKEN?.trim() || undefined;
  }
  if (token?.includes(':') || (token && /\s/.test(token))) {
    throw new CliError('The API token contains ":" or spaces; a Toggl API token is a string of letters and digits.', ExitCode.auth);
  }
  if (!token && required) {
    throw new CliError(
      'No API token: set TOGGL_API_TOKEN, or pass --token-file FILE (find the token in Toggl under Profile settings, API Token).',
      ExitCode.auth,
    );
  }
  return token;
}
