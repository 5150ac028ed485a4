import { median } from '../stats.ts';
import { bareNodeHttp, mockCli, prismCli, startServer, type ServerKind } from '../servers.ts';

export interface StartupResult {
  name: string;
  /** Milliseconds from spawn to the first 200, one per start. */
  runs: number[];
  medianMs: number;
}

async function timeStarts(kind: ServerKind, starts: number): Promise<StartupResult> {
  const runs: number[] = [];
  for (let index = 0; index < starts; index++) {
    const server = await startServer(kind);
    runs.push(server.msToFirst200);
    await server.stop();
  }
  return { name: kind.name, runs, medianMs: median([...runs]) };
}

/** Process start to first 200 for the mock's CLI, next to bare node:http and the Prism CLI. */
export async function measureStartup(): Promise<{ mock: StartupResult; bare: StartupResult; prism: StartupResult }> {
  return {
    mock: await timeStarts(mockCli, 5),
    bare: await timeStarts(bareNodeHttp, 5),
    prism: await timeStarts(prismCli, 3),
  };
}
