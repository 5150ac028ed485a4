// Cross-package: the client's retries, timeouts and cut-off downloads (this package) against the
// faults, limits and latency of the real mock server (@toggl-exports/mock-server), over HTTP. Each
// case reads the mock's journal to see what really went over the wire. test/retry.test.ts covers
// the same rules against a hand-written server, where each answer can be shaped byte by byte.
import { type MockServer, type MockServerOptions, startMockServer } from '@toggl-exports/mock-server';
import { connectMockServer } from '@toggl-exports/mock-server/control';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createTogglExportsClient,
  type RetryEvent,
  type RetryOptions,
  TogglApiError,
  TogglNetworkError,
  TogglTimeoutError,
} from '../src/index.js';

const body = { start_date: '2026-10-05', end_date: '2026-10-11' };
const exportPaths = '/reports/*';

const mocks: MockServer[] = [];
async function start(options: MockServerOptions = {}): Promise<MockServer> {
  const mock = await startMockServer({ port: 0, ...options });
  mocks.push(mock);
  return mock;
}
afterAll(() => Promise.all(mocks.map((mock) => mock.close())));

/** A client of `mock` with quick backoff, recording its retries; each test signs in as its own user. */
function clientOf(mock: MockServer, { retry = {}, timeout }: { retry?: RetryOptions | false; timeout?: number } = {}) {
  const retries: RetryEvent[] = [];
  const client = createTogglExportsClient(
    { apiToken: `token-${Math.random().toString(36).slice(2)}` },
    {
      baseUrl: mock.url,
      ...(timeout !== undefined && { timeout }),
      retry: retry && { baseDelayMs: 1, maxDelayMs: 5, onRetry: (event) => retries.push(event), ...retry },
    },
  );
  const call = (options: { timeout?: number } = {}) => client.exportWeeklyReportCsv({ workspaceId: 1, body, ...options });
  return { client, retries, call };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

/** Status (or fault) of each export request the mock saw, oldest first. */
const journalOf = (mock: MockServer) => mock.requests({ path: exportPaths }).map(({ status, fault }) => (fault ? `${fault}` : status));

describe('client retries against the mock server’s faults', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await start();
  }, 60_000);
  beforeEach(() => {
    mock.resetRequests();
    mock.resetFaults();
  });

  it('retries a 503 and gets the file: the journal shows both requests', async () => {
    mock.failNext('503');
    const { retries, call } = clientOf(mock);
    const file = await call();
    expect((await file.text()).length).toBeGreaterThan(0);
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toMatchObject({ status: 503, reason: 'server_error', serverMessage: 'Service Unavailable' });
    expect(journalOf(mock)).toEqual(['503', 200]);
    // The same request both times.
    const [first, second] = mock.requests({ path: exportPaths });
    expect(second?.body).toEqual(first?.body);
    expect(second?.headers.accept).toBe(first?.headers.accept);
  });

  it('queues faults over HTTP too, with connectMockServer', async () => {
    const control = connectMockServer(mock.url);
    await control.failNext('502', 2);
    const { retries, call } = clientOf(mock);
    await (await call()).text();
    expect(retries.map((event) => (event.error as TogglApiError).status)).toEqual([502, 502]);
    expect((await control.requests({ path: exportPaths })).map((entry) => entry.fault ?? entry.status)).toEqual(['502', '502', 200]);
  });

  it('retries a dropped connection as a network error', async () => {
    mock.failNext('drop');
    const { retries, call } = clientOf(mock);
    await (await call()).text();
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toBeInstanceOf(TogglNetworkError);
    expect(retries[0]?.error.message).toMatch(/^exportWeeklyReportCsv could not reach Toggl: fetch failed/);
    expect(journalOf(mock)).toEqual(['drop', 200]);
    expect(mock.requests({ path: exportPaths })[0]?.status).toBeUndefined();
  });

  it('gives up with a TogglNetworkError once every retry was dropped', async () => {
    mock.failNext('drop', 3);
    const { call } = clientOf(mock, { retry: { retries: 2 } });
    const error = await rejection(call());
    expect(error).toBeInstanceOf(TogglNetworkError);
    expect(error).toMatchObject({ attempts: 3 });
    expect((error as Error).message).toMatch(/\(after 3 attempts\)$/);
    expect(journalOf(mock)).toEqual(['drop', 'drop', 'drop']);
  });

  it('reports a truncated body as a TogglNetworkError when the file is read, without sending the request again', async () => {
    mock.failNext('truncate');
    const { retries, call } = clientOf(mock);
    const file = await call(); // the status and headers arrived whole
    const error = await rejection(file.text());
    expect(error).toBeInstanceOf(TogglNetworkError);
    expect(error).toMatchObject({ attempts: 1 });
    expect((error as Error).message).toMatch(/^exportWeeklyReportCsv could not reach Toggl: the file was cut off while downloading \(/);
    expect(retries).toEqual([]);
    expect(journalOf(mock)).toEqual(['truncate']);
  });
});

