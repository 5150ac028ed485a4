import { csvExportRequests } from '../exports.ts';
import { type LoadOptions, type LoadResult, type LoadSample, loadSample, summarizeLoad } from '../load.ts';
import { bareNodeHttp, mockCli, prismCli, type RunningServer, type ServerKind, startServer } from '../servers.ts';

export interface ThroughputResult {
  name: string;
  /** The same request over and over, at 10 and at 64 connections. */
  same: LoadResult[];
  /** A mix of repeated and never-seen requests over every export, at 64 connections (not for the bare server, which ignores requests). */
  mixed?: LoadResult;
  /** The same mix over the CSV exports only: the part of `mixed` that needs neither the XLSX nor the PDF writer. */
  mixedCsv?: LoadResult;
}

/** Each figure is this many one-second slices per server, the servers taking turns, so a busy moment on the machine touches all of them. */
const rounds = 5;
const maxRequestsPerSlice = 100_000;

async function inTurns(servers: RunningServer[], options: Pick<LoadOptions, 'connections' | 'mixed' | 'mixOf'>): Promise<LoadResult[]> {
  const samples: LoadSample[][] = servers.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < servers.length; turn++) {
      const index = (turn + round) % servers.length;
      samples[index]!.push(await loadSample({ url: servers[index]!.url, seconds: 1, maxRequests: maxRequestsPerSlice, ...options }));
    }
  }
  return samples.map(summarizeLoad);
}

/** Requests per second and latency of the mock's CLI, next to bare node:http sending the same bytes and the Prism CLI, each in its own process. */
export async function measureThroughput(): Promise<{ mock: ThroughputResult; bare: ThroughputResult; prism: ThroughputResult }> {
  const kinds: ServerKind[] = [mockCli, bareNodeHttp, prismCli];
  const servers: RunningServer[] = [];
  try {
    for (const kind of kinds) servers.push(await startServer(kind));
    const [mock, , prism] = servers as [RunningServer, RunningServer, RunningServer];
    // Warm-up (JIT, the mock's cache, each operation's compiled schemas): not recorded.
    for (const server of servers) await loadSample({ url: server.url, connections: 10, seconds: 1, maxRequests: maxRequestsPerSlice });
    for (const server of [mock, prism])
      await loadSample({ url: server.url, connections: 64, seconds: 1, maxRequests: maxRequestsPerSlice, mixed: true });

    const at10 = await inTurns(servers, { connections: 10 });
    const at64 = await inTurns(servers, { connections: 64 });
    const [mockMixed, prismMixed] = await inTurns([mock, prism], { connections: 64, mixed: true });
    const [mockMixedCsv, prismMixedCsv] = await inTurns([mock, prism], { connections: 64, mixed: true, mixOf: csvExportRequests });
    return {
      mock: { name: mockCli.name, same: [at10[0]!, at64[0]!], mixed: mockMixed!, mixedCsv: mockMixedCsv! },
      bare: { name: bareNodeHttp.name, same: [at10[1]!, at64[1]!] },
      prism: { name: prismCli.name, same: [at10[2]!, at64[2]!], mixed: prismMixed!, mixedCsv: prismMixedCsv! },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
