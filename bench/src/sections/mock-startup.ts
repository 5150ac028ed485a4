import { bareNodeHttp, mockCli, prismCli, type ServerKind, startServer } from '../servers.ts';
import { median } from '../stats.ts';

export interface StartupResult {
  name: string;
  /** Milliseconds from spawn to the first 200, one per start. */
  runs: number[];
  medianMs: number;
}

const rounds = 5;
/** The Prism CLI takes seconds to start; three of its starts are enough for a median. */
const prismRounds = 3;

/** Process start to first 200 for the mock's CLI, next to bare node:http and the Prism CLI, taking turns. */
export async function measureStartup(): Promise<{ mock: StartupResult; bare: StartupResult; prism: StartupResult }> {
  const runs = new Map<ServerKind, number[]>([
    [mockCli, []],
    [bareNodeHttp, []],
    [prismCli, []],
  ]);
  for (let round = 0; round < rounds; round++) {
    for (const kind of round < prismRounds ? [mockCli, bareNodeHttp, prismCli] : [mockCli, bareNodeHttp]) {
      const server = await startServer(kind);
      runs.get(kind)!.push(server.msToFirst200);
      await server.stop();
    }
  }
  const result = (kind: ServerKind): StartupResult => ({ name: kind.name, runs: runs.get(kind)!, medianMs: median([...runs.get(kind)!]) });
  return { mock: result(mockCli), bare: result(bareNodeHttp), prism: result(prismCli) };
}
