// Compiles cleanly in an ES module: everything below must keep type-checking for users.
import { createTogglExportsClient, type ExportFile, type ExportFormat, TogglApiError } from '@toggl-exports/client';
import { createTogglExportsClient as createNodeClient } from '@toggl-exports/client/node';
import { rawClient, type TogglRawClient } from '@toggl-exports/client/raw';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { connectMockServer, type JournalEntry, type JournalFilter, type MockControl } from '@toggl-exports/mock-server/control';

export async function octoberAsCsv(workspaceId: number): Promise<string> {
  const server: MockServer = await startMockServer({ port: 0, log: (line: string) => console.log(line) });
  const toggl = createTogglExportsClient({ apiToken: 'token' }, { baseUrl: server.url });
  try {
    const file: ExportFile = await toggl.exportDetailedReport({
      workspaceId,
      format: 'csv',
      body: { start_date: '2026-10-01', end_date: '2026-10-31', billable: true },
    });
    const format: ExportFormat = file.format;
    return `${format}: ${await file.text()}`;
  } catch (error) {
    if (error instanceof TogglApiError) return `${error.status} ${error.reason}`;
    throw error;
  } finally {
    await server.close();
  }
}

export async function savePdf(workspaceId: number, path: string): Promise<void> {
  const toggl = createNodeClient({ email: 'ada@example.com', password: 'secret' });
  const file = await toggl.exportWeeklyReportPdf({ workspaceId, body: { start_date: '2026-10-05', end_date: '2026-10-11' } });
  await file.saveTo(path);
}

/** The typed openapi-fetch client of the raw entry, for a client of the Node entry. */
export async function rawWeeklyCsv(workspaceId: number): Promise<number> {
  const raw: TogglRawClient = rawClient(createNodeClient({ apiToken: 'token' }));
  const { response } = await raw.POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
    params: { path: { workspace_id: workspaceId } },
    body: { start_date: '2026-10-05' },
  });
  return response.status;
}

/** The export requests a mock started elsewhere (its bin, the vitest setup) answered with 200, read through the control entry. */
export async function answeredExports(url: string): Promise<string[]> {
  const control: MockControl = connectMockServer(url, { fetch: globalThis.fetch });
  const filter: JournalFilter = { method: 'POST', path: '/reports/api/v3/workspace/*', status: 200 };
  const entries: JournalEntry[] = await control.requests(filter);
  await control.resetRequests();
  await control.failNext('503', 2);
  // @ts-expect-error: the faults are a closed list
  await control.failNext('explode');
  await control.resetFaults();
  await control.resetLimits();
  return entries.map(
    ({ sequence, method, path, credentials, status }) => `${sequence} ${method} ${path} ${credentials} ${status ?? 'dropped'}`,
  );
}
