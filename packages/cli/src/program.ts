import { Command, InvalidArgumentError, Option } from 'commander';
import type { FilterFlags } from './body.js';
import { type ExportCommand, exportCommands, formatsOf } from './commands.js';
import { periodNames } from './period.js';
import type { Output } from './progress.js';

/** Everything a command's flags say, as parsed. */
export interface CommandOptions extends FilterFlags {
  workspace?: string;
  from?: string;
  to?: string;
  period?: string;
  format: string;
  out?: string;
  body?: string;
  set?: string[];
  baseUrl?: string;
  tokenFile?: string;
  retries: number;
  maxWait: number;
  timeout: number;
  dryRun?: boolean;
  quiet?: boolean;
  json?: boolean;
  verbose?: boolean;
}

export interface ParsedCommand {
  command: ExportCommand;
  /** The workspace ID or the saved report's token. */
  target: string;
  options: CommandOptions;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

const wholeNumber =
  (min: number, max: number) =>
  (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
      throw new InvalidArgumentError(`use a whole number from ${min} to ${max}.`);
    return Number(value);
  };

const workspaceId = (value: string): string => {
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new InvalidArgumentError('use the numeric ID from the workspace URL, e.g. 1234567.');
  return value;
};

function examplesOf(command: ExportCommand, formats: string[]): string {
  const target = command.target === 'workspace' ? '--workspace 1234567' : 'AbC123token';
  const lines = [
    `  toggl-exports ${command.name} ${target} --period last-month`,
    `  toggl-exports ${command.name} ${target} --from 2026-01-01 --to 2026-03-31 --format ${formats.at(-1)} --out q1.${formats.at(-1)}`,
    `  toggl-exports ${command.name} ${target} --period 2026-02 --project 42 --billable yes --out - | head`,
    `  toggl-exports ${command.name} ${target} --period this-month --dry-run`,
  ];
  if (command.joinsChunks)
    lines.push(`  toggl-exports ${command.name} ${target} --from 2024-01-01 --to 2026-06-30   # split into yearly requests, joined`);
  return `\nExamples:\n${lines.join('\n')}\n`;
}

function addExportCommand(program: Command, command: ExportCommand, onParsed: (parsed: ParsedCommand) => void): void {
  const formats = [...formatsOf(command).keys()];
  const sub = program.command(command.name).description(command.summary);
  if (command.target === 'savedReport') sub.argument('<report-token>', "the saved report's token, the last part of its share link");
  else sub.addOption(new Option('-w, --workspace <id>', 'workspace ID (required)').argParser(workspaceId).makeOptionMandatory());
  sub
    .option('--from <date>', 'first day, YYYY-MM-DD (alone: up to today)')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--period <name>', `instead of --from/--to: ${periodNames.join(', ')}`)
    .addOption(new Option('-f, --format <format>', 'file format').choices(formats).default(formats[0]))
    .option('-o, --out <file>', "where to save; - for stdout (default: Toggl's file name, in the current folder)")
    .option('--project <ids>', 'only these project IDs (comma-separated or repeated; none = without project)', collect)
    .option('--client <ids>', 'only these client IDs (none = without client)', collect)
    .option('--user <ids>', 'only these user IDs', collect)
    .option('--tag <ids>', 'only these tag IDs (none = without tags)', collect)
    .option('--billable <yes|no>', 'only billable, or only non-billable entries')
    .option('--description <text>', 'only entries whose description contains this text')
    .option('--body <file>', 'a JSON file with any other field of the request body')
    .option('--set <key=value>', 'one body field; the value is read as JSON if it is JSON (repeatable)', collect)
    .option('--base-url <url>', 'API address, e.g. a mock: http://127.0.0.1:4010 (default: Toggl)')
    .option('--token-file <file>', 'read the API token from this file instead of TOGGL_API_TOKEN')
    .option('--retries <n>', 'times a failed request is sent again', wholeNumber(0, 10), 3)
    .option('--max-wait <seconds>', 'longest wait Toggl may ask for before a retry', wholeNumber(0, 86_400), 60)
    .option('--timeout <seconds>', 'longest wait for an answer, retries included', wholeNumber(1, 86_400), 120)
    .option('--dry-run', 'print the requests as cURL commands (token masked) and send nothing')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print one JSON line with the result (file, bytes, rows, requests) on stdout')
    .option('-v, --verbose', 'show every request sent (credentials masked)')
    .addHelpText('after', examplesOf(command, formats))
    .action((...args: unknown[]) => {
      const options = sub.opts<CommandOptions>();
      const target = command.target === 'workspace' ? (options.workspace as string) : (args[0] as string);
      onParsed({ command, target, options });
    });
}

const overview = `
Credentials: set TOGGL_API_TOKEN (or pass --token-file FILE); never on the command line.

Examples:
  export TOGGL_API_TOKEN=...            # Toggl: Profile settings, API Token
  toggl-exports detailed --workspace 1234567 --period last-month
  toggl-exports summary --workspace 1234567 --from 2026-01-01 --to 2026-03-31 --format pdf
  toggl-exports weekly --workspace 1234567 --period last-week --out - | column -s, -t
  toggl-exports saved AbC123token --format xlsx
  toggl-exports detailed --workspace 1 --period this-month --base-url http://127.0.0.1:4010

Exit codes: 0 done, 2 bad usage, 3 token or access refused, 4 quota or rate limit,
5 other API error, 6 network error or timeout, 130 interrupted.

Run "toggl-exports <command> --help" for a command's flags.
`;

/** The command-line parser: one command per export, each with every flag it takes. */
export function buildProgram(version: string, output: Output, onParsed: (parsed: ParsedCommand) => void): Command {
  const program = new Command('toggl-exports')
    .description('Download Toggl Track reports as CSV, XLSX or PDF, from a shell, cron or CI.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showHelpAfterError('(add --help for the flags and examples)')
    .addHelpText('after', overview);
  for (const command of exportCommands) addExportCommand(program, command, onParsed);
  return program;
}
