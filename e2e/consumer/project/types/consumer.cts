// Compiles cleanly in a CommonJS module (imports become require calls; types come from the .d.cts files).
import { createTogglExportsClient, type ExportFile } from '@toggl-exports/client';
import { createTogglExportsClient as createNodeClient } from '@toggl-exports/client/node';
import { rawClient, type TogglRawClient } from '@toggl-exports/client/raw';
import { startMockServer } from '@toggl-exports/mock-server';
import { connectMockServer, type JournalEntry } from '@toggl-exports/mock-server/control';

import spec = require('@toggl-exports/openapi/openapi.json');

/** The paths of the spec, from the JSON file the openapi package exports. */
export const specPaths: string[] = Object.keys(spec.paths);

export async function savedReportAsXlsx(reportToken: string): Promise<ArrayBuffer> {
  const server = await startMockServer({ port: 0 });
  const file: ExportFile = await createTogglExportsClient({}, { baseUrl: server.url }).exportSavedReportXlsx({ reportToken });
  await server.close();
  return file.arrayBuffer();
}

export async function saveSummary(workspaceId: number, path: string): Promise<void> {
  const file = await createNodeClient({ apiToken: 'token' }).exportSummaryReportPdf({ workspaceId, body: { start_date: '2026-10-01' } });
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

/** How many requests a running mock's journal holds, through the control entry; then it is emptied. */
export async function journalLength(url: string): Promise<number> {
  const control = connectMockServer(url);
  const entries: JournalEntry[] = await control.requests({ status: 200 });
  await control.resetRequests();
  return entries.length;
}
