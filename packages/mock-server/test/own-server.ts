import { onTestFinished } from 'vitest';
import { type MockServer, type MockServerOptions, startMockServer } from '../src/server.ts';
import { validAuth } from './http.ts';

/*
 * A server of the test's own, for what the shared one cannot show: its journal, quota and faults
 * would mix with every other test file's requests. It is closed when the test ends.
 */

export async function ownServer(options: Omit<MockServerOptions, 'port'> = {}): Promise<MockServer> {
  const server = await startMockServer({ port: 0, ...options });
  onTestFinished(() => server.close());
  return server;
}

/** The detailed report's CSV path of a workspace: an export, which the quota, the rate limit and the faults apply to. */
export const csvPath = (workspaceId = 1234567) => `/reports/api/v3/workspace/${workspaceId}/search/time_entries.csv`;

export const exportBody = { start_date: '2026-10-05', end_date: '2026-10-09' };

/** POSTs the detailed CSV's request to `url`: valid credentials and body unless told otherwise (`authorization: null` sends none). */
export function exportCsv(
  url: string,
  {
    workspaceId,
    authorization = validAuth,
    headers = {},
    path = csvPath(workspaceId),
  }: { workspaceId?: number; authorization?: string | null; headers?: Record<string, string>; path?: string } = {},
): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization !== null && { authorization }), ...headers },
    body: JSON.stringify(exportBody),
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
