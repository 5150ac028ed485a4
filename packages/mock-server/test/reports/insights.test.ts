import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import {
  ADA,
  ADMIN,
  amountText,
  BILLING_API,
  csvTable,
  dataset,
  datasetServerFor,
  GLOBEX,
  GRACE,
  hoursText,
  INTERNAL,
  OPS,
  paths,
  postTo,
  startDatasetServer,
  WEBSITE,
  WEEK,
  WS,
  WS_NO_CURRENCY,
  WS_ROUNDED,
  withChange,
} from './fixtures.ts';

/*
 * Employee and project profitability and project trends, their figures worked out by hand from
 * the dataset of fixtures.ts. Labour cost per hour: Ada 40, Grace 30, Linus 50.
 */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const employees = (body: Record<string, unknown> = {}) => csvTable(server.url, paths.employees(), { ...WEEK, ...body });
const projects = (body: Record<string, unknown> = {}) => csvTable(server.url, paths.projects(), { ...WEEK, ...body });
const trends = (body: Record<string, unknown> = {}) => csvTable(server.url, paths.trends(), { ...WEEK, ...body });
const FIGURES = ['Tracked hours', 'Billable hours', 'Revenue (EUR)', 'Labour cost (EUR)', 'Profit (EUR)'];

/** The figures of a row from seconds and cents, as the CSV writes them. */
const figures = (tracked: number, billable: number, revenue: number, cost: number) => [
  hoursText(tracked),
  hoursText(billable),
  amountText(revenue),
  amountText(cost),
  amountText(revenue - cost),
];
const labour = (seconds: number, perHour: number) => Math.round((seconds * perHour * 100) / 3600);

describe('employee profitability', () => {
  it("has the README's columns", async () => {
    expect((await employees()).header).toEqual(['User', 'Email', 'Groups', ...FIGURES]);
  });

  it('gives each member with time their tracked and billable hours, revenue, labour cost and profit', async () => {
    expect((await employees()).rows).toEqual([
      // Entries 1, 4, 7: 9350 s, all billable; 225.00 + 90.00 + 52.08.
      ['Ada Lovelace', 'ada@acme.example', 'Admin, Engineering', ...figures(9350, 9350, 36708, labour(9350, 40))],
      // Entries 2, 5, 6: 6900 s, of which 1500 s billable (37.50).
      ['Grace Hopper', 'grace@acme.example', 'Engineering', ...figures(6900, 1500, 3750, labour(6900, 30))],
      // Entries 3, 8: 8100 s, of which 7200 s billable (140.00).
      ['Linus Torvalds', 'linus@acme.example', 'Ops', ...figures(8100, 7200, 14000, labour(8100, 50))],
    ]);
    // The same, written out: Ada 2.60 h, 367.08 - 103.89 = 263.19; Grace's labour cost exceeds her revenue.
    expect((await employees()).rows.map((row) => row.slice(3))).toEqual([
      ['2.60', '2.60', '367.08', '103.89', '263.19'],
      ['1.92', '0.42', '37.50', '57.50', '-20.00'],
      ['2.25', '2.00', '140.00', '112.50', '27.50'],
    ]);
  });

  it('leaves members without time in the period out', async () => {
    expect((await employees()).column('User')).not.toContain('Margaret Hamilton');
  });

  it('keeps only the members in user_ids and in group_ids', async () => {
    expect((await employees({ user_ids: [GRACE] })).column('User')).toEqual(['Grace Hopper']);
    expect((await employees({ group_ids: [OPS] })).column('User')).toEqual(['Linus Torvalds']);
    expect((await employees({ group_ids: [ADMIN, OPS] })).column('User')).toEqual(['Ada Lovelace', 'Linus Torvalds']);
    expect((await employees({ user_ids: [GRACE], group_ids: [OPS] })).rows).toEqual([]);
  });

  it("splits each member's figures per day with resolution day", async () => {
    const table = await employees({ resolution: 'day' });
    expect(table.header).toEqual(['User', 'Email', 'Groups', 'Period', ...FIGURES]);
    expect(table.rows.map((row) => [row[0], row[3], ...row.slice(4)])).toEqual([
      ['Ada Lovelace', '2026-10-05', ...figures(6650, 6650, 27708, labour(6650, 40))],
      ['Ada Lovelace', '2026-10-07', ...figures(2700, 2700, 9000, labour(2700, 40))],
      ['Grace Hopper', '2026-10-06', ...figures(1800, 0, 0, labour(1800, 30))],
      ['Grace Hopper', '2026-10-08', ...figures(3600, 0, 0, labour(3600, 30))],
      ['Grace Hopper', '2026-10-11', ...figures(1500, 1500, 3750, labour(1500, 30))],
      ['Linus Torvalds', '2026-10-05', ...figures(7200, 7200, 14000, labour(7200, 50))],
      ['Linus Torvalds', '2026-10-09', ...figures(900, 0, 0, labour(900, 50))],
    ]);
  });

  it('gives one row per member for a week with resolution week', async () => {
    const table = await employees({ resolution: 'week' });
    expect(table.column('Period')).toEqual(['2026-10-05', '2026-10-05', '2026-10-05']);
    expect(table.rows.map((row) => row.slice(4))).toEqual((await employees()).rows.map((row) => row.slice(3)));
  });

  it.each(['month', 'quarter'])('splits a period across two %ss into a row for each', async (resolution) => {
    // 2026-09-28 to 2026-10-11 holds Ada's entry 9 (Sept 30, 3000 s, 100.00) and her October entries.
    const table = await employees({ start_date: '2026-09-28', end_date: '2026-10-11', resolution });
    const ada = table.records.filter((record) => record['User'] === 'Ada Lovelace');
    expect(ada).toHaveLength(2);
    expect(ada[0]?.['Period']).toMatch(/^2026-(09|07)-/);
    expect(ada[1]?.['Period']).toBe('2026-10-01');
    expect(ada.map((record) => FIGURES.map((name) => record[name]))).toEqual([
      figures(3000, 3000, 10000, labour(3000, 40)),
      figures(9350, 9350, 36708, labour(9350, 40)),
    ]);
  });

  it("falls back to the workspace's rounding", async () => {
    // Workspace 44 rounds up to 15 minutes: its 1250 s entry counts 1800 s, 60.00 at 120/h.
    const [ada] = (await csvTable(server.url, paths.employees(WS_ROUNDED), WEEK)).rows;
    expect(ada?.slice(3)).toEqual(figures(1800, 1800, 6000, labour(1800, 40)));
    const [unrounded] = (await csvTable(server.url, paths.employees(WS_ROUNDED), { ...WEEK, rounding_minutes: 0 })).rows;
    expect(unrounded?.slice(3)).toEqual(figures(1250, 1250, 4167, labour(1250, 40)));
  });

  it('computes hours and revenue from rounded durations with rounding', async () => {
    // Rounded up to the hour: entries 1 (5400 → 7200 s), 4 (2700 → 3600 s), 7 (1250 → 3600 s): 4 h, 2 h × 150 + 1 h × 120 + 1 h × 150.
    const [ada] = (await employees({ rounding: 1, rounding_minutes: 60 })).rows;
    expect(ada?.slice(3)).toEqual(figures(14400, 14400, 57000, labour(14400, 40)));
  });
});

