import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import { post } from '../http.ts';
import { centsOf, csvTable, paths, postTo, secondsOf, startDatasetServer, sum, tableOf, WEEK } from './fixtures.ts';

/* The summary report's groupings, columns and settings, against the dataset of fixtures.ts. */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const summary = (body: Record<string, unknown> = {}) => csvTable(server.url, paths.summary(), { ...WEEK, ...body });
const expect400 = async (body: Record<string, unknown>, message: RegExp) => {
  const answer = await postTo(server.url, paths.summary(), { body: { ...WEEK, ...body } });
  expect(answer.status, answer.bytes.toString()).toBe(400);
  expect(answer.json()).toMatch(message);
};
const WEEK_SECONDS = 24350;

describe('summary report groupings', () => {
  it('groups by project and splits by description by default', async () => {
    const table = await summary();
    expect(table.header).toEqual(['Project', 'Client', 'Description', 'Duration', 'Amount (EUR)']);
    expect(table.rows).toEqual([
      ['Billing API', 'Globex', 'Invoice PDF layout', '01:50:50', '277.08'],
      ['Billing API', 'Globex', 'invoice review', '00:45:00', '90.00'],
      ['Internal', '', 'CI cleanup', '01:00:00', ''],
      ['Website', 'Initech', 'Website copy', '02:25:00', '177.50'],
      // The group of entries without a project comes last.
      ['', '', 'Email', '00:15:00', ''],
      ['', '', 'Planning', '00:30:00', ''],
    ]);
    const explicit = await summary({ grouping: 'projects', sub_grouping: 'time_entries' });
    expect([explicit.header, ...explicit.rows]).toEqual([table.header, ...table.rows]);
  });

  const headers: [string, string, string[]][] = [
    ['projects', 'time_entries', ['Project', 'Client', 'Description']],
    ['projects', 'users', ['Project', 'Client', 'User']],
    ['projects', 'clients', ['Project', 'Client']],
    ['projects', 'tasks', ['Project', 'Client', 'Task']],
    ['users', 'time_entries', ['User', 'Description']],
    ['users', 'projects', ['User', 'Project', 'Client']],
    ['users', 'clients', ['User', 'Client']],
    ['users', 'tasks', ['User', 'Task']],
    ['clients', 'time_entries', ['Client', 'Description']],
    ['clients', 'users', ['Client', 'User']],
    ['clients', 'projects', ['Client', 'Project']],
    ['clients', 'tasks', ['Client', 'Task']],
  ];
  it.each(headers)(
    'grouping %s with sub_grouping %s names the group, then the sub-group, then Duration and Amount',
    async (grouping, subGrouping, names) => {
      const table = await summary({ grouping, sub_grouping: subGrouping });
      expect(table.header).toEqual([...names, 'Duration', 'Amount (EUR)']);
      expect(sum(table.column('Duration').map(secondsOf))).toBe(WEEK_SECONDS);
      expect(sum(table.column('Amount (EUR)').map((cell) => centsOf(cell) ?? 0))).toBe(54458);
    },
  );

  it("totals each user's time per project with grouping users and sub_grouping projects", async () => {
    expect((await summary({ grouping: 'users', sub_grouping: 'projects' })).rows).toEqual([
      ['Ada Lovelace', 'Billing API', 'Globex', '02:35:50', '367.08'],
      ['Grace Hopper', 'Internal', '', '01:00:00', ''],
      ['Grace Hopper', 'Website', 'Initech', '00:25:00', '37.50'],
      ['Grace Hopper', '', '', '00:30:00', ''],
      ['Linus Torvalds', 'Website', 'Initech', '02:00:00', '140.00'],
      ['Linus Torvalds', '', '', '00:15:00', ''],
    ]);
  });

  it("totals each client's time per user, the entries without a client last", async () => {
    expect((await summary({ grouping: 'clients', sub_grouping: 'users' })).rows).toEqual([
      ['Globex', 'Ada Lovelace', '02:35:50', '367.08'],
      ['Initech', 'Grace Hopper', '00:25:00', '37.50'],
      ['Initech', 'Linus Torvalds', '02:00:00', '140.00'],
      ['', 'Grace Hopper', '01:30:00', ''],
      ['', 'Linus Torvalds', '00:15:00', ''],
    ]);
  });

  it('splits each project by task with sub_grouping tasks', async () => {
    expect((await summary({ sub_grouping: 'tasks' })).rows).toEqual([
      ['Billing API', 'Globex', 'Invoices', '01:50:50', '277.08'],
      ['Billing API', 'Globex', 'Reports', '00:45:00', '90.00'],
      ['Internal', '', '', '01:00:00', ''],
      ['Website', 'Initech', '', '02:25:00', '177.50'],
      ['', '', '', '00:45:00', ''],
    ]);
  });

  it.each(['projects', 'users', 'clients'])('answers grouping and sub_grouping both %s with 400', async (grouping) => {
    await expect400({ grouping, sub_grouping: grouping }, /sub_grouping/);
  });
});

