import { type LoadResult, runLoad } from '../load.ts';
import { rssOf, sleep } from '../processes.ts';
import { mockCliCollectingGarbage, startServer } from '../servers.ts';

export interface SoakResult {
  run: LoadResult;
  warmUpRequests: number;
  rssAfterWarmUpBytes: number;
  rssPeakBytes: number;
  rssAfterBytes: number;
}

const connections = 64;
/**
 * Half of the mix's requests have new bodies, so the warm-up sends more new bodies than the
 * mock's response cache keeps answers: its bounded caches are full before the run, and memory
 * that still grows during the run is memory that does not settle.
 */
const warmUpRequests = 10_000;
const requests = 20_000;
/** Long enough for 20,000 requests even at Prism's pace on a busy machine; the run stops there regardless. */
const maxSeconds = 120;

/** How long to wait, at most, for a process to give memory back once it is idle. */
const settleLimitMs = 40_000;
const settlePollMs = 500;
/**
 * The mock's render threads stop after 10 s without a file to write, and give back their
 * memory; RSS is not settled before they have.
 */
const threadsIdleMs = 12_000;
/** RSS that has held within a megabyte for this long, once the threads have stopped, has settled. */
const settledForMs = 3_000;
const MB = 1024 * 1024;

/**
 * Resident memory once the process has been idle long enough to give back what it no longer
 * uses, so that what is left is what it keeps. Under load V8 lets its heaps grow well past what
 * is live, and collects an idle heap only if its memory reducer was set off by a full
 * collection during the load, which happens in some runs and not in others (and did not, in
 * these runs, for the mock's main thread once its files were written in threads); read as it is, RSS measured
 * when V8 chose to collect. So the process is asked to collect its garbage (SIGUSR2; see
 * servers/collect-garbage-on-signal.ts) before every reading, and the lowest RSS is taken, over
 * up to 40 s, ending once the render threads have stopped and RSS has held for 3 s.
 */
async function settledRss(pid: number): Promise<number> {
  const started = performance.now();
  let lowest = Number.POSITIVE_INFINITY;
  let lowestSince = started;
  while (performance.now() - started < settleLimitMs) {
    process.kill(pid, 'SIGUSR2');
    await sleep(settlePollMs);
    const now = rssOf(pid);
    if (now < lowest - MB) {
      lowest = now;
      lowestSince = performance.now();
    } else if (performance.now() - started >= threadsIdleMs && performance.now() - lowestSince >= settledForMs) break;
  }
  return lowest;
}

/**
 * 20,000 export requests (a mix of repeats and new bodies over every export) at 64 connections
 * against the mock's CLI, with its resident memory after a warm-up, at its peak and after the run.
 */
export async function measureSoak(): Promise<SoakResult> {
  const server = await startServer(mockCliCollectingGarbage);
  const pid = server.child.pid!;
  try {
    await runLoad({ url: server.url, connections, seconds: maxSeconds, maxRequests: warmUpRequests, mixed: true });
    const rssAfterWarmUpBytes = await settledRss(pid);
    let rssPeakBytes = rssAfterWarmUpBytes;
    const sampler = setInterval(() => (rssPeakBytes = Math.max(rssPeakBytes, rssOf(pid))), 100);
    const run = await runLoad({ url: server.url, connections, seconds: maxSeconds, maxRequests: requests, mixed: true }).finally(() =>
      clearInterval(sampler),
    );
    return { run, warmUpRequests, rssAfterWarmUpBytes, rssPeakBytes, rssAfterBytes: await settledRss(pid) };
  } finally {
    await server.stop();
  }
}
