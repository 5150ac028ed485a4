import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createTogglExportsClient, TogglApiError, type TogglCredentials, TogglExportsError, TogglNetworkError } from '../src/index.js';
import { dropConnection, json, type Reply, startTestServer, type TestServer, text } from './support/test-server.js';

const body = { start_date: '2026-10-01', end_date: '2026-10-31' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(reply: Reply, credentials: TogglCredentials = { apiToken: 'token' }): Promise<unknown> {
  server = await startTestServer(reply);
  const client = createTogglExportsClient(credentials, { baseUrl: server.url, retry: false });
  return client.exportSummaryReport({ workspaceId: 99, format: 'xlsx', body }).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('TogglApiError', () => {
  it('tells an exhausted quota (402 with quota headers) from a plan without the feature (402 without)', async () => {
    const quota = (await failure(
      json(402, "Quota exceeded: You've used 31 / 30 requests from user specific requests quota", {
        'x-toggl-quota-remaining': '0',
        'x-toggl-quota-resets-in': '1800',
      }),
    )) as TogglApiError;
    expect(quota).toBeInstanceOf(TogglApiError);
    expect(quota).toMatchObject({
      status: 402,
      reason: 'quota_exhausted',
      quotaRemaining: 0,
      quotaResetsInSeconds: 1800,
      retryAfterSeconds: undefined,
      serverMessage: "Quota exceeded: You've used 31 / 30 requests from user specific requests quota",
    });

    const feature = (await failure(json(402, 'Workspace needs to have this feature enabled'))) as TogglApiError;
    expect(feature).toMatchObject({
      status: 402,
      reason: 'feature_not_enabled',
      quotaRemaining: undefined,
      quotaResetsInSeconds: undefined,
      serverMessage: 'Workspace needs to have this feature enabled',
    });
    expect(feature.message).toBe(
      'exportSummaryReport failed with HTTP 402 (feature_not_enabled): Workspace needs to have this feature enabled',
    );
  });

  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [502, 'server_error'],
    [418, 'unexpected_status'],
  ])('names HTTP %i as %s', async (status, reason) => {
    const error = (await failure(json(status, 'message'))) as TogglApiError;
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(status);
  });

  it('carries the operation, the status and the message Toggl sent as a JSON string', async () => {
    const error = (await failure(json(400, 'Invalid workspace id'))) as TogglApiError;
    expect(error).toBeInstanceOf(TogglExportsError);
    expect(error.name).toBe('TogglApiError');
    expect(error.operationId).toBe('exportSummaryReport');
    expect(error.serverMessage).toBe('Invalid workspace id');
    expect(error.attempts).toBe(1);
    expect(error.message).toBe('exportSummaryReport failed with HTTP 400 (bad_request): Invalid workspace id');
  });

  it('reads the rate-limit facts of a 429', async () => {
    const error = (await failure(json(429, 'Too Many Requests', { 'retry-after': '12' }))) as TogglApiError;
    expect(error).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 12 });
    expect(error.message).toContain('retry after 12 s');
  });

  it('uses a non-JSON body as the message, shortened', async () => {
    const html = `<html><body>${'Bad gateway '.repeat(100)}</body></html>`;
    const error = (await failure(text(502, html))) as TogglApiError;
    expect(error.serverMessage.startsWith('<html><body>Bad gateway')).toBe(true);
    expect(error.serverMessage.length).toBe(301);
    expect(error.serverMessage.endsWith('…')).toBe(true);
  });

  it('uses the status text when the body is empty', async () => {
    const error = (await failure((_, response) => void response.writeHead(503).end())) as TogglApiError;
    expect(error.serverMessage).toBe('Service Unavailable');
  });

  it('takes `message` from a JSON object body', async () => {
    const error = (await failure(json(500, { message: 'database unavailable', code: 17 }))) as TogglApiError;
    expect(error.serverMessage).toBe('database unavailable');
  });
});