describe('project profitability', () => {
  it('gives each project with time its figures, leaving time without a project out', async () => {
    const table = await projects();
    expect(table.header).toEqual(['Project', 'Client', ...FIGURES]);
    expect(table.rows).toEqual([
      ['Billing API', 'Globex', ...figures(9350, 9350, 36708, labour(9350, 40))],
      ['Internal', '', ...figures(3600, 0, 0, labour(3600, 30))],
      // Linus 7200 s at 50/h and Grace 1500 s at 30/h.
      ['Website', 'Initech', ...figures(8700, 8700, 17750, labour(7200, 50) + labour(1500, 30))],
    ]);
    expect(table.column('Project')).not.toContain('');
  });

  it("filters projects by project_ids, client_ids (null: without a client) and the project's billable flag", async () => {
    expect((await projects({ project_ids: [WEBSITE] })).column('Project')).toEqual(['Website']);
    expect((await projects({ client_ids: [null] })).column('Project')).toEqual(['Internal']);
    expect((await projects({ client_ids: [null, GLOBEX] })).column('Project')).toEqual(['Billing API', 'Internal']);
    expect((await projects({ billable: true })).column('Project')).toEqual(['Billing API', 'Website']);
    expect((await projects({ billable: false })).column('Project')).toEqual(['Internal']);
  });

  it('splits each project per period with resolution', async () => {
    const table = await projects({ start_date: '2026-09-28', end_date: '2026-10-11', resolution: 'month' });
    expect(table.header).toEqual(['Project', 'Client', 'Period', ...FIGURES]);
    const billing = table.records.filter((record) => record['Project'] === 'Billing API');
    expect(billing.map((record) => record['Tracked hours'])).toEqual([hoursText(3000), hoursText(9350)]);
    expect(billing[1]?.['Period']).toBe('2026-10-01');
    const days = await projects({ resolution: 'day' });
    expect(
      days.records.filter((record) => record['Project'] === 'Website').map((record) => [record['Period'], record['Tracked hours']]),
    ).toEqual([
      ['2026-10-05', '2.00'],
      ['2026-10-11', '0.42'],
    ]);
  });
});

