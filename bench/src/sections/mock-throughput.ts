import { csvExportRequests, detailedCsv, jsonHeaders } from '../exports.ts';
import { type LoadOptions, type LoadResult, type LoadSample, loadSample, summarizeLoad } from '../load.ts';
import { cpuMsOf } from '../processes.ts';
import {
  bareNodeHttp,
  mockCli,
  mockCliWithoutJournalOrCors,
  mockCliWithoutRenderThreads,
  prismCli,
  type RunningServer,
  type ServerKind,
  startServer,
} from '../servers.ts';
import { median } from '../stats.ts';

/** CPU time per 2xx answer, in microseconds, over a server's slices. */
export interface CpuPerRequest {
  /** The server's process, every thread of it. */
  server: number;
  /** The load generator: autocannon, in the bench's own process, on the same cores. */
  loadGenerator: number;
}

export interface ThroughputResult {
  name: string;
  /** The same request over and over, at 10 and at 64 connections. */
  same: LoadResult[];
  /** A mix of repeated and never-seen requests over every export, at 64 connections (not for the bare server, which ignores requests). */
  mixed?: LoadResult & { cpuUsPerRequest: CpuPerRequest };
  /** The same mix over the CSV exports only: the part of `mixed` that needs neither the XLSX nor the PDF writer. */
  mixedCsv?: LoadResult & { cpuUsPerRequest: CpuPerRequest };
  /** The same mix with every file written in the server's own thread (`--render-threads 0`). */
  mixedWithoutThreads?: LoadResult;
}

/** What the mock's request journal and CORS headers cost on the repeated request, at one number of connections. */
export interface JournalAndCorsCost {
  connections: number;
  /** The mock's CLI with its defaults (a journal of 1000, CORS for any origin), every request with an `Origin` header. */
  defaults: LoadResult;
  /** The same CLI with `--journal-size 0 --no-cors`, sent the very same requests. */
  without: LoadResult;
  /** Per round, the defaults' req/s over the baseline's: the two slices of a round run back to back. */
  roundRatios: number[];
  /** How many fresh pairs of processes the rounds ran in. */
  processPairs: number;
  /** The median of `roundRatios`: what the target is checked against. */
  medianRatio: number;
  /** The server processes' CPU time per 2xx answer over their slices, in microseconds: what the machine's other work moves least. */
  cpuUsPerRequest: { defaults: number; without: number };
}

/** Each figure is this many one-second slices per server, the servers taking turns, so a busy moment on the machine touches all of them. */
const rounds = 5;
/**
 * The journal-and-CORS comparison looks for a difference of a couple of percent, about what two
 * processes of the very same CLI differ by (how their code got compiled, where their memory
 * lies), so it runs in fresh pairs of processes, each pair taking turns for a few rounds.
 */
const costPairs = 4;
const roundsPerPair = 4;
const costConnections = [10, 64];
const maxRequestsPerSlice = 100_000;

/** The origin the journal-and-CORS comparison's requests come from, as a web app's dev server would. */
const browserOrigin = 'http://localhost:5173';

type TurnOptions = Pick<LoadOptions, 'connections' | 'mixed' | 'mixOf' | 'origin'>;

/** A slice's figures, with the CPU time the server's process and the load generator used meanwhile. */
interface TimedSample extends LoadSample {
  serverCpuMs: number;
  loadGeneratorCpuMs: number;
}

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** `turns` rounds of a one-second slice per server; each round starts with the next server, so none always goes first. */
async function samplesInTurns(servers: RunningServer[], options: TurnOptions, turns = rounds): Promise<TimedSample[][]> {
  const samples: TimedSample[][] = servers.map(() => []);
  for (let round = 0; round < turns; round++) {
    for (let turn = 0; turn < servers.length; turn++) {
      const index = (turn + round) % servers.length;
      const { url, child } = servers[index]!;
      const [serverBefore, ownBefore] = [cpuMsOf(child.pid!), ownCpuMs()];
      const sample = await loadSample({ url, seconds: 1, maxRequests: maxRequestsPerSlice, ...options });
      samples[index]!.push({ ...sample, serverCpuMs: cpuMsOf(child.pid!) - serverBefore, loadGeneratorCpuMs: ownCpuMs() - ownBefore });
    }
  }
  return samples;
}

const inTurns = async (servers: RunningServer[], options: TurnOptions): Promise<LoadResult[]> =>
  (await samplesInTurns(servers, options)).map(summarizeLoad);

const okPerSecond = (sample: LoadSample) => sample.ok / sample.seconds;
const cpuUsPerOk = (samples: TimedSample[], cpuMs: (sample: TimedSample) => number = (sample) => sample.serverCpuMs) =>
  (1000 * samples.reduce((total, sample) => total + cpuMs(sample), 0)) / samples.reduce((total, sample) => total + sample.ok, 0);
const withCpu = (samples: TimedSample[]): LoadResult & { cpuUsPerRequest: CpuPerRequest } => ({
  ...summarizeLoad(samples),
  cpuUsPerRequest: { server: cpuUsPerOk(samples), loadGenerator: cpuUsPerOk(samples, (sample) => sample.loadGeneratorCpuMs) },
});

/** Slices of the mock with its defaults (`ours`) and with the journal and CORS off (`theirs`), round by round. */
interface PairedSamples {
  ours: TimedSample[];
  theirs: TimedSample[];
}

function costOf(connections: number, { ours, theirs }: PairedSamples): JournalAndCorsCost {
  const roundRatios = ours.map((sample, round) => okPerSecond(sample) / okPerSecond(theirs[round]!));
  return {
    connections,
    defaults: summarizeLoad(ours),
    without: summarizeLoad(theirs),
    roundRatios,
    processPairs: costPairs,
    medianRatio: median([...roundRatios]),
    cpuUsPerRequest: { defaults: cpuUsPerOk(ours), without: cpuUsPerOk(theirs) },
  };
}