describe('TogglNetworkError', () => {
  it('says the server could not be reached and keeps the cause', async () => {
    const error = (await failure(dropConnection)) as TogglNetworkError;
    expect(error).toBeInstanceOf(TogglNetworkError);
    expect(error.name).toBe('TogglNetworkError');
    expect(error.message).toMatch(/^exportSummaryReport could not reach Toggl: fetch failed/);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('names a refused connection', async () => {
    const closed = await startTestServer();
    const { url } = closed;
    await closed.close();
    const client = createTogglExportsClient({ apiToken: 'token' }, { baseUrl: url, retry: false });
    const error = await client.exportWeeklyReportCsv({ workspaceId: 1, body }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe('credentials never appear in errors', () => {
  const apiToken = '1971800d4d82861d8f2c1651fea4d212';
  const password = 'correct horse battery staple';
  const forms: [string, TogglCredentials, string[]][] = [
    ['an API token', { apiToken }, [apiToken, Buffer.from(`${apiToken}:api_token`).toString('base64')]],
    ['a login', { email: 'ann@example.com', password }, [password, Buffer.from(`ann@example.com:${password}`).toString('base64')]],
  ];

  /** Everything an error shows or serialises, its causes included. */
  function everythingIn(error: unknown): string {
    const seen: string[] = [];
    for (
      let current = error as Error | undefined, depth = 0;
      current && depth < 10;
      current = current.cause as Error | undefined, depth++
    ) {
      seen.push(
        String(current),
        current.message,
        String(current.stack),
        JSON.stringify(current),
        inspect(current, { depth: 10, showHidden: true }),
      );
    }
    return seen.join('\n');
  }

  /** Sends the request's Authorization header back in the error body, as a careless proxy might. */
  const echoAuthorization: Reply = (request, response) => {
    const header = String(request.headers.authorization);
    const decoded = Buffer.from(header.replace('Basic ', ''), 'base64').toString('utf8');
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(`Rejected ${header} (${decoded})`));
  };

  it.each(forms)('with %s: not in an API error, even when the server echoes the Authorization header', async (_, credentials, secrets) => {
    const error = await failure(echoAuthorization, credentials);
    expect(error).toBeInstanceOf(TogglApiError);
    expect((error as TogglApiError).serverMessage).toContain('Rejected Basic [redacted]');
    const shown = everythingIn(error);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it.each(forms)('with %s: not in a network error', async (_, credentials, secrets) => {
    const error = await failure(dropConnection, credentials);
    expect(error).toBeInstanceOf(TogglNetworkError);
    const shown = everythingIn(error);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it.each(forms)('with %s: not in a network error whose cause quotes the request headers', async (_, credentials, secrets) => {
    const leakyFetch: typeof fetch = (_input, init) =>
      Promise.reject(new Error('socket hang up', { cause: new Error(`while sending ${JSON.stringify(init?.headers)}`) }));
    const client = createTogglExportsClient(credentials, { baseUrl: 'http://127.0.0.1:9', fetch: leakyFetch, retry: false });
    const error = await client.exportWeeklyReportCsv({ workspaceId: 1, body }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TogglNetworkError);
    expect((error as Error).message).toContain('[redacted]');
    const shown = everythingIn(error);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });

  it.each(forms)(
    'with %s: not in the error of a download cut off with a message that quotes the request headers',
    async (_, credentials, secrets) => {
      const cutOffFetch: typeof fetch = async (_input, init) => {
        const { authorization } = (init?.headers ?? {}) as Record<string, string>;
        const decoded = Buffer.from(String(authorization).replace('Basic ', ''), 'base64').toString('utf8');
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('User,Project\n'));
            controller.error(new Error(`connection reset while sending ${authorization} (${decoded})`));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/csv' } });
      };
      const client = createTogglExportsClient(credentials, { baseUrl: 'http://127.0.0.1:9', fetch: cutOffFetch, retry: false });
      const exported = await client.exportWeeklyReportCsv({ workspaceId: 1, body });
      const error = await exported.text().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TogglNetworkError);
      expect((error as Error).message).toMatch(
        /^exportWeeklyReportCsv could not reach Toggl: the file was cut off while downloading \(connection reset while sending Basic \[redacted\]/,
      );
      expect((error as Error).cause).toBeUndefined();
      const shown = everythingIn(error);
      for (const secret of secrets) expect(shown).not.toContain(secret);
    },
  );
});
