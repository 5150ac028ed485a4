import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/index.ts';
import { post } from '../http.ts';
import { csvRows } from '../parse-files.ts';
import { paths, pdfPages, postTo, secondsOf, startDatasetServer, WEEK, type XlsxCell, xlsxTables } from './fixtures.ts';

/*
 * The same request holds the same rows in every format: the XLSX sheet the CSV's header and
 * rows (numbers as numbers), the PDF its title, period, rows and totals. And the CSV follows
 * Toggl's conventions (byte-order mark, every field quoted, LF).
 */

let server: MockServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
});

const ok = async (answer: Promise<Awaited<ReturnType<typeof postTo>>>) => {
  const { status, bytes } = await answer;
  expect(status, bytes.toString()).toBe(200);
  return bytes;
};
const DAY_COLUMN = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /;
const MONEY_COLUMN = /^(Amount|Rate|Revenue|Labour cost|Profit) \(|^Total \(/;

/** What an XLSX cell must hold for a CSV cell of a column: a number for durations, hours, amounts and IDs; the text otherwise. */
function expectedCell(header: string, text: string, decimal: boolean): XlsxCell {
  if (text === '') return null;
  if (header === 'Duration' || header === 'Total' || DAY_COLUMN.test(header)) return decimal ? Number(text) : secondsOf(text) / 86_400;
  if (MONEY_COLUMN.test(header) || header === 'Tracked hours' || header === 'Billable hours') return Number(text);
  if (header === 'Project ID' || header.endsWith('(seconds)')) return Number(text);
  return text;
}

const close = (actual: XlsxCell, expected: XlsxCell) =>
  typeof actual === 'number' && typeof expected === 'number' ? Math.abs(actual - expected) < 1e-9 : actual === expected;

/** Compares a workbook's one sheet with the CSV of the same request, value by value. */
async function expectSameTable(csvBytes: Buffer, xlsxBytes: Buffer, decimal = false) {
  const sheets = await xlsxTables(xlsxBytes);
  expect(sheets).toHaveLength(1);
  const [header = [], ...rows] = csvRows(csvBytes);
  const [sheetHeader, ...sheetRows] = sheets[0]?.rows ?? [];
  expect(sheetHeader).toEqual(header);
  expect(sheetRows).toHaveLength(rows.length);
  expect(rows.length).toBeGreaterThan(0);
  rows.forEach((row, index) => {
    const actual = sheetRows[index] ?? [];
    const expected = row.map((text, column) => expectedCell(header[column] ?? '', text, decimal));
    const same = expected.every((cell, column) => close(actual[column] ?? null, cell)) && actual.length === expected.length;
    expect(same, `row ${index + 1}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`).toBe(true);
  });
}

describe("XLSX holds the CSV's header and rows", () => {
  const cases: [string, (ext: 'csv' | 'xlsx') => string, Record<string, unknown>, boolean][] = [
    ['detailed report', (ext) => paths.detailed(undefined, ext), WEEK, false],
    ['detailed report, decimal durations', (ext) => paths.detailed(undefined, ext), { ...WEEK, duration_format: 'decimal' }, true],
    [
      'detailed report, grouped without amounts',
      (ext) => paths.detailed(undefined, ext),
      { ...WEEK, grouped: true, hide_amounts: true },
      false,
    ],
    [
      'summary report with rates',
      (ext) => paths.summary(undefined, ext),
      { ...WEEK, grouping: 'users', sub_grouping: 'projects', distinguish_rates: true },
      false,
    ],
    ['summary report, decimal durations', (ext) => paths.summary(undefined, ext), { ...WEEK, duration_format: 'decimal' }, true],
    ['employee profitability', (ext) => paths.employees(undefined, ext), { ...WEEK, resolution: 'day' }, false],
    ['project profitability', (ext) => paths.projects(undefined, ext), WEEK, false],
    ['project trends', (ext) => paths.trends(undefined, ext), WEEK, false],
    ['saved report', (ext) => paths.saved('team-summary', ext), {}, false],
  ];
  it.each(cases)('%s', async (_, path, body, decimal) => {
    await expectSameTable(
      await ok(postTo(server.url, path('csv'), { body })),
      await ok(postTo(server.url, path('xlsx'), { body })),
      decimal,
    );
  });

  it('stores durations as fractions of a day and amounts as numbers', async () => {
    const [sheet] = await xlsxTables(
      await ok(postTo(server.url, paths.detailed(undefined, 'xlsx'), { body: { ...WEEK, time_entry_ids: [1] } })),
    );
    const [header = [], row = []] = sheet?.rows ?? [];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Duration')).toBeCloseTo(5400 / 86_400, 12);
    expect(cell('Amount (EUR)')).toBe(225);
    expect(cell('Start date')).toBe('2026-10-05');
    expect(cell('Start time')).toBe('09:00:00');
    const [decimal] = await xlsxTables(
      await ok(
        postTo(server.url, paths.detailed(undefined, 'xlsx'), { body: { ...WEEK, time_entry_ids: [1], duration_format: 'decimal' } }),
      ),
    );
    expect(decimal?.rows[1]?.[header.indexOf('Duration')]).toBe(1.5);
  });

  it('holds a month of the built-in workspace like its CSV', async () => {
    const body = { start_date: '2026-10-01', end_date: '2026-10-31' };
    await expectSameTable(
      (await post(paths.detailed(1234567), { body })).bytes,
      (await post(paths.detailed(1234567, 'xlsx'), { body })).bytes,
    );
  });
});

describe('PDF holds the report', () => {
  const rowsOf = async (path: string, body: unknown) => csvRows(await ok(postTo(server.url, path, { body }))).slice(1);

  it("detailed: title, workspace, period in date_format, every row's description and the totals", async () => {
    const body = { ...WEEK, date_format: 'DD/MM/YYYY' };
    const text = (await pdfPages(await ok(postTo(server.url, paths.detailed(undefined, 'pdf'), { body })))).join('\n');
    expect(text).toContain('Detailed report');
    expect(text).toContain('Acme');
    expect(text).toContain('05/10/2026 – 11/10/2026');
    for (const [, , , , , description] of await rowsOf(paths.detailed(), WEEK)) expect(text).toContain(description);
    expect(text).toMatch(/Total\s+06:45:50\s+544\.58/);
    expect(text).toContain('Page 1 of 1');
  });

  it('summary: every group and sub-group and the totals', async () => {
    const text = (
      await pdfPages(
        await ok(
          postTo(server.url, paths.summary(undefined, 'pdf'), { body: { ...WEEK, grouping: 'users', sub_grouping: 'time_entries' } }),
        ),
      )
    ).join('\n');
    expect(text).toContain('Summary report');
    expect(text).toContain('10/05/2026 – 10/11/2026');
    for (const [user, description] of await rowsOf(paths.summary(), { ...WEEK, grouping: 'users', sub_grouping: 'time_entries' })) {
      expect(text).toContain(user);
      expect(text).toContain(description);
    }
    expect(text).toMatch(/Total\s+06:45:50\s+544\.58/);
  });

  it('weekly: each row and the day totals', async () => {
    const text = (await pdfPages(await ok(postTo(server.url, paths.weekly(undefined, 'pdf'), { body: WEEK })))).join('\n');
    expect(text).toContain('Weekly report');
    expect(text).toContain('Mon 10/05/2026');
    // Monday: Ada 6650 s + Linus 7200 s = 03:50:50; the week 06:45:50; Saturday, without entries, stays empty.
    expect(text).toMatch(/Total\s+03:50:50\s+00:30:00\s+00:45:00\s+01:00:00\s+00:15:00\s+00:25:00\s+06:45:50/);
  });

  it('is A4 landscape', async () => {
    for (const path of [paths.detailed(undefined, 'pdf'), paths.summary(undefined, 'pdf'), paths.weekly(undefined, 'pdf')]) {
      const bytes = await ok(postTo(server.url, path, { body: WEEK }));
      const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
      try {
        const [, , width = 0, height = 0] = (await document.getPage(1)).view;
        expect([Math.round(width), Math.round(height)], path).toEqual([842, 595]);
      } finally {
        await document.destroy();
      }
    }
  });

  it('repeats the column headers on every page of a long report and numbers the pages', async () => {
    const body = { start_date: '2026-10-01', end_date: '2026-10-31' };
    const pages = await pdfPages((await post(paths.detailed(1234567, 'pdf'), { body })).bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('Start date');
      expect(page).toContain('Description');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const rows = csvRows((await post(paths.detailed(1234567), { body })).bytes).slice(1);
    const descriptions = new Set(rows.map((row) => row[5] ?? ''));
    for (const description of descriptions) expect(pages.join('\n')).toContain(description);
  });
});

describe('fixed creation time', () => {
  it('stamps XLSX and PDF files with the morning after the period, not the clock', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ok(postTo(server.url, paths.detailed(undefined, 'xlsx'), { body: WEEK }))) as unknown as ArrayBuffer);
    expect(workbook.created.toISOString()).toBe('2026-10-12T09:00:00.000Z');
    const pdfBytes = await ok(postTo(server.url, paths.summary(undefined, 'pdf'), { body: WEEK }));
    const document = await getDocument({ data: new Uint8Array(pdfBytes), isEvalSupported: false }).promise;
    try {
      const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
      expect(String(info['CreationDate'])).toMatch(/^D:20261012090000/);
    } finally {
      await document.destroy();
    }
  });
});

