import { runLoad, type LoadResult } from '../load.ts';
import { bareNodeHttp, mockCli, prismCli, startServer, type ServerKind } from '../servers.ts';

export interface ThroughputResult {
  name: string;
  /** The same request over and over, at 10 and at 64 connections. */
  same: LoadResult[];
  /** A mix of repeated and never-seen requests over every export, at 64 connections (not for the bare server, which ignores requests). */
  mixed?: LoadResult;
}

const seconds = 5;
const maxRequests = 500_000;

async function measureServer(kind: ServerKind, withMix: boolean): Promise<ThroughputResult> {
  const server = await startServer(kind);
  try {
    // Warm-up (JIT, connection pools, the mock's cache): not recorded.
    await runLoad({ url: server.url, connections: 10, seconds: 1, maxRequests });
    const same: LoadResult[] = [];
    for (const connections of [10, 64]) same.push(await runLoad({ url: server.url, connections, seconds, maxRequests }));
    const result: ThroughputResult = { name: kind.name, same };
    if (withMix) result.mixed = await runLoad({ url: server.url, connections: 64, seconds, maxRequests, mixed: true });
    return result;
  } finally {
    await server.stop();
  }
}

/** Requests per second and latency of the mock's CLI, next to bare node:http sending the same bytes and the Prism CLI. */
export async function measureThroughput(): Promise<{ mock: ThroughputResult; bare: ThroughputResult; prism: ThroughputResult }> {
  return {
    mock: await measureServer(mockCli, true),
    bare: await measureServer(bareNodeHttp, false),
    prism: await measureServer(prismCli, true),
  };
}
