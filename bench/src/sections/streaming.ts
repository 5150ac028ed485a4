import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runWorker, startServerScript, stopProcess } from '../processes.ts';
import { bigFileBytes } from '../servers/big-file.ts';

export interface DownloadResult {
  peakRssBytes: number;
  seconds: number;
  bytes: number;
}

export type StreamingResult = { fileBytes: number } & Record<'save to disk' | 'fetch and discard' | 'buffered whole', DownloadResult>;

/** Peak memory of one 500 MB CSV download, each way in its own process, from a server that generates it as it sends. */
export async function measureStreaming(): Promise<StreamingResult> {
  const server = await startServerScript(new URL('../servers/csv-server.js', import.meta.url));
  const directory = await mkdtemp(path.join(tmpdir(), 'toggl-exports-bench-'));
  const worker = new URL('../workers/download.js', import.meta.url);
  try {
    const result = { fileBytes: bigFileBytes } as StreamingResult;
    for (const variant of ['fetch and discard', 'save to disk', 'buffered whole'] as const) {
      result[variant] = await runWorker<DownloadResult>(worker, [variant, `${server.url}/big`, directory], 120_000);
      if (result[variant].bytes !== bigFileBytes) throw new Error(`${variant} got ${result[variant].bytes} bytes of ${bigFileBytes}`);
    }
    return result;
  } finally {
    await stopProcess(server.child);
    await rm(directory, { recursive: true, force: true });
  }
}