/**
 * The mock with its defaults and the mock with the journal and CORS off, sent the same repeated
 * request with an `Origin` header, in `costPairs` fresh pairs of processes started when nothing
 * else runs. A pair takes turns slice by slice; each round's two slices run back to back, so their
 * ratio cancels what the machine does meanwhile, and the median over every pair's rounds leaves
 * out a round that a busy moment hit in one slice only.
 */
async function journalAndCorsCosts(): Promise<JournalAndCorsCost[]> {
  const collected = costConnections.map((): PairedSamples => ({ ours: [], theirs: [] }));
  for (let pair = 0; pair < costPairs; pair++) {
    const servers: RunningServer[] = [];
    try {
      for (const kind of [mockCli, mockCliWithoutJournalOrCors]) servers.push(await startServer(kind));
      const [defaults, without] = servers as [RunningServer, RunningServer];
      await checkJournalAndCors(defaults, without);
      // Warm-up (JIT, the mock's cache, the journal filled to its size): not recorded.
      for (const server of servers)
        await loadSample({ url: server.url, connections: 10, seconds: 1, maxRequests: maxRequestsPerSlice, origin: browserOrigin });
      for (const [index, connections] of costConnections.entries()) {
        const [ours, theirs] = (await samplesInTurns(servers, { connections, origin: browserOrigin }, roundsPerPair)) as [
          TimedSample[],
          TimedSample[],
        ];
        collected[index]!.ours.push(...ours);
        collected[index]!.theirs.push(...theirs);
      }
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  }
  return costConnections.map((connections, index) => costOf(connections, collected[index]!));
}

/** Fails unless the two mocks do what their options say: CORS headers and a journal from the defaults, neither from the other. */
async function checkJournalAndCors(defaults: RunningServer, without: RunningServer): Promise<void> {
  for (const [server, expected] of [
    [defaults, true],
    [without, false],
  ] as const) {
    const response = await fetch(`${server.url}${detailedCsv.path}`, {
      method: 'POST',
      headers: { ...jsonHeaders, origin: browserOrigin },
      body: JSON.stringify(detailedCsv.body),
      signal: AbortSignal.timeout(5000),
    });
    await response.arrayBuffer();
    const allowOrigin = response.headers.get('access-control-allow-origin');
    const journal = (await (await fetch(`${server.url}/__mock/requests`, { signal: AbortSignal.timeout(5000) })).json()) as unknown[];
    if (response.status !== 200 || (allowOrigin === '*') !== expected || journal.length > 0 !== expected)
      throw new Error(
        `${server.url} answered ${response.status} with Access-Control-Allow-Origin ${allowOrigin} and ${journal.length} journal entries;` +
          ` expected CORS and a journal ${expected ? 'on' : 'off'}`,
      );
  }
}

/** What `measureThroughput` gives: each server's figures, and the journal-and-CORS comparison at 10 and 64 connections. */
export interface ThroughputResults {
  mock: ThroughputResult;
  bare: ThroughputResult;
  prism: ThroughputResult;
  journalAndCors: JournalAndCorsCost[];
}

/**
 * Requests per second and latency of the mock's CLI, next to bare node:http sending the same
 * bytes and the Prism CLI, each in its own process; and the mock's CLI with its defaults next to
 * the same CLI with the journal and CORS off.
 */
export async function measureThroughput(): Promise<ThroughputResults> {
  const kinds: ServerKind[] = [mockCli, bareNodeHttp, prismCli, mockCliWithoutRenderThreads];
  const servers: RunningServer[] = [];
  let figures: Omit<ThroughputResults, 'journalAndCors'>;
  try {
    for (const kind of kinds) servers.push(await startServer(kind));
    const [mock, bare, prism, mockWithoutThreads] = servers as [RunningServer, RunningServer, RunningServer, RunningServer];
    // Warm-up (JIT, the mock's cache, each operation's compiled schemas): not recorded.
    for (const server of [mock, bare, prism])
      await loadSample({ url: server.url, connections: 10, seconds: 1, maxRequests: maxRequestsPerSlice });
    for (const server of [mock, prism, mockWithoutThreads])
      await loadSample({ url: server.url, connections: 64, seconds: 1, maxRequests: maxRequestsPerSlice, mixed: true });

    const at10 = await inTurns([mock, bare, prism], { connections: 10 });
    const at64 = await inTurns([mock, bare, prism], { connections: 64 });
    const [mockMixed, prismMixed, mockMixedWithoutThreads] = (
      await samplesInTurns([mock, prism, mockWithoutThreads], { connections: 64, mixed: true })
    ).map(withCpu);
    const [mockMixedCsv, prismMixedCsv] = (
      await samplesInTurns([mock, prism], { connections: 64, mixed: true, mixOf: csvExportRequests })
    ).map(withCpu);
    figures = {
      mock: {
        name: mockCli.name,
        same: [at10[0]!, at64[0]!],
        mixed: mockMixed!,
        mixedCsv: mockMixedCsv!,
        mixedWithoutThreads: mockMixedWithoutThreads!,
      },
      bare: { name: bareNodeHttp.name, same: [at10[1]!, at64[1]!] },
      prism: { name: prismCli.name, same: [at10[2]!, at64[2]!], mixed: prismMixed!, mixedCsv: prismMixedCsv! },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  // After the others have stopped: an idle process that collects its garbage would take a core from a slice.
  return { ...figures, journalAndCors: await journalAndCorsCosts() };
}
