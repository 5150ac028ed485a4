import { runWorker, startServerScript, stopProcess } from '../processes.ts';
import type { Summary } from '../stats.ts';

export type ClientOverheadResult = Record<'raw fetch' | 'openapi-fetch' | 'our client', Summary>;

/** Microseconds per export call: our client, bare openapi-fetch and raw fetch, against a local server with a small CSV. */
export async function measureClientOverhead(): Promise<ClientOverheadResult> {
  const server = await startServerScript(new URL('../servers/csv-server.js', import.meta.url));
  try {
    return await runWorker<ClientOverheadResult>(
      new URL('../workers/client-calls.js', import.meta.url),
      [server.url, '20', '250'],
      180_000,
    );
  } finally {
    await stopProcess(server.child);
  }
}
