import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/index.ts';
import { post } from '../http.ts';
import { datesFrom, paths, postTo, secondsOf, type Table, tableOf, weekdayOf } from './fixtures.ts';

/*
 * The built-in sample workspace: any period is as full as any other (entries on working days,
 * none on weekends), the same request always gets the same bytes, even from another server,
 * and another period gets other rows.
 */

const BUILT_IN = 1234567;
const detailed = async (body: Record<string, unknown>): Promise<Table> => {
  const answer = await post(paths.detailed(BUILT_IN), { body });
  expect(answer.status, answer.bytes.toString()).toBe(200);
  return tableOf(answer.bytes);
};
const march = (year: number) => ({ start_date: `${year}-03-01`, end_date: `${year}-03-31` });

let other: MockServer;
beforeAll(async () => {
  other = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await other.close();
});

describe('built-in workspace periods', () => {
  const months: Record<number, Table> = {};
  beforeAll(async () => {
    for (const year of [2019, 2026, 2031]) months[year] = await detailed(march(year));
  });

  it.each([2019, 2026, 2031])('has entries on every working day of March %i and none on weekends', (year) => {
    const table = months[year] as Table;
    const dates = new Set(table.column('Start date'));
    for (const date of datesFrom(`${year}-03-01`, `${year}-03-31`)) {
      const weekend = [0, 6].includes(weekdayOf(date));
      expect(dates.has(date), `${date}${weekend ? ' (weekend)' : ''}`).toBe(!weekend);
    }
    expect([...dates].every((date) => date.startsWith(`${year}-03-`))).toBe(true);
  });

  it('is as full in 2019 and 2031 as in 2026', () => {
    const perWorkingDay = (year: number) => {
      const table = months[year] as Table;
      return table.rows.length / new Set(table.column('Start date')).size;
    };
    const reference = perWorkingDay(2026);
    expect(reference).toBeGreaterThan(5);
    for (const year of [2019, 2031]) {
      expect(perWorkingDay(year) / reference, String(year)).toBeGreaterThan(0.75);
      expect(perWorkingDay(year) / reference, String(year)).toBeLessThan(1.33);
      expect(new Set((months[year] as Table).column('User')).size).toBe(new Set((months[2026] as Table).column('User')).size);
    }
  });

  it('draws other entries for another period, not the same ones on other dates', async () => {
    const first = await detailed({ start_date: '2026-10-05', end_date: '2026-10-09' });
    const second = await detailed({ start_date: '2026-10-12', end_date: '2026-10-16' });
    expect(first.column('Start date').every((date) => date <= '2026-10-09')).toBe(true);
    expect(second.column('Start date').every((date) => date >= '2026-10-12')).toBe(true);
    const withoutDates = (table: Table) =>
      table.records.map((record) => [record['User'], record['Description'], record['Start time'], record['Duration']].join('|'));
    expect(withoutDates(second)).not.toEqual(withoutDates(first));
    expect(secondsOf(first.column('Duration')[0] ?? '')).toBeGreaterThan(0);
  });
});

describe('built-in workspace answers', () => {
  const requests: [string, string, Record<string, unknown>][] = [
    ['detailed CSV', paths.detailed(BUILT_IN), { start_date: '2026-10-01', end_date: '2026-10-31' }],
    ['detailed XLSX', paths.detailed(BUILT_IN, 'xlsx'), { start_date: '2026-10-01', end_date: '2026-10-31' }],
    ['summary PDF', paths.summary(BUILT_IN, 'pdf'), { start_date: '2026-10-01', end_date: '2026-10-31', grouping: 'users' }],
    ['weekly PDF', paths.weekly(BUILT_IN, 'pdf'), { start_date: '2026-10-05', end_date: '2026-10-11' }],
    ['employee profitability XLSX', paths.employees(BUILT_IN, 'xlsx'), { start_date: '2026-10-01', end_date: '2026-10-31' }],
  ];
  it.each(requests)('gives identical bytes for identical %s requests, from this server and another', async (_, path, body) => {
    const first = await post(path, { body });
    const again = await post(path, { body });
    const elsewhere = await postTo(other.url, path, { body });
    expect(first.status).toBe(200);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(elsewhere.bytes.equals(first.bytes)).toBe(true);
    const otherPeriod = await post(path, {
      body: { ...body, start_date: '2025-10-06', end_date: body['end_date'] === '2026-10-11' ? '2025-10-12' : '2025-10-31' },
    });
    expect(otherPeriod.status).toBe(200);
    expect(otherPeriod.bytes.equals(first.bytes)).toBe(false);
  });
});
