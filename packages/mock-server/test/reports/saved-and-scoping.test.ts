import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import { post } from '../http.ts';
import { pdfText } from '../parse-files.ts';
import { csvTable, dataset, paths, postTo, startDatasetServer, tableOf, WEEK, WS_NO_CURRENCY, xlsxTables } from './fixtures.ts';

/*
 * Saved reports of a dataset (same rows as the export they were saved from, overrides, access)
 * and which workspaces a dataset's server answers for.
 */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const OCTOBER_BILLABLE = { billable: true, start_date: '2026-10-01', end_date: '2026-10-31' };
const noCredentials = { authorization: '' };
const expectError = async (answer: Promise<Awaited<ReturnType<typeof postTo>>>, status: number, message: string) => {
  const { status: actual, json, headers } = await answer;
  expect({ status: actual, type: headers.get('content-type') }).toEqual({ status, type: 'application/json; charset=utf-8' });
  expect(json()).toBe(message);
};
const rowsOf = (table: { header: string[]; rows: string[][] }) => [table.header, ...table.rows];

describe('saved reports of a dataset', () => {
  it('give the rows of the workspace export they were saved from, with the saved params', async () => {
    const saved = await csvTable(server.url, paths.saved('b1ll4ble'));
    const source = await csvTable(server.url, paths.detailed(), OCTOBER_BILLABLE);
    expect(rowsOf(saved)).toEqual(rowsOf(source));
    expect(saved.column('Billable')).toEqual(['Yes', 'Yes', 'Yes', 'Yes', 'Yes']);
  });

  it('give the same rows with an empty body as with none', async () => {
    expect(rowsOf(await csvTable(server.url, paths.saved('b1ll4ble'), {}))).toEqual(
      rowsOf(await csvTable(server.url, paths.saved('b1ll4ble'))),
    );
  });

  it('are named after the saved report', async () => {
    const answer = await postTo(server.url, paths.saved('b1ll4ble'));
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="TogglTrack_Report_Billable_October_(from_01_10_2026_to_31_10_2026).csv"',
    );
    const document = await pdfText((await postTo(server.url, paths.saved('b1ll4ble', 'pdf'))).bytes);
    expect(document.text).toContain('Billable October');
  });

  it('are named after the saved report in ASCII, accented letters without their accents', async () => {
    const [billable] = dataset.saved_reports ?? [];
    const accented = await startDatasetServer({
      ...dataset,
      saved_reports: [{ ...billable!, token: 'accented', name: 'Café Überstunden: Ωmega 日本' }],
    });
    try {
      expect((await postTo(accented.url, paths.saved('accented'))).headers.get('content-disposition')).toBe(
        'attachment; filename="TogglTrack_Report_Cafe_Uberstunden_mega_(from_01_10_2026_to_31_10_2026).csv"',
      );
    } finally {
      await accented.close();
    }
  });

  it('hold the same values in XLSX as the workspace export', async () => {
    const [saved] = await xlsxTables((await postTo(server.url, paths.saved('b1ll4ble', 'xlsx'))).bytes);
    const [source] = await xlsxTables((await postTo(server.url, paths.detailed(undefined, 'xlsx'), { body: OCTOBER_BILLABLE })).bytes);
    expect(saved?.rows).toEqual(source?.rows);
    expect(saved?.rows.length).toBe(6);
  });

  it("take the request body's fields over the saved ones, field by field", async () => {
    const nonBillable = await csvTable(server.url, paths.saved('b1ll4ble'), { billable: false });
    expect(rowsOf(nonBillable)).toEqual(rowsOf(await csvTable(server.url, paths.detailed(), { ...OCTOBER_BILLABLE, billable: false })));
    expect(nonBillable.column('Billable').every((cell) => cell === 'No')).toBe(true);
    const week = await csvTable(server.url, paths.saved('b1ll4ble'), { ...WEEK, order_by: 'duration' });
    expect(rowsOf(week)).toEqual(rowsOf(await csvTable(server.url, paths.detailed(), { ...WEEK, billable: true, order_by: 'duration' })));
    expect(week.rows).toHaveLength(5);
  });

  it("of summary and weekly reports give their source report's rows", async () => {
    const summaryParams = { ...WEEK, grouping: 'users', sub_grouping: 'projects' };
    expect(rowsOf(await csvTable(server.url, paths.saved('team-summary')))).toEqual(
      rowsOf(await csvTable(server.url, paths.summary(), summaryParams)),
    );
    const weeklyParams = { ...WEEK, grouping: 'projects' };
    expect(rowsOf(await csvTable(server.url, paths.saved('week-by-project')))).toEqual(
      rowsOf(await csvTable(server.url, paths.weekly(), weeklyParams)),
    );
    const overridden = await csvTable(server.url, paths.saved('team-summary'), { sub_grouping: 'time_entries' });
    expect(overridden.header).toEqual(['User', 'Description', 'Duration', 'Amount (EUR)']);
  });

  it('leave out override fields the report does not know', async () => {
    const answer = await postTo(server.url, paths.saved('b1ll4ble'), { body: { no_such_field: 1, calculate: 'amounts' } });
    expect(answer.status, answer.bytes.toString()).toBe(200);
    expect(rowsOf(tableOf(answer.bytes))).toEqual(rowsOf(await csvTable(server.url, paths.detailed(), OCTOBER_BILLABLE)));
  });

  it('use PDF-only params in the PDF and leave them out of the CSV', async () => {
    const text = (await pdfText((await postTo(server.url, paths.saved('pdf-detailed', 'pdf'))).bytes)).text;
    expect(text).toContain('05.10.2026 – 11.10.2026');
    expect(text).toContain('1.50');
    const csv = await postTo(server.url, paths.saved('pdf-detailed'));
    expect(csv.status, csv.bytes.toString()).toBe(200);
    expect(rowsOf(tableOf(csv.bytes))).toEqual(
      rowsOf(await csvTable(server.url, paths.detailed(), { ...WEEK, duration_format: 'decimal' })),
    );
  });

  it('answer a private report asked for without credentials with 403 "Invalid token", in every format', async () => {
    for (const ext of ['csv', 'xlsx', 'pdf'] as const) {
      await expectError(postTo(server.url, paths.saved('b1ll4ble', ext), { headers: noCredentials }), 403, 'Invalid token');
      expect((await postTo(server.url, paths.saved('b1ll4ble', ext))).status).toBe(200);
    }
  });

  it('answer a public report without credentials', async () => {
    for (const ext of ['csv', 'xlsx', 'pdf'] as const) {
      const anonymous = await postTo(server.url, paths.saved('team-summary', ext), { headers: noCredentials });
      expect(anonymous.status).toBe(200);
      expect(anonymous.bytes.equals((await postTo(server.url, paths.saved('team-summary', ext))).bytes)).toBe(true);
    }
  });

  it('answer an unknown token with 404 "Not found", with or without credentials', async () => {
    for (const ext of ['csv', 'xlsx', 'pdf'] as const) {
      await expectError(postTo(server.url, paths.saved('no-such-token', ext)), 404, 'Not found');
      await expectError(postTo(server.url, paths.saved('no-such-token', ext), { headers: noCredentials }), 404, 'Not found');
    }
  });
});

