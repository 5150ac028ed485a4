import { availableParallelism } from 'node:os';
import type { ExportFormat, Report, ReportRenderer } from '@toggl-exports/report-engine';
import type { Piscina } from 'piscina';
import { renderFile } from './render-file.ts';

/*
 * The threads that write XLSX and PDF files. Writing a workbook or a document takes a few
 * milliseconds for a month and a few hundred for a year; in the server's own thread every
 * other request, cached or not, would wait for it. The server computes each report itself (it
 * holds the data) and hands the report, which is plain data, to a pool of worker threads (piscina).
 */

/** One file to write, as the server sends it to a thread. */
export interface RenderJob {
  report: Report;
  format: ExportFormat;
}

/** The formats written in threads. A CSV costs less to write than its report costs to send. */
const THREAD_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>(['xlsx', 'pdf']);

/** The threads' script, the same file from src/ and from dist/: the package's build makes it. */
const workerFile = new URL('../dist/render-worker.js', import.meta.url);

/**
 * A thread idle this long stops, and gives back its memory: V8 does not shrink a worker's heap
 * when it idles, as it does the main thread's. Starting one again takes about a tenth of a second.
 */
const IDLE_MS = 10_000;

/** The most render threads a server takes. */
export const maxRenderThreads = 64;
/**
 * How many it starts unless told: one fewer than the cores, since the server's own thread
 * computes the reports, but at least one and at most four. On two cores, a second thread wrote
 * no more files a second (the bench's mix), and made the requests that wait for one wait longer.
 */
export const defaultRenderThreads = (): number => Math.min(Math.max(availableParallelism() - 1, 1), 4);

export interface RenderPool {
  render: ReportRenderer;
  /** How many threads are running now: none before the first XLSX or PDF, nor once they have idled out. */
  threads(): number;
  /** Stops the threads; the files they were still writing are refused. */
  close(): Promise<void>;
}

/**
 * Writes CSV in the calling thread and the other formats in up to `threads` worker threads,
 * started as they are needed; piscina itself is loaded with the first such file, so that a
 * server that never writes a workbook neither loads it nor starts a thread. With `threads` 0,
 * every file is written in the calling thread.
 */
export function createRenderPool(threads: number, idleMs = IDLE_MS): RenderPool {
  if (threads === 0) return { render: renderFile, threads: () => 0, close: async () => {} };
  let pool: Promise<Piscina<RenderJob, Uint8Array>> | undefined;
  let started: Piscina<RenderJob, Uint8Array> | undefined;
  let closed = false;
  return {
    async render(report, format) {
      if (!THREAD_FORMATS.has(format)) return renderFile(report, format);
      if (closed) throw new Error('the server is closed');
      pool ??= import('piscina').then(({ Piscina }) => {
        started = new Piscina<RenderJob, Uint8Array>({
          filename: workerFile.href,
          minThreads: 0,
          maxThreads: threads,
          idleTimeout: idleMs,
        });
        return started;
      });
      return (await pool).run({ report, format } satisfies RenderJob);
    },
    threads: () => started?.threads.length ?? 0,
    async close() {
      closed = true;
      await (await pool)?.destroy();
    },
  };
}
