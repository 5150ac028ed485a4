import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import {
  ADA,
  ADMIN,
  BILLING_API,
  csvTable,
  DESCRIPTION,
  ENGINEERING,
  entryIds,
  GLOBEX,
  GRACE,
  INITECH,
  INVOICES,
  LINUS,
  OPS,
  paths,
  postTo,
  REPORTS,
  REVIEW,
  SECONDS,
  secondsOf,
  startDatasetServer,
  sum,
  URGENT,
  USER_NAME,
  WEBSITE,
  WEEK,
  WEEK_ENTRIES,
} from './fixtures.ts';

/*
 * Which entries a report holds: the period (in each user's time zone, with the defaults and
 * the limits of the README) and every filter of the detailed, summary and weekly reports,
 * against the hand-written dataset of fixtures.ts.
 */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const detailedIds = async (body: Record<string, unknown>) => entryIds(await csvTable(server.url, paths.detailed(), body));
const fileName = async (path: string, body: unknown) => (await postTo(server.url, path, { body })).headers.get('content-disposition');
const expectError = async (path: string, body: unknown, status: number, message: string | RegExp) => {
  const answer = await postTo(server.url, path, { body });
  expect(answer.status, answer.bytes.toString()).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
  if (typeof message === 'string') expect(answer.json()).toBe(message);
  else expect(answer.json()).toMatch(message);
};
const utcToday = () => new Date().toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dmy = (date: string) => date.split('-').reverse().join('_');

