import { parentPort } from 'node:worker_threads';
import { renderReport } from '@toggl-exports/report-engine';
import type { RenderJob, RenderResult } from './render-pool.ts';

/* A render thread of the mock server (see render-pool.ts): it turns the reports it is sent into files. */

if (!parentPort) throw new Error('render-worker.js runs as a worker thread of the mock server, not on its own');
const server = parentPort;

/** The file's memory is handed over rather than copied, when the file is all of it. */
const transferable = (bytes: Uint8Array) => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : []);

server.on('message', ({ id, report, format }: RenderJob) => {
  renderReport(report, format).then(
    (bytes) => server.postMessage({ id, bytes } satisfies RenderResult, transferable(bytes) as ArrayBuffer[]),
    (error: unknown) => {
      const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
      server.postMessage({ id, error: { message, stack } } satisfies RenderResult);
    },
  );
});
