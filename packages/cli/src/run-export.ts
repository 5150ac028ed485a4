import {
  createTogglExportsClient,
  type ExportFile,
  type ExportFormat,
  type ExportOperationId,
  type RetryEvent,
  TogglExportsError,
  TogglNetworkError,
} from '@toggl-exports/client';
import { periodOfBody } from './body.js';
import { splitPeriod } from './chunks.js';
import { type ExportCommand, fileNameOf, formatsOf, maxPeriodDaysOf } from './commands.js';
import { type CapturedRequest, capturingFetch, curlLine } from './curl.js';
import { usageError } from './exit-codes.js';
import { CsvRecordCounter, withoutHeader } from './join/csv.js';
import { openSink, type Sink, write } from './output-file.js';
import { daysIn, isCalendarDate, type Period } from './period.js';
import type { Output, Progress, RunSummary } from './progress.js';

export interface ExportRun {
  command: ExportCommand;
  /** The workspace ID or the saved report's token. */
  target: string;
  format: ExportFormat;
  body: Record<string, unknown>;
  /** A path, `-` for stdout, or undefined for the suggested name in the current folder. */
  out: string | undefined;
  token: string | undefined;
  baseUrl: string | undefined;
  retries: number;
  maxWaitSeconds: number;
  timeoutSeconds: number;
  dryRun: boolean;
  verbose: boolean;
  userAgent: string;
  signal: AbortSignal;
  progress: Progress;
  output: Output;
}

/** The periods to ask for, one request each: the whole period, or, where it is too long and the report allows it, chunks. */
function plannedPeriods(run: ExportRun, operationId: ExportOperationId): (Period | undefined)[] {
  const period = periodOfBody(run.body);
  const maxDays = maxPeriodDaysOf(operationId);
  if (!period || !isCalendarDate(period.start) || !isCalendarDate(period.end) || maxDays === undefined) return [period];
  const days = daysIn(period);
  if (days <= maxDays) return [period];
  if (!run.command.joinsChunks) {
    throw usageError(
      `The period ${period.start} to ${period.end} is ${days} days; Toggl computes a ${run.command.name} report over at most ${maxDays} days, ` +
        `and the CLI does not join several: their groups and totals would repeat. Ask for at most ${maxDays} days per run, ` +
        'or use the detailed report, which is split and joined for you.',
    );
  }
  return splitPeriod(period, maxDays);
}

/** A fetch that counts requests and, with --verbose, shows each one (credentials masked by the output). */
function observingFetch(run: ExportRun, counter: { requests: number }, inner: typeof fetch): typeof fetch {
  return (input, init) => {
    counter.requests++;
    if (run.verbose) {
      const headers = [...new Headers(init?.headers)].map(([name, value]) => `${name}: ${name === 'authorization' ? '***' : value}`);
      run.progress.note(
        `> ${init?.method ?? 'GET'} ${String(input)}\n> ${headers.join('\n> ')}${init?.body ? `\n> ${String(init.body)}` : ''}`,
      );
    }
    return inner(input, init);
  };
}

/**
 * The pieces of a file's body as they arrive. A body that breaks off fails as a network error,
 * like a request that got no answer; an interruption with its own reason.
 */
async function* piecesOf(file: ExportFile, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof TogglExportsError) throw error;
    throw new TogglNetworkError(file.operationId, `the file was cut off while downloading (${(error as Error).message})`, 1, {
      cause: error,
    });
  } finally {
    reader.releaseLock();
  }
}

/** Streams one file into the sink, showing progress; with `skipHeader`, without its first CSV record. */
async function pipeFile(file: ExportFile, sink: Sink, run: ExportRun, skipHeader: boolean, rows?: CsvRecordCounter): Promise<number> {
  const length = Number(file.headers.get('content-length'));
  run.progress.startDownload(Number.isFinite(length) && length > 0 ? length : undefined);
  let bytes = 0;
  const header = skipHeader ? withoutHeader() : undefined;
  for await (const piece of piecesOf(file, run.signal)) {
    run.progress.advance(piece.byteLength);
    const kept = header ? header(piece) : piece;
    rows?.feed(kept);
    bytes += kept.byteLength;
    await write(sink.stream, kept);
  }
  run.progress.endDownload();
  return bytes;
}

