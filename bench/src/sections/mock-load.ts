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
const warmUpRequests = 2_000;
const requests = 20_000;
/** Long enough for 20,000 requests even at Prism's pace on a busy machine; the run stops there regardless. */
const maxSeconds = 120;

/** Resident memory once the process has been idle a moment, so what is left is what it keeps. */
async function settledRss(pid: number): Promise<number> {
  await sleep(1500);
  return rssOf(pid);
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
