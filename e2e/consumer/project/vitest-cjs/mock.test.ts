// A test file of a CommonJS project, with the README's type-only import in its CommonJS form.

import { createTogglExportsClient } from '@toggl-exports/client';
import { connectMockServer } from '@toggl-exports/mock-server/control';
import type {} from '@toggl-exports/mock-server/vitest' with { 'resolution-mode': 'import' };
import { expect, inject, it } from 'vitest';

it('downloads a detailed report from the mock the global setup started', async () => {
  const baseUrl = inject('togglExportsMockUrl');
  expect(process.env['TOGGL_EXPORTS_MOCK_URL']).toBe(baseUrl);
  const toggl = createTogglExportsClient({ apiToken: 'consumer-token' }, { baseUrl });
  const file = await toggl.exportDetailedReport({ workspaceId: 1234567, format: 'csv', body: { start_date: '2026-10-01' } });
  expect(file.filename).toMatch(/^TogglTrack_Report_Detailed_report_.*\.csv$/);
  expect((await file.text()).split('\n')[0]).toContain('Description');
  console.log(`mock at ${baseUrl}`);
});

it("reads and empties the journal of the setup's mock", async () => {
  const mock = connectMockServer(inject('togglExportsMockUrl'));
  const path = '/reports/api/v3/workspace/7654321/weekly/time_entries.csv';
  await mock.resetRequests();
  const toggl = createTogglExportsClient({ apiToken: 'consumer-token' }, { baseUrl: inject('togglExportsMockUrl') });
  await (await toggl.exportWeeklyReportCsv({ workspaceId: 7654321, body: { start_date: '2026-10-05' } })).text();
  expect(await mock.requests({ path })).toMatchObject([{ method: 'POST', credentials: 'api_token', body: { start_date: '2026-10-05' }, status: 200 }]);
  await mock.resetRequests();
  expect(await mock.requests()).toEqual([]);
});