/** Reads one whole file into memory, showing progress: for formats joined after the last chunk. */
async function readFile(file: ExportFile, run: ExportRun): Promise<Uint8Array> {
  const length = Number(file.headers.get('content-length'));
  run.progress.startDownload(Number.isFinite(length) && length > 0 ? length : undefined);
  const pieces: Uint8Array[] = [];
  for await (const piece of piecesOf(file, run.signal)) {
    run.progress.advance(piece.byteLength);
    pieces.push(piece);
  }
  run.progress.endDownload();
  return Buffer.concat(pieces);
}

export async function runExport(run: ExportRun): Promise<void> {
  const startedAt = Date.now();
  const operationId = formatsOf(run.command).get(run.format) as ExportOperationId;
  const periods = plannedPeriods(run, operationId);
  const captured: CapturedRequest[] = [];
  const counter = { requests: 0 };
  const client = createTogglExportsClient(run.token ? { apiToken: run.token } : {}, {
    ...(run.baseUrl === undefined ? {} : { baseUrl: run.baseUrl }),
    userAgent: run.userAgent,
    fetch: observingFetch(run, counter, run.dryRun ? capturingFetch(captured) : globalThis.fetch),
    timeout: run.timeoutSeconds * 1000,
    retry: run.dryRun
      ? false
      : { retries: run.retries, maxRetryAfterMs: run.maxWaitSeconds * 1000, onRetry: (event: RetryEvent) => run.progress.waiting(event) },
  });
  const method = client[operationId] as (args: Record<string, unknown>) => Promise<ExportFile>;
  const targetArgument = run.command.target === 'workspace' ? { workspaceId: run.target } : { reportToken: run.target };
  const request = (period: Period | undefined) => {
    const body = period ? { ...run.body, start_date: period.start, end_date: period.end } : run.body;
    const empty = Object.keys(body).length === 0 && run.command.target === 'savedReport';
    return method({ ...targetArgument, format: run.format, ...(empty ? {} : { body }), signal: run.signal });
  };

  if (run.dryRun) {
    for (const period of periods) await request(period);
    for (const line of captured) run.output.out(`${curlLine(line, run.out === '-' ? undefined : run.out)}\n`);
    return;
  }

  let sink: Sink | undefined;
  try {
    const chunkFiles: Uint8Array[] = [];
    const rows = run.format === 'csv' ? new CsvRecordCounter() : undefined;
    let bytes = 0;
    let suggested = `${fileNameOf(operationId)}.${run.format}`;
    for (const [index, period] of periods.entries()) {
      run.progress.startChunk(index, periods.length, period);
      const file = await request(period);
      if (periods.length === 1) suggested = file.filename;
      sink ??= await openSink(run.out);
      if (periods.length > 1 && run.format !== 'csv') chunkFiles.push(await readFile(file, run));
      else bytes += await pipeFile(file, sink, run, index > 0, rows);
    }
    const first = periods[0];
    const last = periods.at(-1);
    if (periods.length > 1 && first && last) suggested = `${fileNameOf(operationId)}_${first.start}_${last.end}.${run.format}`;
    let joinedRows: number | undefined;
    if (chunkFiles.length && sink) {
      const joined =
        run.format === 'xlsx'
          ? await (await import('./join/xlsx.js')).joinXlsx(chunkFiles)
          : { bytes: await (await import('./join/pdf.js')).joinPdf(chunkFiles), rows: undefined };
      joinedRows = joined.rows;
      bytes = joined.bytes.byteLength;
      await write(sink.stream, joined.bytes);
    }
    const file = await (sink as Sink).commit(suggested);
    const summary: RunSummary = {
      file,
      bytes,
      rows: rows ? Math.max(0, rows.total - 1) : joinedRows,
      requests: counter.requests,
      chunks: periods.length,
      durationMs: Date.now() - startedAt,
    };
    run.progress.finish(summary);
  } catch (error) {
    await sink?.discard();
    throw error;
  }
}
