import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import {
  ADA,
  centsOf,
  csvTable,
  dataset,
  datasetServerFor,
  paths,
  postTo,
  secondsOf,
  startDatasetServer,
  sum,
  WEBSITE,
  WEEK,
  withChange,
} from './fixtures.ts';

/* The weekly report's columns, groupings and amounts, against the dataset of fixtures.ts. */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const weekly = (body: Record<string, unknown> = {}) => csvTable(server.url, paths.weekly(), { ...WEEK, ...body });
const DAYS = ['Mon 2026-10-05', 'Tue 2026-10-06', 'Wed 2026-10-07', 'Thu 2026-10-08', 'Fri 2026-10-09', 'Sat 2026-10-10', 'Sun 2026-10-11'];
/** A row's named cells, then its seven days and total in seconds (an empty cell is no time). */
const timeRow = (record: Record<string, string>, names: string[]) => [
  ...names.map((name) => record[name]),
  ...[...DAYS, 'Total'].map((day) => secondsOf(record[day] ?? 'missing')),
];

describe('weekly report', () => {
  it('has one column per day of the period, named by weekday and date, then Total', async () => {
    const { header } = await weekly();
    expect(header.slice(0, 2)).toEqual(['User', 'Project']);
    expect(header.slice(-8)).toEqual([...DAYS, 'Total']);
    const short = await weekly({ start_date: '2026-10-07', end_date: '2026-10-09' });
    expect(short.header.slice(-4)).toEqual(['Wed 2026-10-07', 'Thu 2026-10-08', 'Fri 2026-10-09', 'Total']);
  });

  it("writes one row per user and project by default, with each day's time and the row's total", async () => {
    const table = await weekly();
    expect(table.records.map((record) => timeRow(record, ['User', 'Project']))).toEqual([
      ['Ada Lovelace', 'Billing API', 6650, 0, 2700, 0, 0, 0, 0, 9350],
      ['Grace Hopper', 'Internal', 0, 0, 0, 3600, 0, 0, 0, 3600],
      ['Grace Hopper', 'Website', 0, 0, 0, 0, 0, 0, 1500, 1500],
      ['Grace Hopper', '', 0, 1800, 0, 0, 0, 0, 0, 1800],
      ['Linus Torvalds', 'Website', 7200, 0, 0, 0, 0, 0, 0, 7200],
      ['Linus Torvalds', '', 0, 0, 0, 0, 900, 0, 0, 900],
    ]);
    expect((await weekly({ grouping: 'users' })).rows).toEqual(table.rows);
  });

  it('writes one row per project and user with grouping projects', async () => {
    const table = await weekly({ grouping: 'projects' });
    expect(table.header[0]).toBe('Project');
    expect(table.header.indexOf('User')).toBeGreaterThan(0);
    expect(table.records.map((record) => timeRow(record, ['Project', 'User']))).toEqual([
      ['Billing API', 'Ada Lovelace', 6650, 0, 2700, 0, 0, 0, 0, 9350],
      ['Internal', 'Grace Hopper', 0, 0, 0, 3600, 0, 0, 0, 3600],
      ['Website', 'Grace Hopper', 0, 0, 0, 0, 0, 0, 1500, 1500],
      ['Website', 'Linus Torvalds', 7200, 0, 0, 0, 0, 0, 0, 7200],
      ['', 'Grace Hopper', 0, 1800, 0, 0, 0, 0, 0, 1800],
      ['', 'Linus Torvalds', 0, 0, 0, 0, 900, 0, 0, 900],
    ]);
  });

  it('splits the rows by task with group_by_task', async () => {
    const table = await weekly({ group_by_task: true });
    expect(table.header).toContain('Task');
    const ada = table.records.filter((record) => record['User'] === 'Ada Lovelace').map((record) => timeRow(record, ['Project', 'Task']));
    expect(ada).toEqual([
      ['Billing API', 'Invoices', 6650, 0, 0, 0, 0, 0, 0, 6650],
      ['Billing API', 'Reports', 0, 0, 2700, 0, 0, 0, 0, 2700],
    ]);
    expect(table.rows).toHaveLength(7);
    expect((await weekly()).header).not.toContain('Task');
  });

  it('writes what each day earned with calculate amounts, empty where nothing billable was tracked', async () => {
    const table = await weekly({ calculate: 'amounts' });
    const total = table.header.at(-1) ?? '';
    expect(total).toMatch(/^Total/);
    const money = table.records.map((record) => [
      record['User'],
      record['Project'],
      ...[...DAYS, total].map((day) => centsOf(record[day] ?? 'missing')),
    ]);
    expect(money).toEqual([
      ['Ada Lovelace', 'Billing API', 27708, null, 9000, null, null, null, null, 36708],
      ['Grace Hopper', 'Internal', null, null, null, null, null, null, null, null],
      ['Grace Hopper', 'Website', null, null, null, null, null, null, 3750, 3750],
      ['Grace Hopper', '', null, null, null, null, null, null, null, null],
      ['Linus Torvalds', 'Website', 14000, null, null, null, null, null, null, 14000],
      ['Linus Torvalds', '', null, null, null, null, null, null, null, null],
    ]);
    expect((await weekly({ calculate: 'time' })).rows).toEqual((await weekly()).rows);
  });

  it('shows time that rounds to nothing as 00:00:00, leaving only days without entries empty', async () => {
    // Rounded to the nearest hour, Linus's Email (Friday, 900 s) and Grace's Website copy (Sunday, 1500 s) count 0 s.
    const table = await weekly({ rounding: 0, rounding_minutes: 60 });
    const cells = (user: string, project: string) =>
      [...DAYS, 'Total'].map((day) => table.records.find((record) => record['User'] === user && record['Project'] === project)?.[day]);
    expect(cells('Linus Torvalds', '')).toEqual(['', '', '', '', '00:00:00', '', '', '00:00:00']);
    expect(cells('Grace Hopper', 'Website')).toEqual(['', '', '', '', '', '', '00:00:00', '00:00:00']);
  });

  it('applies the report filters to its rows', async () => {
    const table = await weekly({ project_ids: [WEBSITE] });
    expect(table.records.map((record) => [record['User'], record['Project']])).toEqual([
      ['Grace Hopper', 'Website'],
      ['Linus Torvalds', 'Website'],
    ]);
    expect(sum(table.column('Total').map(secondsOf))).toBe(8700);
  });

  it('answers a grouping it does not know with 400 naming the field', async () => {
    for (const grouping of ['clients', 'tasks', 'nonsense']) {
      const answer = await postTo(server.url, paths.weekly(), { body: { ...WEEK, grouping } });
      expect(answer.status, grouping).toBe(400);
      expect(answer.json()).toMatch(/'grouping'/);
    }
  });
});

describe('weekly report order of names differing in case', () => {
  // Ada renamed to Grace's name in lower case: her rows come after all of Grace Hopper's, not among them by project.
  const renamed = datasetServerFor({
    ...dataset,
    users: withChange(dataset.users, ADA, { fullname: 'grace hopper' }),
  });

  it('sorts rows by user name ignoring case, and names differing only in case by code point', async () => {
    const table = await csvTable(renamed(), paths.weekly(), WEEK);
    expect(table.records.map((record) => [record['User'], record['Project']])).toEqual([
      ['Grace Hopper', 'Internal'],
      ['Grace Hopper', 'Website'],
      ['Grace Hopper', ''],
      ['grace hopper', 'Billing API'],
      ['Linus Torvalds', 'Website'],
      ['Linus Torvalds', ''],
    ]);
  });
});
