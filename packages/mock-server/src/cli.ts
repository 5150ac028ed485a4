#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { type BehaviourOptions, maxJournalSize, maxQuotaLimit, resolveBehaviour } from './behaviour-options.ts';
import { type FaultRates, faultKinds } from './faults.ts';
import { quotaPlans } from './limits.ts';
import { maxDelayMs } from './prefer.ts';
import { maxRenderThreads } from './render-pool.ts';
import { startMockServer } from './server.ts';
import { cannotRead, UnreadableFileError } from './user-file.ts';

const plans = Object.entries(quotaPlans)
  .map(([plan, limit]) => `${plan} ${limit}`)
  .join(', ');

const usage = `Usage: toggl-exports-mock [--port 4010] [--host 127.0.0.1] [--data FILE] [--docs FILE] [options]

A local mock of Toggl Track's report export API. It computes each CSV, XLSX and PDF file from a
workspace's time entries: the built-in sample workspace, or your own dataset.

Options:
  -p, --port PORT         port to listen on (0 picks a free one; default 4010)
  -H, --host HOST         address to listen on (default 127.0.0.1)
  -d, --data FILE         compute the files from this dataset (JSON in Toggl's API field names;
                          see the README) instead of the built-in sample workspace
      --docs FILE         also serve this HTML file (such as the rendered API docs) at /docs/
  -q, --quiet             log no requests (the URL and errors are still printed)
      --cors-origin URL   let only this origin call from a browser (repeat for more; default: any)
      --no-cors           send no CORS headers at all
      --journal-size N    keep the last N requests for GET /__mock/requests (default 1000; 0: none)
      --quota LIMIT       count requests per user and workspace in a sliding hour, as Toggl does,
                          and answer 402 past LIMIT: a number or a plan (${plans})
      --rate-limit        answer requests that come faster than one a second with 429
      --latency MS        wait MS milliseconds before every answer
      --faults LIST       give export requests faults at random, e.g. drop=0.1,503=0.05
                          (faults: ${faultKinds.join(', ')}; chances from 0 to 1)
      --render-threads N  write XLSX and PDF files in N worker threads, so that other requests
                          are answered meanwhile (default: the cores less one, 1 to 4;
                          0: in the server's own thread)
  -h, --help              show this help

Control endpoints: GET and DELETE /__mock/requests, DELETE /__mock/limits,
POST and DELETE /__mock/faults. See the README.`;

function fail(message: string): never {
  console.error(`toggl-exports-mock: ${message}\n\n${usage}`);
  process.exit(2);
}

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) fail(`invalid --${option} '${text}': expected a whole number from ${min} to ${max}`);
  return value;
}

function parseQuota(text: string): NonNullable<BehaviourOptions['quota']> {
  if (Object.hasOwn(quotaPlans, text)) return text as keyof typeof quotaPlans;
  if (/^\d+$/.test(text)) return wholeNumber('quota', text, 1, maxQuotaLimit);
  fail(`invalid --quota '${text}': expected a number of requests or a plan (${plans})`);
}

function parseFaults(text: string): FaultRates {
  const rates: Record<string, number> = {};
  for (const item of text.split(',')) {
    const [kind = '', rate = ''] = item.split('=').map((part) => part.trim());
    const chance = /^\d*\.?\d+$/.test(rate) ? Number(rate) : Number.NaN;
    if (!(faultKinds as readonly string[]).includes(kind) || !(chance <= 1))
      fail(`invalid --faults item '${item}': expected FAULT=CHANCE, FAULT one of ${faultKinds.join(', ')}, CHANCE from 0 to 1`);
    rates[kind] = chance;
  }
  return rates;
}

function parseArguments() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', short: 'H', default: '127.0.0.1' },
        data: { type: 'string', short: 'd' },
        docs: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'cors-origin': { type: 'string', multiple: true },
        'no-cors': { type: 'boolean' },
        'journal-size': { type: 'string' },
        quota: { type: 'string' },
        'rate-limit': { type: 'boolean' },
        latency: { type: 'string' },
        faults: { type: 'string' },
        'render-threads': { type: 'string' },
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
if (args['no-cors'] && args['cors-origin']) fail('--no-cors and --cors-origin contradict each other: use one');

function behaviourOf(): BehaviourOptions {
  const behaviour: BehaviourOptions = {};
  if (args['no-cors']) behaviour.corsOrigins = false;
  if (args['cors-origin']) behaviour.corsOrigins = args['cors-origin'];
  if (args['journal-size'] !== undefined) behaviour.journalSize = wholeNumber('journal-size', args['journal-size'], 0, maxJournalSize);
  if (args.quota !== undefined) behaviour.quota = parseQuota(args.quota);
  if (args['rate-limit']) behaviour.rateLimit = true;
  if (args.latency !== undefined) behaviour.latencyMs = wholeNumber('latency', args.latency, 0, maxDelayMs);
  if (args.faults !== undefined) behaviour.faults = parseFaults(args.faults);
  if (args['render-threads'] !== undefined)
    behaviour.renderThreads = wholeNumber('render-threads', args['render-threads'], 0, maxRenderThreads);
  try {
    resolveBehaviour(behaviour); // to say what is wrong in the options' own words, before anything starts
  } catch (error) {
    fail((error as Error).message.replace(/^Invalid corsOrigins\[\d+\]/, 'invalid --cors-origin'));
  }
  return behaviour;
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
    port: wholeNumber('port', args.port, 0, 65535),
    host: args.host,
    ...(!args.quiet && { log: requestLog.log }),
    ...(args.docs !== undefined && { docs: args.docs }),
    ...(args.data !== undefined && { data: args.data }),
    ...behaviourOf(),
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
