// The summary's groups and sub-groups: their order, and the "Other" row that `collapse` adds up.
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../src/index.ts';
import { exported, loaded } from './support/engine.ts';
import { csvRows } from './support/files.ts';

const october = { start_date: '2026-10-01', end_date: '2026-10-31' };

/** One project, and an entry per description (an empty one for "no description"), each an hour longer than the one before. */
function describedEntries(descriptions: readonly string[]): ReportData {
  return loaded({
    workspaces: [{ id: 42, name: 'Acme' }],
    users: [{ id: 1, fullname: 'Ada' }],
    projects: [{ id: 20, name: 'Website' }],
    time_entries: descriptions.map((description, index) => ({
      id: index + 1,
      workspace_id: 42,
      user_id: 1,
      project_id: 20,
      description,
      start: `2026-10-${String(index + 1).padStart(2, '0')}T08:00:00Z`,
      duration: (index + 1) * 3600,
    })),
  });
}

async function summaryRows(data: ReportData, body: Record<string, unknown>): Promise<Record<string, string>[]> {
  const file = await exported(data, { operationId: 'exportSummaryReport', format: 'csv', workspaceId: 42, body: { ...october, ...body } });
  const [header = [], ...rows] = csvRows(file.bytes);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

describe('a time entry described "Other"', () => {
  const data = describedEntries(['Zeta', 'Other', '', 'Alpha']);

  it('sorts by its title among the other descriptions; only entries without one come last', async () => {
    const ascending = await summaryRows(data, { order_by: 'title' });
    expect(ascending.map((row) => row['Description'])).toEqual(['Alpha', 'Other', 'Zeta', '']);
    const descending = await summaryRows(data, { order_by: 'title', order_dir: 'DESC' });
    expect(descending.map((row) => row['Description'])).toEqual(['Zeta', 'Other', 'Alpha', '']);
  });

  it('sorts by its duration among the other descriptions', async () => {
    const rows = await summaryRows(data, { order_by: 'duration' });
    // Zeta 1 h, Other 2 h, Alpha 4 h; the entry without a description (3 h) last.
    expect(rows.map((row) => [row['Description'], row['Duration']])).toEqual([
      ['Zeta', '01:00:00'],
      ['Other', '02:00:00'],
      ['Alpha', '04:00:00'],
      ['', '03:00:00'],
    ]);
  });
});

describe('collapse', () => {
  it('adds up the groups past the five largest into one "Other" row, last, whatever the descriptions inside it', async () => {
    const projects = Array.from({ length: 7 }, (_, index) => ({ id: 20 + index, name: `Project ${index + 1}` }));
    const data = loaded({
      workspaces: [{ id: 42, name: 'Acme' }],
      users: [{ id: 1, fullname: 'Ada' }],
      projects,
      // Project n has n hours, described "Other" on the two smallest projects.
      time_entries: projects.map((project, index) => ({
        id: index + 1,
        workspace_id: 42,
        user_id: 1,
        project_id: project.id,
        description: index < 2 ? 'Other' : 'Work',
        start: `2026-10-${String(index + 1).padStart(2, '0')}T08:00:00Z`,
        duration: (index + 1) * 3600,
      })),
    });
    const rows = await summaryRows(data, { collapse: true, order_by: 'title' });
    expect(rows.map((row) => [row['Project'], row['Description'], row['Duration']])).toEqual([
      ['Project 3', 'Work', '03:00:00'],
      ['Project 4', 'Work', '04:00:00'],
      ['Project 5', 'Work', '05:00:00'],
      ['Project 6', 'Work', '06:00:00'],
      ['Project 7', 'Work', '07:00:00'],
      ['Other', 'Other', '03:00:00'],
    ]);
  });
});
