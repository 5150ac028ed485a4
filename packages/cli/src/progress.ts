import type { RetryEvent } from '@toggl-exports/client';
import { TogglApiError } from '@toggl-exports/client';
import cliProgress from 'cli-progress';
import type { Period } from './period.js';

/** How a run tells people what it does: a bar on a terminal, plain lines elsewhere, nothing, or one JSON line. */
export type ProgressMode = 'bar' | 'lines' | 'quiet' | 'json';

/** What a finished run reports. */
export interface RunSummary {
  file: string;
  bytes: number;
  /** Data rows, where the format lets the CLI count them (CSV, joined XLSX). */
  rows: number | undefined;
  requests: number;
  chunks: number;
  durationMs: number;
}

export interface Output {
  /** Writes to stderr, secrets masked. */
  err(text: string): void;
  /** Writes to stdout, secrets masked. */
  out(text: string): void;
}

export const formatBytes = (bytes: number): string =>
  bytes < 1000 ? `${bytes} B` : bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Why the client waits, in words. */
function waitReason(event: RetryEvent): string {
  const { error } = event;
  if (!(error instanceof TogglApiError)) return 'no answer';
  if (error.reason === 'quota_exhausted') return 'hourly quota used up';
  return error.reason === 'rate_limited' ? 'Toggl asks to slow down' : `HTTP ${error.status}`;
}

function chunkLabel(index: number, count: number, period: Period | undefined): string {
  const dates = period ? `${period.start} to ${period.end}` : 'export';
  return count > 1 ? `chunk ${index + 1}/${count} ${dates}` : dates;
}

export class Progress {
  readonly #mode: ProgressMode;
  readonly #output: Output;
  #bar: cliProgress.SingleBar | undefined;
  #countdown: ReturnType<typeof setInterval> | undefined;
  #bytes = 0;
  #total: number | undefined;

  constructor(mode: ProgressMode, output: Output) {
    this.#mode = mode;
    this.#output = output;
  }

  startChunk(index: number, count: number, period: Period | undefined): void {
    const label = chunkLabel(index, count, period);
    this.#bytes = 0;
    this.#total = undefined;
    if (this.#mode === 'lines') this.#output.err(`Requesting ${label}\n`);
    if (this.#mode !== 'bar') return;
    this.#bar = new cliProgress.SingleBar(
      {
        format: '{label} [{bar}] {done} of {size} {status}',
        stream: process.stderr,
        hideCursor: true,
        barsize: 24,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    this.#bar.start(1, 0, { label, done: '0 B', size: '?', status: 'waiting for Toggl' });
  }

  startDownload(totalBytes: number | undefined): void {
    this.#stopCountdown();
    this.#total = totalBytes;
    this.#bar?.setTotal(totalBytes ?? 1);
    this.#bar?.update(0, { size: totalBytes === undefined ? '?' : formatBytes(totalBytes), status: 'downloading' });
  }

  advance(bytes: number): void {
    this.#bytes += bytes;
    this.#bar?.update(this.#total === undefined ? 0 : this.#bytes, { done: formatBytes(this.#bytes) });
  }

  endDownload(): void {
    if (this.#mode === 'lines') this.#output.err(`Downloaded ${formatBytes(this.#bytes)}\n`);
    this.#bar?.update(this.#total ?? 1, { done: formatBytes(this.#bytes), status: 'done' });
    this.#bar?.stop();
    this.#bar = undefined;
  }

  /** The client is about to wait before sending again: a countdown on the bar, one line elsewhere. */
  waiting(event: RetryEvent): void {
    const reason = waitReason(event);
    if (this.#mode === 'lines') this.#output.err(`${reason}: retrying in ${seconds(event.delayMs)} (attempt ${event.attempt + 1})\n`);
    if (!this.#bar) return;
    this.#stopCountdown();
    const until = Date.now() + event.delayMs;
    const tick = () => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      this.#bar?.update({ status: `${reason}: retrying in ${left} s` });
    };
    tick();
    this.#countdown = setInterval(tick, 250);
  }

  /** A note for `--verbose`, never on the bar's line. */
  note(line: string): void {
    if (this.#mode === 'quiet' || this.#mode === 'json') return;
    if (this.#bar) this.#bar.stop();
    this.#output.err(`${line}\n`);
  }

  finish(summary: RunSummary): void {
    const { file, bytes, rows, requests, durationMs } = summary;
    if (this.#mode === 'json') {
      this.#output.out(`${JSON.stringify({ ok: true, ...summary, rows: rows ?? null })}\n`);
      return;
    }
    if (this.#mode === 'quiet') return;
    const facts = [
      formatBytes(bytes),
      ...(rows === undefined ? [] : [`${rows} rows`]),
      `${requests} request${requests === 1 ? '' : 's'}`,
      seconds(durationMs),
    ];
    this.#output.err(`Saved ${file} (${facts.join(', ')})\n`);
  }

  fail(message: string, exitCode: number): void {
    this.#stopCountdown();
    this.#bar?.stop();
    this.#bar = undefined;
    if (this.#mode === 'json') this.#output.out(`${JSON.stringify({ ok: false, exitCode, error: message })}\n`);
    this.#output.err(`toggl-exports: ${message}\n`);
  }

  #stopCountdown(): void {
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }
}
