import { createTogglExportsClient } from '@toggl-exports/client';

const toggl = createTogglExportsClient({ apiToken: 'token' });
// The detailed report comes as CSV or XLSX (its PDF has a method of its own), so this must not compile:
export const wrong = toggl.exportDetailedReport({ workspaceId: 1, format: 'pdf', body: { start_date: '2026-10-01' } });
