import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTogglExportsClient } from '../src/index.js';
import { file, startTestServer, type TestServer } from './support/test-server.js';

const body = { start_date: '2026-10-01', end_date: '2026-10-31' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(file('text/csv', 'ok'));
});
afterAll(() => server.close());

/** The client as JavaScript code sees it: no compile-time checks. */
function untypedClient(credentials: object = { apiToken: 't' }) {
  return createTogglExportsClient(credentials, { baseUrl: server.url }) as unknown as Record<string, (args?: unknown) => Promise<unknown>>;
}

describe('arguments checked before anything is sent', () => {
  it.each([
    ['exportDetailedReport', undefined, 'exportDetailedReport() was called with undefined; pass one object of arguments.'],
    ['exportDetailedReport', { format: 'csv', body }, 'exportDetailedReport() workspaceId is missing; use a number or a non-empty string.'],
    ['exportDetailedReport', { workspace_id: 1, format: 'csv', body }, 'exportDetailedReport() workspaceId is missing'],
    ['exportDetailedReport', { workspaceId: Number.NaN, format: 'csv', body }, 'exportDetailedReport() workspaceId is NaN'],
    ['exportDetailedReport', { workspaceId: 1, body }, 'exportDetailedReport() format is undefined; use csv or xlsx.'],
    ['exportDetailedReport', { workspaceId: 1, format: 'pdf', body }, 'exportDetailedReport() format is "pdf"; use csv or xlsx.'],
    ['exportDetailedReport', { workspaceId: 1, format: 'toString', body }, 'exportDetailedReport() format is "toString"; use csv or xlsx.'],
    ['exportDetailedReportPdf', { workspaceId: 1, format: 'csv', body }, 'exportDetailedReportPdf() format is "csv"; use pdf.'],
    [
      'exportDetailedReport',
      { workspaceId: 1, format: 'csv' },
      'exportDetailedReport() body is missing; pass the report settings as an object.',
    ],
    ['exportDetailedReport', { workspaceId: 1, format: 'csv', body: '{"a":1}' }, 'exportDetailedReport() body is "{\\"a\\":1}"'],
    ['exportDetailedReport', { workspaceId: 1, format: 'csv', body: [body] }, 'exportDetailedReport() body is an object'],
    ['exportSavedReportCsv', { reportToken: '' }, 'exportSavedReportCsv() reportToken is ""; use a number or a non-empty string.'],
  ])('%s(%j) is rejected', async (operationId, args, message) => {
    const before = server.requests.length;
    await expect(untypedClient()[operationId]?.(args)).rejects.toThrow(message);
    expect(server.requests.length).toBe(before);
  });

  it('a client without credentials refuses exports that need them, but not public saved reports', async () => {
    const client = untypedClient({});
    await expect(client.exportDetailedReportPdf?.({ workspaceId: 1, body })).rejects.toThrow(
      'exportDetailedReportPdf() needs credentials; create the client with { apiToken } or { email, password }.',
    );
    await expect(client.exportSavedReportPdf?.({ reportToken: 'public' })).resolves.toBeDefined();
  });

  it('accepts a workspace id given as a string and the fixed format named explicitly', async () => {
    await untypedClient().exportDetailedReportPdf?.({ workspaceId: '77', format: 'pdf', body });
    expect(server.requests.at(-1)?.url).toBe('/reports/api/v3/workspace/77/search/time_entries.pdf');
  });
});