describe('data scoping with a dataset', () => {
  const unknown = 999;

  it('answers the reports of a workspace the dataset does not have with 403 "Workspace not found/accessible"', async () => {
    for (const path of [
      paths.detailed(unknown),
      paths.detailed(unknown, 'xlsx'),
      paths.detailed(unknown, 'pdf'),
      paths.summary(unknown),
      paths.summary(unknown, 'xlsx'),
      paths.summary(unknown, 'pdf'),
      paths.weekly(unknown),
      paths.weekly(unknown, 'pdf'),
    ]) {
      await expectError(postTo(server.url, path, { body: WEEK }), 403, 'Workspace not found/accessible');
    }
  });

  it('answers the profitability insights of such a workspace with 403 "User has no access to workspace or is not admin"', async () => {
    for (const path of [
      paths.employees(unknown),
      paths.employees(unknown, 'xlsx'),
      paths.projects(unknown),
      paths.projects(unknown, 'xlsx'),
    ]) {
      await expectError(postTo(server.url, path, { body: WEEK }), 403, 'User has no access to workspace or is not admin');
    }
  });

  it('answers the trends of such a workspace with the 403 the trends export documents', async () => {
    for (const path of [paths.trends(unknown), paths.trends(unknown, 'xlsx')]) {
      await expectError(postTo(server.url, path, { body: WEEK }), 403, 'Workspace not found/accessible');
    }
  });

  it("computes each workspace's reports from its own entries only", async () => {
    const plain = await csvTable(server.url, paths.detailed(WS_NO_CURRENCY), { start_date: '2026-01-01', end_date: '2026-12-31' });
    expect(plain.column('Description')).toEqual(['Plain work']);
    const acme = await csvTable(server.url, paths.detailed(), { start_date: '2026-01-01', end_date: '2026-12-31' });
    expect(acme.column('Description')).not.toContain('Plain work');
    expect(acme.column('Description')).not.toContain('Rounded work');
  });

  it('lets the built-in workspace answer for any workspace ID', async () => {
    const body = { start_date: '2026-10-05', end_date: '2026-10-09' };
    const one = await post('/reports/api/v3/workspace/1/search/time_entries.csv', { body });
    const other = await post('/reports/api/v3/workspace/987654321/search/time_entries.csv', { body });
    expect(one.status).toBe(200);
    expect(tableOf(one.bytes).rows.length).toBeGreaterThan(0);
    expect(one.bytes.equals(other.bytes)).toBe(true);
  });
});