describe('summary report settings', () => {
  it('leaves the Amount column out with hide_amounts', async () => {
    const table = await summary({ hide_amounts: true });
    expect(table.header).toEqual(['Project', 'Client', 'Description', 'Duration']);
    expect(table.column('Duration')).toEqual((await summary()).column('Duration'));
  });

  it('splits a sub-group per hourly rate and adds a Rate column with distinguish_rates', async () => {
    const table = await summary({ sub_grouping: 'users', distinguish_rates: true });
    expect(table.header).toEqual(['Project', 'Client', 'User', 'Duration', 'Amount (EUR)', 'Rate (EUR)']);
    const ada = table.rows.filter((row) => row[2] === 'Ada Lovelace').map((row) => row.slice(3));
    // Ada's Billing API time: task Invoices at 150/h (entries 1 and 7), task Reports at the project's 120/h (entry 4).
    expect(ada.sort()).toEqual([
      ['00:45:00', '90.00', '120.00'],
      ['01:50:50', '277.08', '150.00'],
    ]);
    const without = await summary({ sub_grouping: 'users' });
    expect(without.rows.filter((row) => row[2] === 'Ada Lovelace')).toEqual([
      ['Billing API', 'Globex', 'Ada Lovelace', '02:35:50', '367.08'],
    ]);
  });

  it('leaves the Rate column out with hide_rates, but still splits by rate', async () => {
    const table = await summary({ sub_grouping: 'users', distinguish_rates: true, hide_rates: true });
    expect(table.header).toEqual(['Project', 'Client', 'User', 'Duration', 'Amount (EUR)']);
    expect(table.rows.filter((row) => row[2] === 'Ada Lovelace')).toHaveLength(2);
    expect((await summary({ hide_rates: true })).header).toEqual(['Project', 'Client', 'Description', 'Duration', 'Amount (EUR)']);
  });

  it('sorts groups by title, Z to A with DESC, the group without a project still last', async () => {
    const projects = async (body: Record<string, unknown>) => [...new Set((await summary(body)).rows.map((row) => row[0]))];
    expect(await projects({ order_by: 'title', order_dir: 'ASC' })).toEqual(['Billing API', 'Internal', 'Website', '']);
    expect(await projects({ order_by: 'title', order_dir: 'DESC' })).toEqual(['Website', 'Internal', 'Billing API', '']);
  });

  it('sorts groups and sub-groups by duration', async () => {
    // Billing API 9350 s, Website 8700 s, Internal 3600 s; no project 2700 s.
    const ascending = await summary({ order_by: 'duration' });
    expect([...new Set(ascending.rows.map((row) => row[0]))]).toEqual(['Internal', 'Website', 'Billing API', '']);
    expect(ascending.rows.filter((row) => row[0] === 'Billing API').map((row) => row[2])).toEqual(['invoice review', 'Invoice PDF layout']);
    const descending = await summary({ order_by: 'duration', order_dir: 'DESC' });
    expect([...new Set(descending.rows.map((row) => row[0]))]).toEqual(['Billing API', 'Website', 'Internal', '']);
    expect(descending.rows.filter((row) => row[0] === 'Billing API').map((row) => row[2])).toEqual([
      'Invoice PDF layout',
      'invoice review',
    ]);
  });
});

