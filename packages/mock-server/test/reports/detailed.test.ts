import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import {
  ADA,
  csvTable,
  dataset,
  datasetServerFor,
  entryIds,
  paths,
  REVIEW,
  SECONDS,
  secondsOf,
  startDatasetServer,
  sum,
  WEEK,
  WEEK_ENTRIES,
  WS_EDGES,
  withChange,
} from './fixtures.ts';

/* The detailed report's columns, rows, ordering and grouping, against the dataset of fixtures.ts. */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const detailed = (body: Record<string, unknown> = {}) => csvTable(server.url, paths.detailed(), { ...WEEK, ...body });
const ids = async (body: Record<string, unknown>) => entryIds(await detailed(body));
const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

describe('detailed report columns and rows', () => {
  it("has the README's columns, in order", async () => {
    expect((await detailed()).header).toEqual([
      'User',
      'Email',
      'Client',
      'Project',
      'Task',
      'Description',
      'Billable',
      'Start date',
      'Start time',
      'End date',
      'End time',
      'Duration',
      'Tags',
      'Amount (EUR)',
    ]);
  });

  it('writes one row per entry with its user, client, project, task, local times, duration, tags and amount', async () => {
    const { records } = await detailed({ time_entry_ids: [1, 3] });
    expect(records).toEqual([
      {
        User: 'Linus Torvalds',
        Email: 'linus@acme.example',
        Client: 'Initech',
        Project: 'Website',
        Task: '',
        Description: 'Website copy',
        Billable: 'Yes',
        'Start date': '2026-10-05',
        'Start time': '08:30:00',
        'End date': '2026-10-05',
        'End time': '10:30:00',
        Duration: '02:00:00',
        Tags: 'Urgent',
        // Linus's own rate (70/h) applies: the project has none, the task none.
        'Amount (EUR)': '140.00',
      },
      {
        User: 'Ada Lovelace',
        Email: 'ada@acme.example',
        Client: 'Globex',
        Project: 'Billing API',
        Task: 'Invoices',
        Description: 'Invoice PDF layout',
        Billable: 'Yes',
        'Start date': '2026-10-05',
        'Start time': '09:00:00',
        'End date': '2026-10-05',
        'End time': '10:30:00',
        Duration: '01:30:00',
        Tags: 'Review',
        // The task's rate (150/h) comes before the project's (120/h).
        'Amount (EUR)': '225.00',
      },
    ]);
  });

  it('prices billable entries by task, else project, else member, else workspace rate', async () => {
    const { records } = await detailed({ billable: true });
    expect(records.map((record) => [record['Description'], record['Duration'], record['Amount (EUR)']])).toEqual([
      ['Website copy', '02:00:00', '140.00'], // member rate 70
      ['Invoice PDF layout', '01:30:00', '225.00'], // task rate 150
      ['Invoice PDF layout', '00:20:50', '52.08'], // task rate 150: 1250 s × 150 / 3600 = 52.083
      ['invoice review', '00:45:00', '90.00'], // task without rate: project rate 120
      ['Website copy', '00:25:00', '37.50'], // workspace default 90
    ]);
  });

  it('leaves empty cells for what an entry does not have, and marks non-billable entries No', async () => {
    const [planning] = (await detailed({ time_entry_ids: [2] })).records;
    expect(planning).toMatchObject({ Client: '', Project: '', Task: '', Tags: '', Billable: 'No', 'Amount (EUR)': '' });
  });

  it('writes several tags separated by ", "', async () => {
    const [review] = (await detailed({ time_entry_ids: [4] })).records;
    expect(review?.['Tags']?.split(', ').sort()).toEqual(['Review', 'Urgent']);
  });
});

