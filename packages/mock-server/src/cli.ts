#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startMockServer } from './server.ts';
import { cannotRead, UnreadableFileError } from './user-file.ts';

const usage = `Usage: toggl-exports-mock [--port 4010] [--host 127.0.0.1] [--data FILE] [--docs FILE]

A local mock of Toggl Track's report export API. It computes each CSV, XLSX and PDF file from a
workspace's time entries: the built-in sample workspace, or your own dataset.

Options:
  -p, --port PORT   port to listen on (0 picks a free one; default 4010)
  -H, --host HOST   address to listen on (default 127.0.0.1)
  -d, --data FILE   compute the files from this dataset (JSON in Toggl's API field names;
                    see the README) instead of the built-in sample workspace
      --docs FILE   also serve this HTML file (such as the rendered API docs) at /docs/
  -h, --help        show this help`;

function fail(message: string): never {
  console.error(`toggl-exports-mock: ${message}\n\n${usage}`);
  process.exit(2);
}

function parsePort(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) fail(`invalid --port '${text}': expected a whole number from 0 to 65535`);
  return port;
}

function parseArguments() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', short: 'H', default: '127.0.0.1' },
        data: { type: 'string', short: 'd' },
        docs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}

const args = parseArguments();
if (args.help) {
  console.log(usage);
  process.exit(0);
}

/**
 * The request log, written once per turn of the event loop rather than once per line: under
 * load, a write per request costs about as much as answering the request.
 */
function batchedLog(stream: NodeJS.WritableStream) {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    stream.write(`${pending.join('\n')}\n`);
    pending = [];
  };
  return {
    log: (line: string) => {
      if (pending.push(line) === 1) setImmediate(flush);
    },
    flush,
  };
}

const requestLog = batchedLog(process.stdout);

try {
  const server = await startMockServer({
    port: parsePort(args.port),
    host: args.host,
    log: requestLog.log,
    ...(args.docs !== undefined && { docs: args.docs }),
    ...(args.data !== undefined && { data: args.data }),
  });
  const stop = (signal: NodeJS.Signals) => {
    requestLog.flush();
    console.log(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Toggl exports mock server: ${server.url}`);
  if (args.docs !== undefined) console.log(`API docs: ${server.url}/docs/`);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  if (error instanceof UnreadableFileError)
    console.error(`toggl-exports-mock: ${cannotRead(`--${error.option}`, error.file, error.reason)}`);
  else if (code === 'EADDRINUSE')
    console.error(`toggl-exports-mock: port ${args.port} on ${args.host} is already in use; choose another with --port`);
  else console.error(`toggl-exports-mock: ${message}`);
  process.exit(1);
}