describe('summary report Time Audit', () => {
  it('lists groups without time with show_empty_groups', async () => {
    const table = await summary({ audit: { show_empty_groups: true } });
    const archive = table.rows.filter((row) => row[0] === 'Archive');
    expect(archive).toHaveLength(1);
    expect(secondsOf(archive[0]?.[3] ?? 'missing')).toBe(0);
    expect(table.rows.filter((row) => row[0] !== 'Archive')).toEqual((await summary()).rows);
    const users = await summary({ grouping: 'users', audit: { show_empty_groups: true } });
    expect(users.column('User')).toContain('Margaret Hamilton');
    expect((await summary({ grouping: 'users' })).column('User')).not.toContain('Margaret Hamilton');
  });

  it('drops the groups with time when show_tracked_groups is false', async () => {
    expect((await summary({ audit: { show_tracked_groups: false, show_empty_groups: true } })).rows.map((row) => row[0])).toEqual([
      'Archive',
    ]);
    expect((await summary({ audit: { show_tracked_groups: false } })).rows).toEqual([]);
  });

  it("keeps only the groups whose total duration lies within group_filter's bounds, both included", async () => {
    const groups = async (filter: Record<string, unknown>) => [
      ...new Set((await summary({ audit: { group_filter: filter } })).rows.map((row) => row[0])),
    ];
    expect(await groups({ min_duration_seconds: 3600, max_duration_seconds: 8700 })).toEqual(['Internal', 'Website']);
    expect(await groups({ min_duration_seconds: 9000 })).toEqual(['Billing API']);
    expect(await groups({ max_duration_seconds: 2700 })).toEqual(['']);
  });

  it("keeps only the groups whose total amount lies within group_filter's bounds", async () => {
    const groups = async (filter: Record<string, unknown>) => [
      ...new Set((await summary({ audit: { group_filter: filter } })).rows.map((row) => row[0])),
    ];
    // Billing API 367.08, Website 177.50, Internal and no project 0.
    expect(await groups({ min_amount_cents: 10000 })).toEqual(['Billing API', 'Website']);
    expect(await groups({ min_amount_cents: 17750, max_amount_cents: 17750, currency: 'EUR' })).toEqual(['Website']);
  });

  it("answers a group_filter currency other than the workspace's with 400", async () => {
    await expect400({ audit: { group_filter: { currency: 'USD', min_amount_cents: 1 } } }, /currency/);
  });
});

describe('summary report collapse', () => {
  it('changes nothing when there are at most 5 groups', async () => {
    const collapsed = await summary({ collapse: true });
    expect(collapsed.rows).toEqual((await summary()).rows);
    expect(collapsed.column('Project')).not.toContain('Other');
  });

  it('keeps the 5 largest groups and adds the others up into one "Other" group', async () => {
    const body = { start_date: '2026-10-01', end_date: '2026-10-31', sub_grouping: 'users' };
    const full = tableOf((await post('/reports/api/v3/workspace/1234567/summary/time_entries.csv', { body })).bytes);
    const collapsed = tableOf(
      (await post('/reports/api/v3/workspace/1234567/summary/time_entries.csv', { body: { ...body, collapse: true } })).bytes,
    );
    const totals = (table: typeof full) => {
      const byGroup = new Map<string, number>();
      for (const record of table.records)
        byGroup.set(record['Project'] ?? '', (byGroup.get(record['Project'] ?? '') ?? 0) + secondsOf(record['Duration'] ?? ''));
      return byGroup;
    };
    const fullTotals = [...totals(full)].sort((a, b) => b[1] - a[1]);
    expect(fullTotals.length).toBeGreaterThan(6);
    const kept = fullTotals.slice(0, 5);
    const others = sum(fullTotals.slice(5).map(([, seconds]) => seconds));
    const collapsedTotals = totals(collapsed);
    expect(new Map([...collapsedTotals].filter(([name]) => name !== 'Other'))).toEqual(new Map(kept));
    expect(collapsedTotals.get('Other')).toBe(others);
    expect(sum(collapsed.column('Amount (USD)').map((cell) => centsOf(cell) ?? 0))).toBe(
      sum(full.column('Amount (USD)').map((cell) => centsOf(cell) ?? 0)),
    );
  });
});
