import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectMockServer } from '../src/control-client.ts';
import { RequestJournal } from '../src/journal.ts';
import { basicAuth } from './http.ts';
import { csvPath, exportBody, exportCsv, ownServer } from './own-server.ts';

const secret = 'correct horse battery';

describe('the request journal, in process', () => {
  it('records each request: order, time, method, path, query, headers, body, status and duration', async () => {
    const mock = await ownServer();
    const before = Date.now();
    await exportCsv(mock.url, { headers: { 'x-test': 'one' } });
    await fetch(`${mock.url}/reports/api/v3/nowhere?page=2&sort=asc`, {
      method: 'POST',
      body: 'not json',
      headers: { 'content-type': 'text/plain' },
    });
    const [first, second, ...rest] = mock.requests();
    expect(rest).toEqual([]);
    expect(Object.keys(first ?? {}).sort()).toEqual(
      ['sequence', 'receivedAt', 'method', 'path', 'query', 'headers', 'credentials', 'body', 'bodyBytes', 'status', 'durationMs'].sort(),
    );
    expect(first).toMatchObject({
      sequence: 1,
      method: 'POST',
      path: csvPath(),
      query: {},
      credentials: 'email_password',
      body: exportBody,
      status: 200,
    });
    expect(first?.headers).toMatchObject({ 'content-type': 'application/json', 'x-test': 'one', authorization: 'Basic ***' });
    expect(Date.parse(first?.receivedAt ?? '')).toBeGreaterThanOrEqual(before - 1);
    expect(first?.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first?.durationMs).toBeGreaterThan(0);
    expect(first).not.toHaveProperty('fault');
    expect(second).toMatchObject({
      sequence: 2,
      path: '/reports/api/v3/nowhere',
      query: { page: '2', sort: 'asc' },
      credentials: 'missing',
      body: 'not json', // not JSON: kept as text
      status: 404,
    });
  });

  it('masks credentials and cookies, keeping the scheme, and keeps them nowhere else', async () => {
    const mock = await ownServer();
    await exportCsv(mock.url, { authorization: basicAuth('ada@example.com', secret), headers: { cookie: `session=${secret}` } });
    await exportCsv(mock.url, { authorization: `Bearer ${secret}` });
    const [basic, bearer] = mock.requests();
    expect(basic?.headers).toMatchObject({ authorization: 'Basic ***', cookie: '***' });
    expect(bearer?.headers['authorization']).toBe('Bearer ***');
    const recorded = JSON.stringify(mock.requests());
    expect(recorded).not.toContain(secret);
    expect(recorded).not.toContain(Buffer.from(`ada@example.com:${secret}`).toString('base64'));
    expect(recorded).not.toContain('ada@example.com');
  });

  it('tells how each request signed in', async () => {
    const mock = await ownServer();
    const ways = {
      api_token: basicAuth('1971800d4d82861d8f2c1651fea4d212', 'api_token'),
      email_password: basicAuth('ada@example.com', secret),
      missing: null,
      malformed: 'Bearer abc',
      incorrect: basicAuth('', secret),
    };
    for (const authorization of Object.values(ways)) await exportCsv(mock.url, { authorization });
    expect(mock.requests().map((entry) => [entry.credentials, entry.status])).toEqual([
      ['api_token', 200],
      ['email_password', 200],
      ['missing', 401],
      ['malformed', 401],
      ['incorrect', 401],
    ]);
  });

  it('records a request refused for its size, with how it signed in but not its body', async () => {
    const mock = await ownServer({ maxBodyBytes: 10 });
    expect((await exportCsv(mock.url)).status).toBe(413);
    expect(mock.requests()).toMatchObject([{ status: 413, credentials: 'email_password', body: undefined }]);
  });

  it('keeps the start of a large body as text, with its whole size, and UTF-8 text intact', async () => {
    const mock = await ownServer();
    const large = JSON.stringify({ description: 'x'.repeat(100 * 1024) });
    await fetch(`${mock.url}${csvPath()}`, { method: 'POST', body: large, headers: { 'content-type': 'application/json' } });
    await fetch(`${mock.url}${csvPath()}`, {
      method: 'POST',
      body: JSON.stringify({ description: 'Café – 東京' }),
      headers: { 'content-type': 'application/json' },
    });
    const [big, small] = mock.requests();
    expect(big?.bodyBytes).toBe(Buffer.byteLength(large));
    expect(big?.body).toBe(large.slice(0, 64 * 1024));
    expect(small?.body).toEqual({ description: 'Café – 東京' });
    expect(small?.bodyBytes).toBe(Buffer.byteLength(JSON.stringify({ description: 'Café – 東京' })));
  });

  it('gives a body nested too deep to serialise again as its text, so the journal can still be read over HTTP', async () => {
    const mock = await ownServer();
    const deep = `{"nested":${'['.repeat(30_000)}${']'.repeat(30_000)}}`; // under the 64 KiB kept
    const shallow = `{"nested":${'['.repeat(99)}${']'.repeat(99)}}`;
    for (const body of [deep, shallow])
      await fetch(`${mock.url}${csvPath()}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const response = await fetch(`${mock.url}/__mock/requests`);
    expect(response.status).toBe(200);
    const [first, second] = (await response.json()) as { body: unknown }[];
    expect(first?.body).toBe(deep);
    expect(second?.body).toEqual(JSON.parse(shallow));
  });

  it('reads a small request right in a slot a large one held before', async () => {
    const mock = await ownServer({ journalSize: 1 });
    const large = JSON.stringify({ description: 'x'.repeat(4096) });
    await fetch(`${mock.url}${csvPath()}`, { method: 'POST', body: large, headers: { 'content-type': 'application/json' } });
    expect(mock.requests()[0]?.body).toEqual(JSON.parse(large));
    await exportCsv(mock.url);
    expect(mock.requests()).toMatchObject([{ sequence: 2, body: exportBody, path: csvPath() }]);
  });

  it("keeps each request's own headers when requests repeat or alternate them", async () => {
    const mock = await ownServer();
    for (const marker of ['one', 'one', 'two', 'one']) await exportCsv(mock.url, { headers: { 'x-marker': marker } });
    expect(mock.requests().map((entry) => entry.headers['x-marker'])).toEqual(['one', 'one', 'two', 'one']);
  });

  it('picks requests by method, path (exact or with *) and status', async () => {
    const mock = await ownServer();
    await exportCsv(mock.url, { workspaceId: 1 });
    await exportCsv(mock.url, { workspaceId: 2, authorization: null });
    await fetch(`${mock.url}${csvPath(3)}`); // GET: 405
    const paths = (filter: Parameters<typeof mock.requests>[0]) => mock.requests(filter).map((entry) => entry.path);
    expect(paths({ method: 'POST' })).toEqual([csvPath(1), csvPath(2)]);
    expect(paths({ method: 'get' })).toEqual([csvPath(3)]);
    expect(paths({ path: csvPath(2) })).toEqual([csvPath(2)]);
    expect(paths({ path: '/reports/api/v3/workspace/*/search/time_entries.csv' })).toEqual([csvPath(1), csvPath(2), csvPath(3)]);
    expect(paths({ path: '/reports/api/v3/workspace/*' })).toHaveLength(3);
    expect(paths({ path: '/reports/api/v3/workspace/1' })).toEqual([]); // exact unless a * says otherwise
    expect(paths({ path: '/reports/api/v3/workspace/1/search/time_entries?csv' })).toEqual([]); // ? and . are no patterns
    expect(paths({ status: 401 })).toEqual([csvPath(2)]);
    expect(paths({ method: 'POST', status: 200 })).toEqual([csvPath(1)]);
  });

  it('keeps the last journalSize requests, and sequence shows how many went before', async () => {
    const mock = await ownServer({ journalSize: 3 });
    for (const workspaceId of [1, 2, 3, 4, 5]) await exportCsv(mock.url, { workspaceId });
    expect(mock.requests().map((entry) => [entry.sequence, entry.path])).toEqual([
      [3, csvPath(3)],
      [4, csvPath(4)],
      [5, csvPath(5)],
    ]);
  });

  it('keeps nothing with journalSize 0', async () => {
    const mock = await ownServer({ journalSize: 0 });
    expect((await exportCsv(mock.url)).status).toBe(200);
    expect(mock.requests()).toEqual([]);
  });

  it('empties with resetRequests, and counts on from where it was', async () => {
    const mock = await ownServer();
    await exportCsv(mock.url);
    await exportCsv(mock.url);
    mock.resetRequests();
    expect(mock.requests()).toEqual([]);
    await exportCsv(mock.url, { workspaceId: 9 });
    expect(mock.requests().map((entry) => [entry.sequence, entry.path])).toEqual([[3, csvPath(9)]]);
  });
});

describe('the request journal, slot by slot', () => {
  // A slot keeps the bytes a repeated request shares with the last one (headers, path, query,
  // body) and writes only what changed: whatever the order, each entry must still be its own.
  const headerSets = [
    ['Host', 'mock', 'Content-Type', 'application/json'],
    ['Host', 'mock', 'Content-Type', 'text/plain'],
    ['Host', 'mock'],
    [],
  ];
  const paths = ['/one', '/two/a/longer/path'];
  const queries = ['', '?page=2'];
  const bodies = ['', '{"n":1}', '{"n":2}', 'x'.repeat(2000), 'y'.repeat(70 * 1024)];
  const request = fc.record({
    headers: fc.constantFrom(...headerSets),
    path: fc.constantFrom(...paths),
    query: fc.constantFrom(...queries),
    body: fc.constantFrom(...bodies),
  });
  type Sent = { headers: string[]; path: string; query: string; body: string };
  const expectedOf = ({ headers, path, query, body }: Sent) => ({
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    headers: Object.fromEntries(headers.flatMap((name, index) => (index % 2 === 0 ? [[name.toLowerCase(), headers[index + 1]]] : []))),
    body: body === '' ? undefined : body.startsWith('{') ? JSON.parse(body) : body.slice(0, 64 * 1024),
    bodyBytes: body.length,
  });

  it('gives back each request as sent, however requests repeat, alternate or change size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(request, { maxLength: 24 }), (size, sent) => {
        const journal = new RequestJournal(size);
        sent.forEach((one, index) => {
          // A fresh array and body each time, as each request has its own.
          const { headers, path, query, body } = one;
          journal.record(
            { method: 'POST', path, query, rawHeaders: [...headers], credentials: 'missing', body: Buffer.from(body), receivedAt: index },
            200,
            index,
          );
          expect(journal.entries().map(({ path, query, headers, body, bodyBytes }) => ({ path, query, headers, body, bodyBytes }))).toEqual(
            sent.slice(Math.max(0, index + 1 - size), index + 1).map(expectedOf),
          );
        });
      }),
    );
  });
});

describe('the request journal over HTTP', () => {
  it('serves the same entries at GET /__mock/requests, and does not journal its own requests', async () => {
    const mock = await ownServer();
    await exportCsv(mock.url);
    await fetch(`${mock.url}/__mock/requests`);
    await fetch(`${mock.url}/__mock/limits`, { method: 'DELETE' });
    const answer = await fetch(`${mock.url}/__mock/requests`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const entries = await answer.json();
    expect(entries).toEqual(JSON.parse(JSON.stringify(mock.requests())));
    expect(entries).toHaveLength(1);
  });

  it('filters by query parameters', async () => {
    const mock = await ownServer();
    await exportCsv(mock.url, { workspaceId: 1 });
    await exportCsv(mock.url, { workspaceId: 2, authorization: null });
    const paths = async (query: string) =>
      ((await (await fetch(`${mock.url}/__mock/requests?${query}`)).json()) as { path: string }[]).map((entry) => entry.path);
    expect(await paths('status=401')).toEqual([csvPath(2)]);
    expect(await paths(`path=${encodeURIComponent('/reports/*/1/*')}&method=post`)).toEqual([csvPath(1)]);
  });

  it('empties with DELETE /__mock/requests', async () => {
    const mock = await ownServer();
    await exportCsv(mock.url);
    const answer = await fetch(`${mock.url}/__mock/requests`, { method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(mock.requests()).toEqual([]);
  });

  it.each([
    ['status=abc', "Invalid 'status' value 'abc': expected an HTTP status such as 200"],
    ['status=2000', "Invalid 'status' value '2000': expected an HTTP status such as 200"],
    ['verb=GET', "Unknown filter 'verb': the journal filters by method, path, status"],
  ])('refuses the filter %s with 400', async (query, message) => {
    const mock = await ownServer();
    const answer = await fetch(`${mock.url}/__mock/requests?${query}`);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toBe(message);
  });

  it('answers 404 for an unknown control endpoint, and 405 with Allow for a wrong method', async () => {
    const mock = await ownServer();
    const unknown = await fetch(`${mock.url}/__mock/request`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toBe("Not found: the mock's own endpoints are /__mock/requests, /__mock/limits, /__mock/faults");
    const wrong = await fetch(`${mock.url}/__mock/requests`, { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, DELETE');
    expect(await wrong.json()).toBe('Method POST is not allowed on /__mock/requests: use GET, DELETE');
    const limits = await fetch(`${mock.url}/__mock/limits`);
    expect([limits.status, limits.headers.get('allow')]).toEqual([405, 'DELETE']);
    expect(mock.requests()).toEqual([]);
  });
});

describe('connectMockServer', () => {
  it('reads, filters and empties the journal of a server in another process', async () => {
    const mock = await ownServer();
    const control = connectMockServer(`${mock.url}/`); // a trailing slash is fine
    await exportCsv(mock.url, { workspaceId: 1 });
    await exportCsv(mock.url, { workspaceId: 2, authorization: null });
    expect(await control.requests()).toEqual(JSON.parse(JSON.stringify(mock.requests())));
    expect((await control.requests({ status: 401, method: 'POST' })).map((entry) => entry.path)).toEqual([csvPath(2)]);
    expect((await control.requests({ path: '/reports/api/v3/workspace/1/*' })).map((entry) => entry.path)).toEqual([csvPath(1)]);
    await control.resetRequests();
    expect(mock.requests()).toEqual([]);
  });

  it('queues and forgets faults, and starts the limits again', async () => {
    const mock = await ownServer({ quota: 1 });
    const control = connectMockServer(mock.url);
    await control.failNext('503', 2);
    expect((await exportCsv(mock.url)).status).toBe(503);
    await control.resetFaults();
    expect((await exportCsv(mock.url)).status).toBe(402); // the 503 counted against the quota of 1
    await control.resetLimits();
    expect((await exportCsv(mock.url)).status).toBe(200);
  });

  it("throws with the server's message when a control request fails", async () => {
    const mock = await ownServer();
    const control = connectMockServer(mock.url);
    await expect(control.failNext('418' as never)).rejects.toThrow(
      `POST ${mock.url}/__mock/faults failed with HTTP 400: Invalid 'fault' value, allowed values are: 'drop', 'truncate', '500', '502', '503', '504'`,
    );
    await expect(control.requests({ status: 99 })).rejects.toThrow("HTTP 400: Invalid 'status' value '99'");
  });

  it('uses the fetch it is given', async () => {
    const called: string[] = [];
    const control = connectMockServer('http://mock.test', {
      fetch: async (input, init) => {
        called.push(`${init?.method} ${String(input)}`);
        return new Response('[]', { status: 200 });
      },
    });
    expect(await control.requests({ method: 'GET' })).toEqual([]);
    await control.resetLimits();
    expect(called).toEqual(['GET http://mock.test/__mock/requests?method=GET', 'DELETE http://mock.test/__mock/limits']);
  });
});
