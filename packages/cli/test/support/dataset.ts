import type { Dataset } from '@toggl-exports/mock-server';

export const workspaceId = 42;
export const firstDay = '2024-01-01';
export const lastDay = '2026-06-30';

/** Every day from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = Date.parse(first); day <= Date.parse(last); day += 86_400_000) days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}

/** One workspace with one time entry on every day of two and a half years: a missing or repeated day shows at once. */
export function dailyDataset(): Dataset {
  return {
    workspaces: [{ id: workspaceId, name: 'Acme', default_currency: 'EUR', default_hourly_rate: 90 }],
    users: [{ id: 7, fullname: 'Ada Lovelace', email: 'ada@acme.example' }],
    projects: [{ id: 200, name: 'Billing API', billable: true, rate: 120 }],
    time_entries: daysBetween(firstDay, lastDay).map((day, index) => ({
      id: index + 1,
      workspace_id: workspaceId,
      user_id: 7,
      project_id: 200,
      // Now and then a description with a line break written CR LF and a control character, which
      // XLSX can hold only escaped: the joined workbook must keep them as the separate ones do.
      description: index % 100 === 0 ? `Work on ${day}\r\nand a bell \u0007` : `Work on ${day}`,
      billable: true,
      start: `${day}T10:00:00Z`,
      duration: 3600,
    })),
  } as Dataset;
}
