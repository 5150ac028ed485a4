import { type LoadResult, runLoad } from '../load.ts';
import { rssOf, sleep } from '../processes.ts';
import { mockCli, startServer } from '../servers.ts';

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
/** RSS that has dropped by this share and then held for `settledForMs` has settled. */
const settledDrop = 0.1;
const settledForMs = 3_000;
const MB = 1024 * 1024;

/**
 * Resident memory once the process has been idle long enough to give back what it no longer
 * uses, so that what is left is what it keeps. Under load V8 lets its heap grow well past what
 * is live, and returns the pages only after some seconds of idling (its memory reducer: 10 to 25 s
 * here); read at once, RSS would measure that heap rather than anything the mock holds. The
 * lowest RSS over up to 40 s is taken, ending once it has dropped and then held for 3 s.
 */
async function settledRss(pid: number): Promise<number> {
  const started = performance.now();
  const first = rssOf(pid);
  let lowest = first;
  let lowestSince = started;
  while (performance.now() - started < settleLimitMs) {
    await sleep(settlePollMs);
    const now = rssOf(pid);
    if (now < lowest - MB) {
      lowest = now;
      lowestSince = performance.now();
    } else if (lowest <= first * (1 - settledDrop) && performance.now() - lowestSince >= settledForMs) break;
  }
  return lowest;
}

/**
 * 20,000 export requests (a mix of repeats and new bodies over every export) at 64 connections
 * against the mock's CLI, with its resident memory after a warm-up, at its peak and after the run.
 */
export async function measureSoak(): Promise<SoakResult> {
  const server = await startServer(mockCli);
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
