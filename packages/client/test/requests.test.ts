import spec from '@toggl-exports/openapi/openapi.json' with { type: 'json' };
import { exportCases, MEDIA_TYPES } from '@toggl-exports/spec-reader';
import { afterEach, describe, expect, it } from 'vitest';
import { createTogglExportsClient, type ExportOperationId, exportOperations, type TogglExportsClient } from '../src/index.js';
import { rawClient } from '../src/raw.js';
import { file, type Reply, startTestServer, type TestServer } from './support/test-server.js';

const { xlsx } = MEDIA_TYPES;
const period = { start_date: '2026-10-01', end_date: '2026-10-31' };

/** Echoes the Accept header back as the content type, like a server that picks the body's type by it. */
const echoAccept: Reply = (request, response) => {
  response.writeHead(200, { 'content-type': String(request.headers.accept) }).end('file body');
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every operation and format of the spec, with its example path parameters filled in. */
const calls = exportCases(spec).map((call) => ({ ...call, operationId: call.operationId as ExportOperationId }));

describe('requests', () => {
  it("has a method for every operation of the spec, in each of the spec's formats, and no other", () => {
    const methods = Object.entries(exportOperations).flatMap(([operationId, operation]) =>
      Object.keys(operation.formats).map((format) => `${operationId} ${format}`),
    );
    expect(methods).toEqual(calls.map(({ operationId, format }) => `${operationId} ${format}`));
  });

  it.each(calls)(
    '$operationId as $format: POSTs to the spec path with Accept: $mediaType',
    async ({ operationId, format, mediaType, path, parameters }) => {
      server = await startTestServer(echoAccept);
      const client = createTogglExportsClient({ apiToken: 'token-1' }, { baseUrl: server.url });
      const method = client[operationId] as (args: Record<string, unknown>) => ReturnType<(typeof client)['exportDetailedReport']>;
      const result = await method({
        workspaceId: Number(parameters['workspace_id']),
        reportToken: parameters['report_token'],
        format,
        body: period,
      });

      const [request] = server.requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe(path);
      expect(request?.headers.accept).toBe(mediaType);
      expect(request?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request?.body ?? '')).toEqual(period);
      expect(result.format).toBe(format);
      expect(result.contentType).toBe(mediaType);
      expect(await result.text()).toBe('file body');
    },
  );

  it('asks for XLSX when format is xlsx and CSV when it is csv', async () => {
    server = await startTestServer(echoAccept);
    const client = createTogglExportsClient({ apiToken: 't' }, { baseUrl: server.url });
    await client.exportSummaryReport({ workspaceId: 1, format: 'xlsx', body: period });
    await client.exportSummaryReport({ workspaceId: 1, format: 'csv', body: period });
    expect(server.requests.map((request) => [request.url, request.headers.accept])).toEqual([
      ['/reports/api/v3/workspace/1/summary/time_entries.xlsx', xlsx],
      ['/reports/api/v3/workspace/1/summary/time_entries.csv', 'text/csv'],
    ]);
  });

  it('signs in with an API token as <token>:api_token', async () => {
    server = await startTestServer(echoAccept);
    const client = createTogglExportsClient({ apiToken: '1971800d4d82861d8f2c1651fea4d212' }, { baseUrl: server.url });
    await client.exportWeeklyReportCsv({ workspaceId: 7, body: period });
    const expected = `Basic ${Buffer.from('1971800d4d82861d8f2c1651fea4d212:api_token').toString('base64')}`;
    expect(server.requests[0]?.headers.authorization).toBe(expected);
  });

  it('signs in with email and password, encoded as UTF-8, colons allowed in the password', async () => {
    server = await startTestServer(echoAccept);
    const client = createTogglExportsClient({ email: 'zoë@example.com', password: 'pä:ss' }, { baseUrl: server.url });
    await client.exportWeeklyReportCsv({ workspaceId: 7, body: period });
    const expected = `Basic ${Buffer.from('zoë@example.com:pä:ss', 'utf8').toString('base64')}`;
    expect(server.requests[0]?.headers.authorization).toBe(expected);
  });

  it('exports a public saved report without credentials and without a body', async () => {
    server = await startTestServer(file('text/csv', 'a,b\n'));
    const client = createTogglExportsClient({}, { baseUrl: server.url });
    const result = await client.exportSavedReportCsv({ reportToken: 'public-token' });
    const [request] = server.requests;
    expect(request?.url).toBe('/reports/api/v3/shared/public-token.csv');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['content-type']).toBeUndefined();
    expect(request?.body).toBe('');
    expect(await result.text()).toBe('a,b\n');
  });

  it('sends an optional body when one is given', async () => {
    server = await startTestServer(file('application/pdf', '%PDF-1.7'));
    const client = createTogglExportsClient(undefined, { baseUrl: server.url });
    await client.exportSavedReportPdf({ reportToken: 'tok', body: { start_date: '2026-01-01' } });
    expect(server.requests[0]?.url).toBe('/reports/api/v3/shared/tok/pdf');
    expect(server.requests[0]?.body).toBe('{"start_date":"2026-01-01"}');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('percent-encodes path parameters', async () => {
    server = await startTestServer(echoAccept);
    const client = createTogglExportsClient({}, { baseUrl: server.url });
    await client.exportSavedReportXlsx({ reportToken: 'a/b?c#d e' });
    expect(server.requests[0]?.url).toBe('/reports/api/v3/shared/a%2Fb%3Fc%23d%20e.xlsx');
  });

  it('keeps a path prefix of baseUrl and sends the configured User-Agent', async () => {
    server = await startTestServer(echoAccept);
    const client = createTogglExportsClient({ apiToken: 't' }, { baseUrl: `${server.url}/proxy/toggl/`, userAgent: 'invoicer/2.1' });
    await client.exportProjectTrends({ workspaceId: 3, format: 'csv', body: period });
    expect(server.requests[0]?.url).toBe('/proxy/toggl/insights/api/v1/workspace/3/trends/projects.csv');
    expect(server.requests[0]?.headers['user-agent']).toBe('invoicer/2.1');
  });

  it('uses the fetch it is given', async () => {
    server = await startTestServer(echoAccept);
    const seen: string[] = [];
    const client = createTogglExportsClient(
      { apiToken: 't' },
      {
        baseUrl: server.url,
        fetch: (input, init) => {
          seen.push(String(input));
          return fetch(input, init);
        },
      },
    );
    await client.exportDetailedReportPdf({ workspaceId: 5, body: period });
    expect(seen).toEqual([`${server.url}/reports/api/v3/workspace/5/search/time_entries.pdf`]);
  });

  it('reaches the typed openapi-fetch client through rawClient(), with the same base URL, fetch, credentials and User-Agent', async () => {
    server = await startTestServer(file('text/csv', 'x\n'));
    const fetched: string[] = [];
    const client = createTogglExportsClient(
      { apiToken: 'raw-token' },
      {
        baseUrl: server.url,
        userAgent: 'raw-test/1.0',
        fetch: (input, init) => {
          fetched.push(input instanceof Request ? input.url : String(input));
          return fetch(input, init);
        },
      },
    );
    const { data, response } = await rawClient(client).POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
      params: { path: { workspace_id: 9 } },
      body: period,
      parseAs: 'text',
    });
    expect([response.status, data]).toEqual([200, 'x\n']);
    expect(fetched).toEqual([`${server.url}/reports/api/v3/workspace/9/weekly/time_entries.csv`]);
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('raw-token:api_token').toString('base64')}`);
    expect(server.requests[0]?.headers['user-agent']).toBe('raw-test/1.0');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(period);
  });

  it('gives each client one raw client, so middleware added to it stays', async () => {
    const client = createTogglExportsClient({ apiToken: 't' }, { baseUrl: 'http://127.0.0.1:9' });
    const other = createTogglExportsClient({ apiToken: 't' }, { baseUrl: 'http://127.0.0.1:9' });
    expect(rawClient(client)).toBe(rawClient(client));
    expect(rawClient(other)).not.toBe(rawClient(client));
  });

  it.each([
    [{}, 'rawClient() client is an object; pass a client made by createTogglExportsClient.'],
    [undefined, 'rawClient() client is undefined; pass a client made by createTogglExportsClient.'],
  ])('rawClient(%j) says what to pass instead', (value, message) => {
    expect(() => rawClient(value as unknown as TogglExportsClient)).toThrow(new TypeError(message));
  });
});