describe('client timeouts against the mock server’s latency', () => {
  it('fails with a TogglTimeoutError when the answer takes longer than the timeout', async () => {
    const slow = await start({ latencyMs: 1000 });
    const { retries, call } = clientOf(slow, { timeout: 150 });
    const started = performance.now();
    const error = await rejection(call());
    expect(error).toBeInstanceOf(TogglTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150 });
    expect(performance.now() - started).toBeLessThan(900);
    expect(retries).toEqual([]);
    // The mock notices that the client hung up once its delay is over; nothing was answered.
    await vi.waitFor(() => expect(slow.requests({ path: exportPaths }).map((entry) => entry.status)).toEqual([undefined]), {
      timeout: 3000,
    });
  });

  it('gets the file when the timeout leaves room for the latency', async () => {
    const slow = await start({ latencyMs: 200 });
    const { call } = clientOf(slow, { timeout: 5000 });
    expect((await (await call()).text()).length).toBeGreaterThan(0);
    expect(slow.requests({ path: exportPaths })[0]?.durationMs).toBeGreaterThanOrEqual(190);
  });
});

describe('client retries against the mock server’s rate limit and quota', () => {
  it('waits the Retry-After of a 429 from the rate limit, then gets the file', async () => {
    const limited = await start({ rateLimit: true });
    const { retries, call } = clientOf(limited, { retry: { maxRetryAfterMs: 5000 } });
    await (await call()).text(); // the one request a second
    await (await call()).text();
    expect(retries.map(({ attempt, delayMs }) => ({ attempt, delayMs }))).toEqual([{ attempt: 1, delayMs: 1000 }]);
    expect(retries[0]?.error).toMatchObject({ status: 429, reason: 'rate_limited', retryAfterSeconds: 1 });
    const journal = limited.requests({ path: exportPaths });
    expect(journal.map((entry) => entry.status)).toEqual([200, 429, 200]);
    expect(Date.parse(journal[2]!.receivedAt) - Date.parse(journal[1]!.receivedAt)).toBeGreaterThanOrEqual(990);
  });

  it('fails at once on a 429 whose Retry-After is beyond maxRetryAfterMs, saying when to come back', async () => {
    const limited = await start({ rateLimit: { perSecond: 0.1 } });
    const { retries, call } = clientOf(limited, { retry: { maxRetryAfterMs: 5000 } });
    await (await call()).text();
    const error = await rejection(call());
    expect(error).toBeInstanceOf(TogglApiError);
    expect(error).toMatchObject({ status: 429, attempts: 1, retryAfterSeconds: 10 });
    expect(retries).toEqual([]);
    expect(limited.requests({ path: exportPaths }).map((entry) => entry.status)).toEqual([200, 429]);
  });

  it('does not retry a 402 from a used-up quota that resets later than maxRetryAfterMs', async () => {
    const quota = await start({ quota: 'free' });
    const { retries, call } = clientOf(quota); // maxRetryAfterMs 60 000; the free quota resets within the hour
    for (let request = 0; request < 30; request++) {
      const file = await call();
      await file.text();
      expect(file.headers.get('x-toggl-quota-remaining')).toBe(String(29 - request));
    }
    const error = await rejection(call());
    expect(error).toBeInstanceOf(TogglApiError);
    expect(error).toMatchObject({ status: 402, reason: 'quota_exhausted', attempts: 1, quotaRemaining: 0 });
    expect((error as TogglApiError).quotaResetsInSeconds).toBeGreaterThan(60);
    expect((error as TogglApiError).serverMessage).toMatch(/31 \/ 30/);
    expect(retries).toEqual([]);
    expect(quota.requests({ path: exportPaths, status: 402 })).toHaveLength(1);
  });

  it('retries a 402 from a used-up quota that resets within maxRetryAfterMs', async () => {
    const quota = await start({ quota: { limit: 1, windowSeconds: 2 } });
    const { retries, call } = clientOf(quota, { retry: { maxRetryAfterMs: 5000 } });
    await (await call()).text();
    await (await call()).text();
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toMatchObject({ status: 402, reason: 'quota_exhausted', quotaRemaining: 0 });
    const wait = (retries[0]!.error as TogglApiError).quotaResetsInSeconds ?? 0;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(retries[0]!.delayMs).toBe(wait * 1000);
    expect(quota.requests({ path: exportPaths }).map((entry) => entry.status)).toEqual([200, 402, 200]);
  });
});