describe('CSV conventions', () => {
  const exportsToCheck: [string, string, unknown][] = [
    ['detailed', paths.detailed(), WEEK],
    ['summary', paths.summary(), WEEK],
    ['weekly', paths.weekly(), WEEK],
    ['employee profitability', paths.employees(), WEEK],
    ['project profitability', paths.projects(), WEEK],
    ['project trends', paths.trends(), WEEK],
    ['saved report', paths.saved('b1ll4ble'), undefined],
  ];
  it.each(exportsToCheck)('%s: a UTF-8 byte-order mark, every field quoted, lines ending in LF', async (_, path, body) => {
    const bytes = await ok(postTo(server.url, path, { body }));
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const text = bytes.subarray(3).toString('utf8');
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  });

  it('doubles quotes inside fields and keeps commas inside quotes', async () => {
    const body = { start_date: '2026-10-01', end_date: '2026-10-31', project_ids: [7004, 7010] };
    const text = (await post(paths.detailed(1234567), { body })).bytes.toString('utf8');
    expect(text).toContain('"Review ""redline"" export with partners"');
    expect(text).toContain('"Harbor, Wells & Co."');
    const rows = csvRows(Buffer.from(text));
    expect(rows.some((row) => row.includes('Review "redline" export with partners'))).toBe(true);
  });
});