describe('detailed report order', () => {
  it('sorts by start date and time by default, and order_by date ASC does the same', async () => {
    expect(await ids({})).toEqual(WEEK_ENTRIES);
    expect(await ids({ order_by: 'date', order_dir: 'ASC' })).toEqual(WEEK_ENTRIES);
  });

  it('reverses the date order with order_dir DESC, with or without order_by', async () => {
    expect(await ids({ order_by: 'date', order_dir: 'DESC' })).toEqual([...WEEK_ENTRIES].reverse());
    expect(await ids({ order_dir: 'DESC' })).toEqual([...WEEK_ENTRIES].reverse());
  });

  it('sorts by duration, shortest first, or longest first with DESC', async () => {
    const shortestFirst = [...WEEK_ENTRIES].sort((a, b) => (SECONDS[a] ?? 0) - (SECONDS[b] ?? 0));
    expect(shortestFirst).toEqual([8, 7, 6, 2, 4, 5, 1, 3]);
    expect(await ids({ order_by: 'duration' })).toEqual(shortestFirst);
    expect(await ids({ order_by: 'duration', order_dir: 'DESC' })).toEqual([...shortestFirst].reverse());
  });

  it('sorts by user name, A to Z or Z to A', async () => {
    const ascending = (await detailed({ order_by: 'user' })).column('User');
    expect(ascending).toEqual([...ascending].sort(byText));
    expect(new Set(ascending).size).toBe(3);
    expect(ascending[0]).toBe('Ada Lovelace');
    const descending = (await detailed({ order_by: 'user', order_dir: 'DESC' })).column('User');
    expect(descending).toEqual([...ascending].reverse());
  });

  it('sorts by description, A to Z or Z to A, ignoring case', async () => {
    const ascending = (await detailed({ order_by: 'description' })).column('Description');
    expect(ascending).toEqual([
      'CI cleanup',
      'Email',
      'Invoice PDF layout',
      'Invoice PDF layout',
      'invoice review',
      'Planning',
      'Website copy',
      'Website copy',
    ]);
    const descending = (await detailed({ order_by: 'description', order_dir: 'DESC' })).column('Description');
    expect(descending).toEqual([...ascending].reverse());
  });

  it('sorts by the time each entry was last changed (its at)', async () => {
    // at: 7 10-05, 2 10-06, 4 10-07, 8 10-10, 6 10-12, 3 10-15, 1 10-20, 5 10-25.
    expect(await ids({ order_by: 'last_update' })).toEqual([7, 2, 4, 8, 6, 3, 1, 5]);
    expect(await ids({ order_by: 'last_update', order_dir: 'DESC' })).toEqual([5, 1, 3, 6, 8, 4, 2, 7]);
  });
});

describe('detailed report order of texts differing in case', () => {
  // Ada renamed to Grace's name in lower case, entry 1 described in lower case (entry 7 is not), and the tag Review in lower case.
  const renamed = datasetServerFor({
    ...dataset,
    users: withChange(dataset.users, ADA, { fullname: 'grace hopper' }),
    tags: withChange(dataset.tags, REVIEW, { name: 'review' }),
    time_entries: withChange(dataset.time_entries, 1, { description: 'invoice PDF layout' }),
  });

  const idsBy = async (order_by: string, order_dir: 'ASC' | 'DESC' = 'ASC') =>
    entryIds(await csvTable(renamed(), paths.detailed(), { ...WEEK, order_by, order_dir }));

  it('sorts user names ignoring case, and names differing only in case by code point', async () => {
    // Grace Hopper (entries 2, 5, 6), then grace hopper (1, 7, 4), then Linus Torvalds (3, 8).
    expect(await idsBy('user')).toEqual([2, 5, 6, 1, 7, 4, 3, 8]);
    expect(await idsBy('user', 'DESC')).toEqual([8, 3, 4, 7, 1, 6, 5, 2]);
  });

  it('sorts descriptions differing only in case by code point rather than by start', async () => {
    // Entry 7 "Invoice PDF layout" before entry 1 "invoice PDF layout", though entry 1 starts first.
    expect(await idsBy('description')).toEqual([5, 8, 7, 1, 4, 2, 3, 6]);
  });

  it("lists an entry's tags by name ignoring case", async () => {
    const [review] = (await csvTable(renamed(), paths.detailed(), { ...WEEK, time_entry_ids: [4] })).records;
    expect(review?.['Tags']).toBe('review, Urgent');
  });
});