describe('the period', () => {
  it('keeps exactly the entries whose local start date is inside start_date..end_date, both included', async () => {
    expect(await detailedIds(WEEK)).toEqual(WEEK_ENTRIES);
  });

  it("dates an entry by its start in the user's time zone, not in UTC", async () => {
    const table = await csvTable(server.url, paths.detailed(), WEEK);
    const byDescription = (description: string) => table.records.filter((record) => record['Description'] === description);
    // Entry 3 starts 2026-10-04T23:30Z, 08:30 on Monday in Tokyo; entry 6 starts 2026-10-12T02:00Z, 22:00 on Sunday in New York.
    expect(byDescription('Website copy').map((record) => [record['User'], record['Start date'], record['Start time']])).toEqual([
      ['Linus Torvalds', '2026-10-05', '08:30:00'],
      ['Grace Hopper', '2026-10-11', '22:00:00'],
    ]);
    // Entry 11 starts 2026-10-11T23:30Z, which is already Monday 00:30 in London.
    expect(byDescription('Late night deploy')).toEqual([]);
    expect(await detailedIds({ start_date: '2026-10-12', end_date: '2026-10-12' })).toEqual([11]);
    expect(await detailedIds({ start_date: '2026-10-04', end_date: '2026-10-04' })).toEqual([]);
  });

  it('covers a single day when start_date equals end_date', async () => {
    expect(await detailedIds({ start_date: '2026-10-05', end_date: '2026-10-05' })).toEqual([3, 1, 7]);
  });

  it('leaves running entries out of every report', async () => {
    const body = { start_date: '2026-10-06', end_date: '2026-10-06' };
    expect((await csvTable(server.url, paths.detailed(), body)).column('Description')).toEqual(['Planning']);
    expect((await csvTable(server.url, paths.summary(), body)).column('Description')).toEqual(['Planning']);
    expect((await csvTable(server.url, paths.projects(), body)).rows).toEqual([]);
  });

  it('covers the week from start_date when end_date is left out', async () => {
    const body = { start_date: '2026-10-06' };
    expect(await detailedIds(body)).toEqual([2, 4, 5, 8, 6, 11]);
    expect(await fileName(paths.detailed(), body)).toContain('(from_06_10_2026_to_12_10_2026)');
    expect(await fileName(paths.summary(), body)).toContain('(from_06_10_2026_to_12_10_2026)');
  });

  it('covers the week up to end_date when start_date is left out', async () => {
    const body = { end_date: '2026-10-05' };
    expect(await detailedIds(body)).toEqual([9, 3, 1, 7]);
    expect(await fileName(paths.detailed(), body)).toContain('(from_29_09_2026_to_05_10_2026)');
    expect(await fileName(paths.weekly(), body)).toContain('(from_29_09_2026_to_05_10_2026)');
  });

  it('covers the week up to today (UTC) when both dates are left out', async () => {
    const before = utcToday();
    const name = await fileName(paths.detailed(), { order_by: 'date' });
    const after = utcToday();
    const expected = [before, after].map((today) => `(from_${dmy(addDays(today, -6))}_to_${dmy(today)})`);
    expect(
      expected.some((period) => name?.includes(period)),
      `${name} names neither of ${expected.join(', ')}`,
    ).toBe(true);
  });

  it('answers a period of 367 days with 400 naming the limit of 366 days', async () => {
    const body = { start_date: '2026-01-01', end_date: '2027-01-02' };
    const message = 'The period 2026-01-01 to 2027-01-02 is 367 days long; a report covers at most 366 days';
    for (const path of [
      paths.detailed(),
      paths.detailed(undefined, 'xlsx'),
      paths.detailed(undefined, 'pdf'),
      paths.summary(),
      paths.employees(),
      paths.projects(),
      paths.trends(),
    ]) {
      await expectError(path, body, 400, message);
    }
  });

  it('computes a period of exactly 366 days', async () => {
    const body = { start_date: '2026-01-01', end_date: '2027-01-01' };
    expect((await detailedIds(body)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    expect((await postTo(server.url, paths.summary(), { body })).status).toBe(200);
    expect((await postTo(server.url, paths.employees(), { body })).status).toBe(200);
  });

  it('refuses a weekly report longer than 7 days, and computes one of 7', async () => {
    await expectError(paths.weekly(), { start_date: '2026-10-05', end_date: '2026-10-12' }, 400, /weekly report covers at most 7 days/);
    await expectError(paths.weekly(undefined, 'pdf'), { start_date: '2026-10-01', end_date: '2026-10-31' }, 400, /at most 7 days/);
    expect((await postTo(server.url, paths.weekly(), { body: WEEK })).status).toBe(200);
  });
});

/** Each filter with the entries of the week it keeps (entry table in fixtures.ts). */
const filterCases: [string, Record<string, unknown>, number[]][] = [
  ['project_ids [200]', { project_ids: [BILLING_API] }, [1, 4, 7]],
  ['project_ids [null] (no project)', { project_ids: [null] }, [2, 8]],
  ['project_ids [null, 200]', { project_ids: [null, BILLING_API] }, [1, 2, 4, 7, 8]],
  [
    'empty ID lists (no filter)',
    { project_ids: [], client_ids: [], task_ids: [], tag_ids: [], user_ids: [], group_ids: [], time_entry_ids: [] },
    WEEK_ENTRIES,
  ],
  ['client_ids [100]', { client_ids: [GLOBEX] }, [1, 4, 7]],
  ['client_ids [null] (no client)', { client_ids: [null] }, [2, 5, 8]],
  ['client_ids [null, 101]', { client_ids: [null, INITECH] }, [2, 3, 5, 6, 8]],
  ['task_ids [300]', { task_ids: [INVOICES] }, [1, 7]],
  ['task_ids [null] (no task)', { task_ids: [null] }, [2, 3, 5, 6, 8]],
  ['task_ids [null, 301]', { task_ids: [null, REPORTS] }, [2, 3, 4, 5, 6, 8]],
  ['tag_ids [400]', { tag_ids: [REVIEW] }, [1, 4, 7]],
  ['tag_ids [401]', { tag_ids: [URGENT] }, [3, 4, 5]],
  ['tag_ids [400, 401] (any of the tags)', { tag_ids: [REVIEW, URGENT] }, [1, 3, 4, 5, 7]],
  ['tag_ids [null] (no tags)', { tag_ids: [null] }, [2, 6, 8]],
  ['tag_ids [null, 401]', { tag_ids: [null, URGENT] }, [2, 3, 4, 5, 6, 8]],
  ['user_ids [8]', { user_ids: [GRACE] }, [2, 5, 6]],
  ['user_ids [7, 9]', { user_ids: [ADA, LINUS] }, [1, 3, 4, 7, 8]],
  ['group_ids [4] (Ops)', { group_ids: [OPS] }, [3, 8]],
  ['group_ids [5] (Admin)', { group_ids: [ADMIN] }, [1, 4, 7]],
  ['group_ids [3, 4] (members of any)', { group_ids: [ENGINEERING, OPS] }, WEEK_ENTRIES],
  ['time_entry_ids [3, 5]', { time_entry_ids: [3, 5] }, [3, 5]],
  ['time_entry_ids of an entry outside the period', { time_entry_ids: [9] }, []],
  ['billable true', { billable: true }, [1, 3, 4, 6, 7]],
  ['billable false', { billable: false }, [2, 5, 8]],
  ['description, ignoring case', { description: 'COPY' }, [3, 6]],
  ['description, a part in the middle', { description: 'voice re' }, [4]],
  ['description matching several', { description: 'invoice' }, [1, 4, 7]],
  ['min_duration_seconds (included)', { min_duration_seconds: 1800 }, [1, 2, 3, 4, 5]],
  ['max_duration_seconds (included)', { max_duration_seconds: 1500 }, [6, 7, 8]],
  ['min and max duration', { min_duration_seconds: 1500, max_duration_seconds: 2700 }, [2, 4, 6]],
  ['min equal to max duration', { min_duration_seconds: 2700, max_duration_seconds: 2700 }, [4]],
  [
    'several filters, all of which must match',
    { project_ids: [BILLING_API], billable: true, user_ids: [ADA], tag_ids: [REVIEW], description: 'pdf' },
    [1, 7],
  ],
  ['several filters with a duration bound', { client_ids: [GLOBEX], min_duration_seconds: 1300 }, [1, 4]],
  ['filters no entry matches together', { project_ids: [WEBSITE], user_ids: [ADA] }, []],
];

describe.each(filterCases)('filter %s', (_, filter, expected) => {
  const body = { ...WEEK, ...filter };
  const expectedSeconds = sum(expected.map((id) => SECONDS[id] ?? 0));

  it('keeps exactly those entries in the detailed report', async () => {
    expect(await detailedIds(body)).toEqual(WEEK_ENTRIES.filter((id) => expected.includes(id)));
  });

  it('keeps exactly their time in the summary report', async () => {
    const table = await csvTable(server.url, paths.summary(), body);
    expect(sum(table.column('Duration').map(secondsOf))).toBe(expectedSeconds);
    const descriptions = new Set(expected.map((id) => DESCRIPTION[id]));
    expect(new Set(table.column('Description'))).toEqual(descriptions);
  });

  it('keeps exactly their time in the weekly report', async () => {
    const table = await csvTable(server.url, paths.weekly(), body);
    expect(sum(table.column('Total').map(secondsOf))).toBe(expectedSeconds);
    expect(new Set(table.column('User'))).toEqual(new Set(expected.map((id) => USER_NAME[id])));
  });
});

describe('filters and rounding', () => {
  it('bounds the tracked seconds, not the rounded ones', async () => {
    // Rounded up to 15 minutes, entries 6 (1500 s) and 7 (1250 s) count 1800 s, entry 8 (900 s) stays 900 s.
    const rounded = async (bounds: Record<string, number>) =>
      (await csvTable(server.url, paths.detailed(), { ...WEEK, rounding: 1, rounding_minutes: 15, ...bounds })).records.map((record) => [
        record['Description'],
        record['Duration'],
      ]);
    expect(await rounded({ min_duration_seconds: 1300, max_duration_seconds: 1800 })).toEqual([
      ['Planning', '00:30:00'],
      ['Website copy', '00:30:00'],
    ]);
    expect(await rounded({ max_duration_seconds: 1250 })).toEqual([
      ['Invoice PDF layout', '00:30:00'],
      ['Email', '00:15:00'],
    ]);
  });
});