describe('insights currency', () => {
  it("accepts the workspace's currency, in either case", async () => {
    expect((await employees({ currency: 'EUR' })).rows).toEqual((await employees()).rows);
    expect((await employees({ currency: 'eur' })).rows).toEqual((await employees()).rows);
    expect((await projects({ currency: 'EUR' })).rows).toEqual((await projects()).rows);
  });

  it('answers another currency with 400, as amounts are not converted', async () => {
    for (const path of [paths.employees(), paths.projects(), paths.employees(WS, 'xlsx')]) {
      const answer = await postTo(server.url, path, { body: { ...WEEK, currency: 'USD' } });
      expect(answer.status, path).toBe(400);
      expect(answer.json()).toMatch(/'currency'.*EUR/);
    }
    const none = await postTo(server.url, paths.projects(WS_NO_CURRENCY), { body: { ...WEEK, currency: 'EUR' } });
    expect(none.status).toBe(400);
  });
});

describe('project trends', () => {
  it("compares each project's seconds with the period of the same length just before", async () => {
    const table = await trends();
    expect(table.header).toEqual([
      'Project ID',
      'Project',
      'Period start',
      'Current period (seconds)',
      'Previous period (seconds)',
      'User IDs',
    ]);
    // The previous period is 2026-09-28 to 2026-10-04: Ada's entry 9 (3000 s). Entry 3 starts on 10-04 in UTC but 10-05 in Tokyo.
    expect(table.rows).toEqual([
      [String(BILLING_API), 'Billing API', '2026-10-05', '9350', '3000', '7'],
      [String(INTERNAL), 'Internal', '2026-10-05', '3600', '0', '8'],
      [String(WEBSITE), 'Website', '2026-10-05', '8700', '0', '8, 9'],
    ]);
    expect((await trends({ previous_period_start: '2026-09-28' })).rows).toEqual(table.rows);
  });

  it('compares with the period starting on previous_period_start', async () => {
    // 2026-10-12 to 2026-10-18 holds Ada's entry 11 on Internal (2100 s).
    const table = await trends({ previous_period_start: '2026-10-12' });
    expect(table.rows.map((row) => [row[1], row[3], row[4]])).toEqual([
      ['Billing API', '9350', '0'],
      ['Internal', '3600', '2100'],
      ['Website', '8700', '0'],
    ]);
  });

  it('lists projects with time in the previous period only', async () => {
    const table = await trends({ start_date: '2026-10-12', end_date: '2026-10-18' });
    expect(table.rows).toEqual([
      [String(BILLING_API), 'Billing API', '2026-10-12', '0', '9350', ''],
      [String(INTERNAL), 'Internal', '2026-10-12', '2100', '3600', '7'],
      [String(WEBSITE), 'Website', '2026-10-12', '0', '8700', ''],
    ]);
  });

  it("filters projects by project_ids and the project's billable flag", async () => {
    expect((await trends({ project_ids: [WEBSITE] })).column('Project')).toEqual(['Website']);
    expect((await trends({ billable: false })).column('Project')).toEqual(['Internal']);
    expect((await trends({ billable: true })).column('Project')).toEqual(['Billing API', 'Website']);
  });
});

describe('insights order of names differing in case', () => {
  // Ada renamed to Grace's name in lower case, her group Admin to admin, and Billing API to Internal's name in lower case.
  const renamed = datasetServerFor({
    ...dataset,
    users: withChange(dataset.users, ADA, { fullname: 'grace hopper' }),
    groups: withChange(dataset.groups, ADMIN, { name: 'admin' }),
    projects: withChange(dataset.projects, BILLING_API, { name: 'internal' }),
  });

  const column = async (path: string, name: string) => (await csvTable(renamed(), path, WEEK)).column(name);

  it('sorts members ignoring case, and names differing only in case by code point', async () => {
    expect(await column(paths.employees(), 'User')).toEqual(['Grace Hopper', 'grace hopper', 'Linus Torvalds']);
    expect(await column(paths.employees(), 'Groups')).toEqual(['Engineering', 'admin, Engineering', 'Ops']);
  });

  it('sorts projects ignoring case, and names differing only in case by code point', async () => {
    expect(await column(paths.projects(), 'Project')).toEqual(['Internal', 'internal', 'Website']);
    expect(await column(paths.trends(), 'Project ID')).toEqual([String(INTERNAL), String(BILLING_API), String(WEBSITE)]);
  });
});
