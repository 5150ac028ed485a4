import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ExportFormat, type Report, type ReportRenderer, renderReport } from '@toggl-exports/report-engine';

/*
 * The threads that render XLSX and PDF files. Writing a workbook or a document takes a few
 * milliseconds for a month and up to half a second for a year; in the server's own thread every
 * other request, cached or not, would wait for it. The server computes each report itself (it
 * holds the data) and hands the report, which is plain data, to the least busy thread.
 */

/** One file to render, as the server sends it to a thread. */
export interface RenderJob {
  id: number;
  report: Report;
  format: ExportFormat;
}

/** A thread's answer to a job. */
export type RenderResult = { id: number; bytes: Uint8Array } | { id: number; error: { message: string; stack?: string | undefined } };

/** The formats rendered in threads. A CSV costs less to write than its report costs to send. */
const THREAD_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>(['xlsx', 'pdf']);

/** The thread's script, the same file from src/ and from dist/: the package's build makes it. */
const workerFile = new URL('../dist/render-worker.js', import.meta.url);

/** The most render threads a server takes, and how many it starts unless told. */
export const maxRenderThreads = 64;
export const defaultRenderThreads = (): number => Math.min(availableParallelism(), 4);

export interface RenderPool {
  render: ReportRenderer;
  /** Stops the threads; a file still being rendered is refused. */
  close(): Promise<void>;
}

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

const errorOf = ({ message, stack }: { message: string; stack?: string | undefined }): Error =>
  Object.assign(new Error(message), stack === undefined ? {} : { stack });

/**
 * Renders CSV in the calling thread and the other formats in up to `threads` worker threads,
 * started as they are first needed, so that a server that never writes a workbook starts none.
 * With `threads` 0, every file is rendered in the calling thread.
 */
export function createRenderPool(threads: number): RenderPool {
  if (threads === 0) return { render: renderReport, close: async () => {} };
  const running: Thread[] = [];
  let nextJob = 0;
  let closed = false;

  function start(): Thread {
    const thread: Thread = { worker: new Worker(workerFile), pending: new Map() };
    const { worker, pending } = thread;
    // An idle thread does not keep the process alive; a request waiting for a file keeps its socket open.
    worker.unref();
    worker.on('message', (result: RenderResult) => {
      const job = pending.get(result.id);
      if (!job) return;
      pending.delete(result.id);
      if ('error' in result) job.reject(errorOf(result.error));
      else job.resolve(result.bytes);
    });
    const stopped = (error: Error) => {
      const index = running.indexOf(thread);
      if (index >= 0) running.splice(index, 1);
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    };
    worker.on('error', (error) => stopped(error));
    worker.on('exit', (code) =>
      stopped(new Error(closed ? 'the server closed before the file was rendered' : `a render thread stopped with exit code ${code}`)),
    );
    running.push(thread);
    return thread;
  }

  /** The thread with the fewest files to render; a new one while every thread has some and there are fewer than `threads`. */
  function leastBusy(): Thread {
    let best: Thread | undefined;
    for (const thread of running) if (!best || thread.pending.size < best.pending.size) best = thread;
    return best && (best.pending.size === 0 || running.length >= threads) ? best : start();
  }

  return {
    render(report, format) {
      if (!THREAD_FORMATS.has(format)) return renderReport(report, format);
      if (closed) return Promise.reject(new Error('the server is closed'));
      const { worker, pending } = leastBusy();
      const id = nextJob++;
      return new Promise<Uint8Array>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, report, format } satisfies RenderJob);
      });
    },
    async close() {
      closed = true;
      await Promise.all(running.map(({ worker }) => worker.terminate()));
    },
  };
}
