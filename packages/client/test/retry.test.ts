import { afterEach, describe, expect, it } from 'vitest';
import { createTogglExportsClient, type RetryEvent, type RetryOptions, type TogglApiError, TogglNetworkError } from '../src/index.js';
import { dropConnection, file, json, type Reply, rejection, startTestServer, type TestServer, text } from './support/test-server.js';

const body = { start_date: '2026-10-01', end_date: '2026-10-31', project_ids: [7001, null], description: 'naïve “quotes”' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client against a fresh test server, with short backoff so tests stay quick, recording its retries. */
async function setup(retry: RetryOptions | false, ...replies: Reply[]) {
  server = await startTestServer(...replies);
  const retries: RetryEvent[] = [];
  const client = createTogglExportsClient(
    { apiToken: 't' },
    { baseUrl: server.url, retry: retry && { baseDelayMs: 1, maxDelayMs: 5, onRetry: (event) => retries.push(event), ...retry } },
  );
  const call = () => client.exportDetailedReport({ workspaceId: 42, format: 'csv', body });
  return { server, retries, call };
}

describe('retries', () => {
  it('retries a 429 after the seconds Retry-After asks for', async () => {
    const { server, retries, call } = await setup({}, json(429, 'Too Many Requests', { 'retry-after': '1' }), file('text/csv', 'ok\n'));
    const result = await call();
    expect(await result.text()).toBe('ok\n');
    expect(server.requests).toHaveLength(2);
    expect(retries.map(({ attempt, delayMs }) => ({ attempt, delayMs }))).toEqual([{ attempt: 1, delayMs: 1000 }]);
    expect(retries[0]?.error).toMatchObject({ reason: 'rate_limited' });
    // The wait really happened: the second request came no sooner than Retry-After allowed.
    expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    const { retries, call } = await setup({ maxRetryAfterMs: 0 }, json(429, 'Too Many Requests', { 'retry-after': inTwoSeconds }));
    const error = (await rejection(call())) as TogglApiError;
    expect(retries).toEqual([]);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(2);
  });

  it('retries a 503 and then succeeds, sending the same body each time', async () => {
    const { server, retries, call } = await setup(
      {},
      text(503, 'Service Unavailable'),
      text(503, 'Service Unavailable'),
      file('text/csv', 'ok\n'),
    );
    expect(await (await call()).text()).toBe('ok\n');
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(JSON.parse(request.body)).toEqual(body);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(body))));
    }
    expect(retries.map((event) => event.attempt)).toEqual([1, 2]);
  });

  it('backs off exponentially with full jitter: each wait is random, below base × 2^(attempt-1), capped', async () => {
    const { retries, call } = await setup({ retries: 4, baseDelayMs: 4, maxDelayMs: 10 }, text(500, 'boom'));
    const error = (await rejection(call())) as TogglApiError;
    expect(error.attempts).toBe(5);
    expect(error.message).toContain('(after 5 attempts)');
    const caps = [4, 8, 10, 10];
    expect(retries).toHaveLength(4);
    retries.forEach((event, index) => {
      expect(event.delayMs).toBeGreaterThanOrEqual(0);
      expect(event.delayMs).toBeLessThanOrEqual(caps[index] as number);
    });
  });

  it('retries when the connection drops, then gives up with a TogglNetworkError', async () => {
    const { server, retries, call } = await setup({ retries: 2 }, dropConnection);
    const error = await rejection(call());
    expect(error).toBeInstanceOf(TogglNetworkError);
    expect((error as TogglNetworkError).attempts).toBe(3);
    expect((error as Error).message).toMatch(/^exportDetailedReport could not reach Toggl: fetch failed/);
    expect(server.requests).toHaveLength(3);
    expect(retries).toHaveLength(2);
  });

  it('retries a dropped connection and succeeds on the next attempt', async () => {
    const { server, call } = await setup({}, dropConnection, file('text/csv', 'ok\n'));
    expect(await (await call()).text()).toBe('ok\n');
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 418])('never retries a %i', async (status) => {
    const { server, retries, call } = await setup({}, json(status, 'Invalid workspace id'), file('text/csv', 'ok\n'));
    const error = (await rejection(call())) as TogglApiError;
    expect(error.status).toBe(status);
    expect(server.requests).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('never retries a 402 feature-not-enabled', async () => {
    const { server, call } = await setup({}, json(402, 'Workspace needs to have this feature enabled'), file('text/csv', 'ok\n'));
    expect(((await rejection(call())) as TogglApiError).reason).toBe('feature_not_enabled');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 402 quota-exhausted when the quota resets within maxRetryAfterMs', async () => {
    const quota = json(402, "Quota exceeded: You've used 31 / 30 requests from user specific requests quota", {
      'x-toggl-quota-remaining': '0',
      'x-toggl-quota-resets-in': '0',
    });
    const { server, retries, call } = await setup({}, quota, file('text/csv', 'ok\n'));
    expect(await (await call()).text()).toBe('ok\n');
    expect(server.requests).toHaveLength(2);
    expect(retries[0]?.delayMs).toBe(0);
  });

  it('fails at once on a 402 quota-exhausted that resets later than maxRetryAfterMs, saying when', async () => {
    const quota = json(402, "Quota exceeded: You've used 31 / 30 requests from user specific requests quota", {
      'x-toggl-quota-remaining': '0',
      'x-toggl-quota-resets-in': '1800',
    });
    const { server, call } = await setup({ maxRetryAfterMs: 60_000 }, quota);
    const error = (await rejection(call())) as TogglApiError;
    expect(error.reason).toBe('quota_exhausted');
    expect(error.quotaResetsInSeconds).toBe(1800);
    expect(error.message).toContain('the quota resets in 1800 s');
    expect(server.requests).toHaveLength(1);
  });

  it('fails at once on a 429 whose Retry-After is beyond maxRetryAfterMs', async () => {
    const { server, call } = await setup({ maxRetryAfterMs: 5_000 }, json(429, 'Too Many Requests', { 'retry-after': '60' }));
    const error = (await rejection(call())) as TogglApiError;
    expect(error.retryAfterSeconds).toBe(60);
    expect(error.message).toContain('retry after 60 s');
    expect(server.requests).toHaveLength(1);
  });

  it('sends each request once with retry: false', async () => {
    const { server, call } = await setup(false, text(503, 'down'), file('text/csv', 'ok\n'));
    expect(((await rejection(call())) as TogglApiError).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it('stops after `retries` retries', async () => {
    const { server, call } = await setup({ retries: 1 }, json(429, 'Too Many Requests', { 'retry-after': '0' }));
    const error = (await rejection(call())) as TogglApiError;
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });
});
