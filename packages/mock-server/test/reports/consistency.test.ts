import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import { post } from '../http.ts';
import {
  centsOf,
  csvTable,
  datesFrom,
  hoursText,
  paths,
  secondsOf,
  startDatasetServer,
  sum,
  type Table,
  tableOf,
  WEEK,
} from './fixtures.ts';

/*
 * The reports agree with each other: for the same period, filters and rounding, the summary,
 * weekly and insights figures add up to the detailed report's rows, and a saved report holds
 * its source's rows. Mostly over the built-in workspace (a month of entries), once over the
 * dataset of fixtures.ts.
 */

const BUILT_IN = 1234567;
const builtIn = async (path: string, body: unknown): Promise<Table> => {
  const answer = await post(path, { body });
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${answer.bytes.toString()}`);
  return tableOf(answer.bytes);
};

/** Seconds and cents of detailed rows, added up per key. */
function totalsBy(
  detailed: Table,
  keyOf: (record: Record<string, string>) => string,
): Map<string, { seconds: number; cents: number; billableSeconds: number }> {
  const amountColumn = detailed.header.find((name) => name.startsWith('Amount ('));
  const totals = new Map<string, { seconds: number; cents: number; billableSeconds: number }>();
  for (const record of detailed.records) {
    const key = keyOf(record);
    const total = totals.get(key) ?? { seconds: 0, cents: 0, billableSeconds: 0 };
    const seconds = secondsOf(record['Duration'] ?? '');
    total.seconds += seconds;
    total.cents += amountColumn ? (centsOf(record[amountColumn] ?? '') ?? 0) : 0;
    if (record['Billable'] === 'Yes') total.billableSeconds += seconds;
    totals.set(key, total);
  }
  return totals;
}

const MONTH = { start_date: '2026-10-01', end_date: '2026-10-31' };
const bodies: [string, Record<string, unknown>][] = [
  ['a month', MONTH],
  ['a month with filters', { ...MONTH, client_ids: [501, 502, null], tag_ids: [null, 805], billable: true }],
  ['a month rounded up to 15 minutes', { ...MONTH, rounding: 1, rounding_minutes: 15, user_ids: [9001, 9003, 9006] }],
];

describe.each(bodies)('built-in workspace, %s', (_, body) => {
  it("has a summary whose total duration and amount are the detailed rows' sums", async () => {
    const detailed = await builtIn(paths.detailed(BUILT_IN), body);
    expect(detailed.rows.length).toBeGreaterThan(20);
    const whole = totalsBy(detailed, () => 'all').get('all');
    for (const grouping of ['projects', 'users', 'clients']) {
      const summary = await builtIn(paths.summary(BUILT_IN), {
        ...body,
        grouping,
        sub_grouping: grouping === 'users' ? 'projects' : 'users',
      });
      expect(sum(summary.column('Duration').map(secondsOf)), grouping).toBe(whole?.seconds);
      expect(sum(summary.column('Amount (USD)').map((cell) => centsOf(cell) ?? 0)), grouping).toBe(whole?.cents);
    }
  });

  it("has a summary by user whose per-user totals are the detailed rows' per-user sums", async () => {
    const perUser = totalsBy(await builtIn(paths.detailed(BUILT_IN), body), (record) => record['User'] ?? '');
    const summary = await builtIn(paths.summary(BUILT_IN), { ...body, grouping: 'users', sub_grouping: 'time_entries' });
    const fromSummary = new Map<string, { seconds: number; cents: number }>();
    for (const record of summary.records) {
      const total = fromSummary.get(record['User'] ?? '') ?? { seconds: 0, cents: 0 };
      total.seconds += secondsOf(record['Duration'] ?? '');
      total.cents += centsOf(record['Amount (USD)'] ?? '') ?? 0;
      fromSummary.set(record['User'] ?? '', total);
    }
    expect(fromSummary).toEqual(new Map([...perUser].map(([user, { seconds, cents }]) => [user, { seconds, cents }])));
  });
});

describe('built-in workspace, cross-report agreement', () => {
  // The employee insights take the period, rounding and members, not the reports' entry filters.
  it.each([MONTH, { ...MONTH, rounding: -1, rounding_minutes: 30, user_ids: [9002, 9005] }])(
    'has employee profitability hours and revenue that match the detailed rows per member (%o)',
    async (body) => {
      const perUser = totalsBy(await builtIn(paths.detailed(BUILT_IN), body), (record) => record['User'] ?? '');
      const employees = await builtIn(paths.employees(BUILT_IN), body);
      expect(
        new Map(
          employees.records.map((record) => [record['User'], [record['Tracked hours'], record['Billable hours'], record['Revenue (USD)']]]),
        ),
      ).toEqual(
        new Map(
          [...perUser].map(([user, total]) => [
            user,
            [hoursText(total.seconds), hoursText(total.billableSeconds), (total.cents / 100).toFixed(2)],
          ]),
        ),
      );
      expect(employees.rows.length).toBe(body === MONTH ? 8 : 2);
    },
  );

  it('has weekly per-day totals equal to the detailed durations grouped by start date', async () => {
    const week = { start_date: '2026-10-05', end_date: '2026-10-11' };
    const perDay = totalsBy(await builtIn(paths.detailed(BUILT_IN), week), (record) => record['Start date'] ?? '');
    const weekly = await builtIn(paths.weekly(BUILT_IN), week);
    for (const date of datesFrom(week.start_date, week.end_date)) {
      const column = weekly.header.find((name) => name.endsWith(date));
      expect(column, date).toBeDefined();
      expect(sum(weekly.column(column ?? '').map(secondsOf)), date).toBe(perDay.get(date)?.seconds ?? 0);
    }
    expect(sum(weekly.column('Total').map(secondsOf))).toBe(sum([...perDay.values()].map((total) => total.seconds)));
  });

  it('has weekly amounts per user and project equal to the detailed amounts', async () => {
    const week = { start_date: '2026-10-12', end_date: '2026-10-18' };
    const perRow = totalsBy(await builtIn(paths.detailed(BUILT_IN), week), (record) => `${record['User']} / ${record['Project']}`);
    const weekly = await builtIn(paths.weekly(BUILT_IN), { ...week, calculate: 'amounts' });
    const total = weekly.header.at(-1) ?? '';
    const fromWeekly = new Map(
      weekly.records.map((record) => [`${record['User']} / ${record['Project']}`, centsOf(record[total] ?? '') ?? 0]),
    );
    expect(fromWeekly).toEqual(new Map([...perRow].map(([key, { cents }]) => [key, cents])));
  });

  it('has project profitability and trends figures equal to the detailed rows per project', async () => {
    const perProject = totalsBy(await builtIn(paths.detailed(BUILT_IN), MONTH), (record) => record['Project'] ?? '');
    perProject.delete(''); // time without a project is not part of the project insights
    const projects = await builtIn(paths.projects(BUILT_IN), MONTH);
    expect(
      new Map(
        projects.records.map((record) => [record['Project'], [record['Tracked hours'], record['Billable hours'], record['Revenue (USD)']]]),
      ),
    ).toEqual(
      new Map(
        [...perProject].map(([project, total]) => [
          project,
          [hoursText(total.seconds), hoursText(total.billableSeconds), (total.cents / 100).toFixed(2)],
        ]),
      ),
    );
    const trends = await builtIn(paths.trends(BUILT_IN), MONTH);
    expect(new Map(trends.records.map((record) => [record['Project'], Number(record['Current period (seconds)'])]))).toEqual(
      new Map([...perProject].map(([project, total]) => [project, total.seconds])),
    );
  });

  it("has trends' previous period equal to the detailed report of the days just before", async () => {
    const previous = totalsBy(
      await builtIn(paths.detailed(BUILT_IN), { start_date: '2026-09-20', end_date: '2026-09-30' }),
      (record) => record['Project'] ?? '',
    );
    previous.delete('');
    const trends = await builtIn(paths.trends(BUILT_IN), { start_date: '2026-10-01', end_date: '2026-10-11' });
    const fromTrends = trends.records.map((record): [string, number] => [
      record['Project'] ?? '',
      Number(record['Previous period (seconds)']),
    ]);
    expect(new Map(fromTrends.filter(([, seconds]) => seconds > 0))).toEqual(
      new Map([...previous].map(([project, total]) => [project, total.seconds])),
    );
  });

  it('gives a saved report the rows of the detailed report it saves', async () => {
    // Every token of the built-in workspace opens its billable time of autumn 2026.
    const saved = await builtIn('/reports/api/v3/shared/any-token.csv', undefined);
    const source = await builtIn(paths.detailed(BUILT_IN), { billable: true, start_date: '2026-09-01', end_date: '2026-11-30' });
    expect(saved.header).toEqual(source.header);
    expect(saved.rows).toEqual(source.rows);
  });
});

describe('dataset, cross-report agreement', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startDatasetServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('has summary, weekly and insights totals equal to the detailed rows for rounded durations', async () => {
    const body = { ...WEEK, rounding: 0, rounding_minutes: 30 };
    const detailed = await csvTable(server.url, paths.detailed(), body);
    const seconds = sum(detailed.column('Duration').map(secondsOf));
    const cents = sum(detailed.column('Amount (EUR)').map((cell) => centsOf(cell) ?? 0));
    const summary = await csvTable(server.url, paths.summary(), body);
    expect(sum(summary.column('Duration').map(secondsOf))).toBe(seconds);
    expect(sum(summary.column('Amount (EUR)').map((cell) => centsOf(cell) ?? 0))).toBe(cents);
    expect(sum((await csvTable(server.url, paths.weekly(), body)).column('Total').map(secondsOf))).toBe(seconds);
    const employees = await csvTable(server.url, paths.employees(), body);
    expect(sum(employees.column('Revenue (EUR)').map((cell) => centsOf(cell) ?? 0))).toBe(cents);
    const perUser = totalsBy(detailed, (record) => record['User'] ?? '');
    expect(new Map(employees.records.map((record) => [record['User'], record['Tracked hours']]))).toEqual(
      new Map([...perUser].map(([user, total]) => [user, hoursText(total.seconds)])),
    );
  });
});