describe('detailed report grouped', () => {
  it('merges the similar entries of a day into one row spanning their start to end, with durations and amounts added up', async () => {
    const grouped = await detailed({ grouped: true });
    const layout = grouped.records.filter((record) => record['Description'] === 'Invoice PDF layout');
    // Entries 1 (09:00-10:30, 225.00) and 7 (14:00-14:20:50, 52.08): same day, user, description, project, task, billable and tags.
    expect(layout).toEqual([
      expect.objectContaining({
        User: 'Ada Lovelace',
        Project: 'Billing API',
        Task: 'Invoices',
        'Start date': '2026-10-05',
        'Start time': '09:00:00',
        'End date': '2026-10-05',
        'End time': '14:20:50',
        Duration: '01:50:50',
        Tags: 'Review',
        'Amount (EUR)': '277.08',
      }),
    ]);
    expect(grouped.rows).toHaveLength(WEEK_ENTRIES.length - 1);
  });

  it("keeps entries apart that differ in user or day, and keeps the report's total", async () => {
    const grouped = await detailed({ grouped: true });
    const copy = grouped.records.filter((record) => record['Description'] === 'Website copy');
    expect(copy.map((record) => [record['User'], record['Start date'], record['Duration']])).toEqual([
      ['Linus Torvalds', '2026-10-05', '02:00:00'],
      ['Grace Hopper', '2026-10-11', '00:25:00'],
    ]);
    expect(sum(grouped.column('Duration').map(secondsOf))).toBe(sum(WEEK_ENTRIES.map((id) => SECONDS[id] ?? 0)));
  });

  it('sorts merged rows by their merged duration', async () => {
    const grouped = await detailed({ grouped: true, order_by: 'duration' });
    expect(grouped.column('Duration')).toEqual(['00:15:00', '00:25:00', '00:30:00', '00:45:00', '01:00:00', '01:50:50', '02:00:00']);
  });

  it('merges nothing without grouped', async () => {
    expect((await detailed({ grouped: false })).rows).toHaveLength(WEEK_ENTRIES.length);
  });
});

describe('detailed report edge cases (workspace 45)', () => {
  const edges = (body: Record<string, unknown>) => csvTable(server.url, paths.detailed(WS_EDGES), body);
  const day = (date: string, body: Record<string, unknown> = {}) => edges({ start_date: date, end_date: date, ...body });

  it('puts an entry running past midnight on the day it starts, ending on the next', async () => {
    expect((await day('2026-10-06')).records).toEqual([
      expect.objectContaining({
        User: 'Grace Hopper',
        Description: 'Night shift',
        'Start date': '2026-10-06',
        'Start time': '23:30:00',
        'End date': '2026-10-07',
        'End time': '00:30:00',
        Duration: '01:00:00',
        'Amount (EUR)': '100.00',
      }),
    ]);
    expect((await day('2026-10-07')).column('Description')).not.toContain('Night shift');
    const weekly = await csvTable(server.url, paths.weekly(WS_EDGES), WEEK);
    const night = weekly.records.find((record) => record['User'] === 'Grace Hopper');
    expect([night?.['Tue 2026-10-06'], night?.['Wed 2026-10-07']]).toEqual(['01:00:00', '']);
  });

  it('keeps the tracked duration of an entry over a clock change, with local times on each side', async () => {
    expect(
      (await day('2026-10-25')).records.map((record) => [record['Start time'], record['End date'], record['End time'], record['Duration']]),
    ).toEqual([['01:30:00', '2026-10-25', '01:30:00', '01:00:00']]);
  });

  it('shows a user without a time zone in UTC, and leaves a missing description and email empty', async () => {
    const [katherine] = (await day('2026-10-07')).records.filter((record) => record['User'] === 'Katherine Johnson');
    expect(katherine).toMatchObject({
      Email: '',
      Description: '',
      'Start date': '2026-10-07',
      'Start time': '21:30:00',
      'End time': '21:40:00',
    });
  });

  it('merges only entries alike in tags and billable flag too when grouped', async () => {
    const grouped = await day('2026-10-08', { grouped: true });
    expect(
      grouped.records.map((record) => [
        record['Tags'],
        record['Billable'],
        record['Start time'],
        record['End time'],
        record['Duration'],
        record['Amount (EUR)'],
      ]),
    ).toEqual([
      ['Review', 'Yes', '10:00:00', '13:10:00', '00:20:00', '50.00'],
      ['Urgent', 'Yes', '11:00:00', '11:10:00', '00:10:00', '25.00'],
      ['Review', 'No', '12:00:00', '12:10:00', '00:10:00', ''],
    ]);
    expect((await day('2026-10-08')).rows).toHaveLength(4);
  });
});
