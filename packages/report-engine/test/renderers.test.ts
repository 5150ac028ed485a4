// The files (README "Toggl's file conventions"): CSV, XLSX and PDF, and their download names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  builtInData,
  type ExportFormat,
  type ExportRequest,
  exportReport,
  type PdfFonts,
  type Report,
  type ReportData,
  renderReport,
  type WorkspaceExportId,
} from '../src/index.ts';
import { DETAILED_COLUMNS } from './support/detailed-model.ts';
import { exported, loaded } from './support/engine.ts';
import { csvRows, csvText, pdfItems, pdfPages, xlsxSheets } from './support/files.ts';

const TRICKY = [
  'plain',
  'a, b',
  'say "hi"',
  'two\nlines',
  'carriage\r\nreturn',
  'controls \u0000\u0007\u000b\u001b\u007f kept',
  '_x0041_ typed as it reads',
  '""',
  'ends with a quote"',
  '"starts with one',
  '=SUM(A1:A9)',
  'emoji 🎉 ünïcödé',
  '  padded  ',
  ',,,',
];

function trickyData(): ReportData {
  return loaded({
    workspaces: [{ id: 42, name: 'Acme, "Quoted" Ltd', default_currency: 'EUR', default_hourly_rate: 90 }],
    users: [
      { id: 1, fullname: 'Zoë "Z" O\'Neil, Jr.', email: 'zoe@acme.example' },
      { id: 2, fullname: 'Line\nBreak', timezone: 'Asia/Kolkata' },
    ],
    clients: [{ id: 10, name: 'Harbor, Wells & Co.' }],
    projects: [{ id: 20, name: 'Quote "Q" project', client_id: 10, rate: 100 }],
    tags: [
      { id: 30, name: 'Tag, with comma' },
      { id: 31, name: 'Tag "quoted"' },
    ],
    time_entries: TRICKY.map((description, index) => ({
      id: index + 1,
      workspace_id: 42,
      user_id: (index % 2) + 1,
      project_id: index % 3 === 0 ? null : 20,
      description,
      billable: index % 2 === 0,
      tag_ids: index % 4 === 0 ? [30, 31] : [],
      start: `2026-10-${String(index + 1).padStart(2, '0')}T08:00:00Z`,
      duration: 1800 + index * 60,
    })),
  });
}

const october = { start_date: '2026-10-01', end_date: '2026-10-31' };
const request = (
  operationId: WorkspaceExportId,
  format: ExportFormat,
  body: Record<string, unknown> = october,
  extra: Partial<ExportRequest> = {},
): ExportRequest => ({
  operationId,
  format,
  workspaceId: 42,
  body,
  ...extra,
});

/** The whole file is quoted fields, each followed by a comma or LF: nothing unquoted, quotes doubled, no CR outside quotes. */
const QUOTED_FIELDS_ONLY = /^(?:"(?:[^"]|"")*"[,\n])*$/;

describe('CSV', () => {
  it('starts with the UTF-8 byte-order mark, quotes every field, doubles quotes, ends lines with LF', async () => {
    const file = await exported(trickyData(), request('exportDetailedReport', 'csv'));
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csvText(file.bytes);
    expect(text.startsWith('\uFEFF"User","Email","Client",')).toBe(true);
    expect(text.slice(1)).toMatch(QUOTED_FIELDS_ONLY);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain('"Zoë ""Z"" O\'Neil, Jr."');
    expect(text).toContain('"say ""hi"""');
  });

  it('keeps commas, quotes and line breaks inside fields through a csv-parse round trip', async () => {
    const [header, ...rows] = csvRows((await exported(trickyData(), request('exportDetailedReport', 'csv'))).bytes);
    expect(header).toEqual([...DETAILED_COLUMNS, 'Amount (EUR)']);
    expect(rows.map((row) => row[5])).toEqual(TRICKY);
    expect(rows.map((row) => row[0])).toEqual(TRICKY.map((_, index) => (index % 2 === 0 ? 'Zoë "Z" O\'Neil, Jr.' : 'Line\nBreak')));
    expect(rows.filter((row) => row[3] !== '').every((row) => row[2] === 'Harbor, Wells & Co.' && row[3] === 'Quote "Q" project')).toBe(
      true,
    );
    expect(rows[0]![12]).toBe('Tag "quoted", Tag, with comma');
    for (const row of rows) expect(row).toHaveLength(header!.length);
  });

  it('has only the header line when no entry matches', async () => {
    const file = await exported(trickyData(), request('exportDetailedReport', 'csv', { start_date: '2027-01-01', end_date: '2027-01-31' }));
    expect(csvText(file.bytes)).toBe(`\uFEFF${[...DETAILED_COLUMNS, 'Amount (EUR)'].map((name) => `"${name}"`).join(',')}\n`);
  });

  it('leaves the amount column out with hide_amounts, and names it after the currency', async () => {
    const [hidden] = csvRows(
      (await exported(trickyData(), request('exportDetailedReport', 'csv', { ...october, hide_amounts: true }))).bytes,
    );
    expect(hidden).toEqual(DETAILED_COLUMNS);
    const noCurrency = loaded({ workspaces: [{ id: 42, name: 'W' }] });
    const [header] = csvRows((await exported(noCurrency, request('exportDetailedReport', 'csv'))).bytes);
    expect(header!.at(-1)).toBe('Amount ()');
  });

  it('quotes every field of the other reports too', async () => {
    const data = trickyData();
    for (const operationId of [
      'exportSummaryReport',
      'exportProfitabilityEmployees',
      'exportProfitabilityProjects',
      'exportProjectTrends',
    ] as const) {
      const text = csvText((await exported(data, request(operationId, 'csv'))).bytes);
      expect(text.slice(1), operationId).toMatch(QUOTED_FIELDS_ONLY);
    }
    const weekly = csvText(
      (await exported(data, request('exportWeeklyReportCsv', 'csv', { start_date: '2026-10-05', end_date: '2026-10-11' }))).bytes,
    );
    expect(weekly.slice(1)).toMatch(QUOTED_FIELDS_ONLY);
  });
});

/** `HH:MM:SS` of whole seconds. */
const classic = (seconds: number) =>
  `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

describe('XLSX', () => {
  it('holds one sheet with the CSV header and values, numbers typed, header frozen', async () => {
    const data = trickyData();
    const [header = [], ...rows] = csvRows((await exported(data, request('exportDetailedReport', 'csv'))).bytes);
    const sheets = await xlsxSheets((await exported(data, request('exportDetailedReport', 'xlsx'))).bytes);
    expect(sheets).toHaveLength(1);
    const [sheet] = sheets;
    expect(sheet!.name).toBe('Detailed report');
    expect(sheet!.rows[0]).toEqual(header);
    expect(sheet!.rows).toHaveLength(rows.length + 1);
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    rows.forEach((row, index) => {
      const cells = sheet!.rows[index + 1]!;
      const formats = sheet!.formats[index + 1]!;
      header.forEach((name, column) => {
        const [text, value] = [row[column]!, cells[column]];
        const where = `row ${index + 1}, ${name}`;
        if (name === 'Duration') {
          expect(typeof value, where).toBe('number');
          expect(classic(Math.round((value as number) * 86_400)), where).toBe(text);
          expect(formats[column], where).toBe('[hh]:mm:ss');
        } else if (name === 'Amount (EUR)' && text !== '') {
          expect(typeof value, where).toBe('number');
          expect((value as number).toFixed(2), where).toBe(text);
          expect(formats[column], where).toBe('0.00');
        } else if (text === '') {
          expect([null, ''], where).toContain(value);
        } else {
          // Text stays the CSV's text, formulas and carriage returns included: "=SUM(A1:A9)" is not a formula.
          expect(value, where).toBe(text);
        }
      });
    });
  });

  it.each([
    ['History', 'Report'],
    ['HISTORY', 'Report'],
    ["'History'", 'Report'],
    ['', 'Report'],
    ['[*?]', 'Report'],
    ["'Quoted'", 'Quoted'],
    ["''Twice''", 'Twice'],
    [`${'x'.repeat(30)}'${'y'.repeat(5)}`, 'x'.repeat(30)],
    ['Q4: "Big" client / review [draft]', 'Q4  "Big" client   review  draf'],
    [`${'Ä'.repeat(30)}🎉`, 'Ä'.repeat(30)],
    ["Ada's report", "Ada's report"],
  ])('names the sheet of a saved report named %j %j, as Excel allows', async (savedName, sheetName) => {
    const file = await exported(trickyData(), request('exportDetailedReport', 'xlsx', october, { savedName }));
    const [sheet] = await xlsxSheets(file.bytes);
    expect(sheet!.name).toBe(sheetName);
    expect(sheet!.rows).toHaveLength(TRICKY.length + 1);
  });

  it('keeps a carriage return inside a text cell, as the CSV does', async () => {
    // XML readers turn a literal CR LF into LF; a CR survives only escaped (Excel writes _x000D_).
    const data = trickyData();
    const [header = [], ...rows] = csvRows((await exported(data, request('exportDetailedReport', 'csv'))).bytes);
    const [sheet] = await xlsxSheets((await exported(data, request('exportDetailedReport', 'xlsx'))).bytes);
    const column = header.indexOf('Description');
    const index = rows.findIndex((row) => row[column] === 'carriage\r\nreturn');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(sheet!.rows[index + 1]![column]).toBe('carriage\r\nreturn');
  });

  it('writes decimal durations as hours', async () => {
    const data = trickyData();
    const [header = [], ...rows] = csvRows(
      (await exported(data, request('exportDetailedReport', 'csv', { ...october, duration_format: 'decimal' }))).bytes,
    );
    const [sheet] = await xlsxSheets(
      (await exported(data, request('exportDetailedReport', 'xlsx', { ...october, duration_format: 'decimal' }))).bytes,
    );
    const column = header.indexOf('Duration');
    rows.forEach((row, index) => {
      expect(sheet!.rows[index + 1]![column]).toBeCloseTo(Number(row[column]), 10);
      expect(sheet!.formats[index + 1]![column]).toBe('0.00');
    });
  });

  it('types the weekly days, the profitability hours and amounts, and the trends IDs as numbers', async () => {
    const data = trickyData();
    const cases: [ExportRequest, (name: string) => boolean][] = [
      [
        request('exportWeeklyReportCsv', 'xlsx', { start_date: '2026-10-05', end_date: '2026-10-11' }),
        (name) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) |^Total/.test(name),
      ],
      [request('exportProfitabilityEmployees', 'xlsx'), (name) => /hours|Revenue|cost|Profit/.test(name)],
      [request('exportProjectTrends', 'xlsx'), (name) => /ID$|seconds/.test(name)],
    ];
    for (const [xlsxRequest, numeric] of cases) {
      const [csvHeader = [], ...csvBody] = csvRows((await exported(data, { ...xlsxRequest, format: 'csv' })).bytes);
      const [sheet] = await xlsxSheets((await exported(data, xlsxRequest)).bytes);
      expect(sheet!.rows[0], xlsxRequest.operationId).toEqual(csvHeader);
      expect(sheet!.rows.length - 1, xlsxRequest.operationId).toBe(csvBody.length);
      expect(csvBody.length, xlsxRequest.operationId).toBeGreaterThan(0);
      csvBody.forEach((row, index) => {
        csvHeader.forEach((name, column) => {
          const value = sheet!.rows[index + 1]![column];
          if (numeric(name) && row[column] !== '') expect(typeof value, `${xlsxRequest.operationId} ${name}`).toBe('number');
          if (!numeric(name) && row[column] !== '') expect(value, `${xlsxRequest.operationId} ${name}`).toBe(row[column]);
        });
      });
    }
  });
});

function manyEntries(count: number): ReportData {
  return loaded({
    workspaces: [{ id: 42, name: 'Acme', default_currency: 'EUR', default_hourly_rate: 90 }],
    users: [{ id: 1, fullname: 'Page Turner', timezone: 'Europe/Tallinn' }],
    clients: [{ id: 10, name: 'Globex' }],
    projects: [{ id: 20, name: 'Big Project', client_id: 10 }],
    time_entries: Array.from({ length: count }, (_, index) => ({
      id: index + 1,
      workspace_id: 42,
      user_id: 1,
      project_id: 20,
      billable: true,
      description: `Row ${String(index + 1).padStart(3, '0')}`,
      start: new Date(Date.parse('2026-10-01T06:00:00Z') + Math.floor(index / 4) * 86_400_000 + (index % 4) * 2 * 3_600_000).toISOString(),
      duration: 1800,
    })),
  });
}

describe('PDF', () => {
  it('has the title, workspace and period in the date_format, every row over several pages, "Page n of N" on each, and a totals row', async () => {
    const file = await exported(manyEntries(120), request('exportDetailedReportPdf', 'pdf', { ...october, date_format: 'DD/MM/YYYY' }));
    const pages = await pdfItems(file.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const first = pages[0]!;
    expect(first).toContain('Detailed report');
    expect(first).toContain('Acme (workspace 42)');
    expect(first).toContain('01/10/2026 – 31/10/2026');
    pages.forEach((items, index) => {
      expect(items.join(' '), `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
      // The column headers are repeated on every page.
      for (const header of ['Start date', 'Description', 'Duration', 'Amount (EUR)']) expect(items, `page ${index + 1}`).toContain(header);
    });
    const rows = pages.flat().filter((item) => /^Row \d{3}$/.test(item));
    expect(rows).toEqual(Array.from({ length: 120 }, (_, index) => `Row ${String(index + 1).padStart(3, '0')}`));
    // Dates in the rows follow the date_format too.
    expect(pages.flat()).toContain('30/10/2026');
    const last = pages.at(-1)!;
    const total = last.indexOf('Total');
    expect(total).toBeGreaterThanOrEqual(0);
    // 120 half hours, at 90 an hour.
    expect(last.slice(total)).toEqual(expect.arrayContaining(['60:00:00', '5400.00']));
  });

  it('keeps a row whose description wraps onto several lines on one page, under the column headers', async () => {
    for (const shift of [0, 1, 2, 3, 4, 5]) {
      const words =
        'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(
          ' ',
        );
      const data = loaded({
        workspaces: [{ id: 42, name: 'Acme', default_currency: 'EUR', default_hourly_rate: 90 }],
        users: [{ id: 1, fullname: 'Page Turner' }],
        time_entries: Array.from({ length: 80 }, (_, index) => ({
          id: index + 1,
          workspace_id: 42,
          user_id: 1,
          billable: true,
          // From one to seven lines of text in the Description column, shifted so that some row meets the foot of a page.
          description: `Row${String(index + 1).padStart(3, '0')} ${Array.from({ length: 10 + ((index * 7 + shift * 3) % 50) }, (_, word) => words[(word + index) % words.length]).join(' ')}`,
          start: new Date(Date.parse('2026-10-01T06:00:00Z') + index * 5 * 3_600_000).toISOString(),
          duration: 1800,
        })),
      });
      const pages = await pdfItems((await exported(data, request('exportDetailedReportPdf', 'pdf'))).bytes);
      const starts = pages
        .flat()
        .filter((item) => /^Row\d{3} /.test(item))
        .map((item) => item.slice(0, 6));
      expect(starts).toEqual(Array.from({ length: 80 }, (_, index) => `Row${String(index + 1).padStart(3, '0')}`));
      pages.forEach((items, index) => {
        const where = `layout ${shift}, page ${index + 1} of ${pages.length}`;
        expect(items, where).toContain('Description');
        // Each row's duration is on the page where its description starts.
        const rowsHere = items.filter((item) => /^Row\d{3} /.test(item)).length;
        const durationsHere = items.filter((item) => item === '00:30:00').length;
        expect(durationsHere, where).toBe(rowsHere);
      });
    }
  });

  it('says so when no entry matches, still with the totals row and a page number', async () => {
    const pages = await pdfPages(
      (await exported(manyEntries(3), request('exportDetailedReportPdf', 'pdf', { start_date: '2027-01-01', end_date: '2027-01-31' })))
        .bytes,
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Page 1 of 1');
    expect(pages[0]).toContain('Total');
    expect(pages[0]).toContain('01/01/2027 – 01/31/2027');
    expect(pages[0]).not.toContain('Row 001');
  });

  it('leaves out the control characters no font draws, and writes the rest in the standard fonts', async () => {
    const data = loaded({
      workspaces: [{ id: 42, name: 'Acme', default_currency: 'EUR' }],
      users: [{ id: 1, fullname: 'Zoë "Z" O\'Neil, Jr.' }],
      time_entries: [
        {
          id: 1,
          workspace_id: 42,
          user_id: 1,
          description: 'controls \u0000\u0007\u000b\u001b\u007f\u0085 kept',
          start: '2026-10-05T08:00:00Z',
          duration: 60,
        },
      ],
    });
    const bytes = (await exported(data, request('exportDetailedReportPdf', 'pdf'))).bytes;
    const text = (await pdfPages(bytes)).join('\n');
    expect(text).toMatch(/controls +kept/);
    expect(text).toContain('Zoë "Z" O\'Neil, Jr.');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/BaseFont /Helvetica');
  });

  it('breaks a cell where its text has a line break, though it would fit on one line', async () => {
    const data = loaded({
      workspaces: [{ id: 42, name: 'Acme', default_currency: 'EUR', default_hourly_rate: 90 }],
      users: [{ id: 1, fullname: 'Ada Lovelace' }],
      time_entries: ['first line\nsecond line', 'carriage\r\nreturn'].map((description, index) => ({
        id: index + 1,
        workspace_id: 42,
        user_id: 1,
        description,
        start: `2026-10-0${index + 5}T08:00:00Z`,
        duration: 3600,
      })),
    });
    const items = (await pdfItems((await exported(data, request('exportDetailedReportPdf', 'pdf'))).bytes)).flat();
    expect(items).toEqual(expect.arrayContaining(['first line', 'second line', 'carriage', 'return']));
    expect(items.join(' ')).not.toMatch(/linesecond|carriage\r?return/);
  });

  it('leaves a total empty where its column is: a weekly day without entries, the amount of non-billable time', async () => {
    const data = loaded({
      workspaces: [{ id: 42, name: 'Acme', default_currency: 'EUR', default_hourly_rate: 90 }],
      users: [{ id: 1, fullname: 'Ada Lovelace' }],
      time_entries: [
        { id: 1, workspace_id: 42, user_id: 1, billable: false, start: '2026-10-05T08:00:00Z', duration: 3600 },
        { id: 2, workspace_id: 42, user_id: 1, billable: false, start: '2026-10-06T08:00:00Z', duration: 1800 },
      ],
    });
    const week = { start_date: '2026-10-05', end_date: '2026-10-11' };
    const weekly = (await pdfItems((await exported(data, request('exportWeeklyReportPdf', 'pdf', week))).bytes)).flat();
    const totals = weekly.slice(weekly.lastIndexOf('Total'));
    // Monday, Tuesday and the week; no zero for the five days without time.
    expect(totals.filter((item) => /^\d+:\d\d:\d\d$/.test(item))).toEqual(['01:00:00', '00:30:00', '01:30:00']);
    const detailed = (await pdfItems((await exported(data, request('exportDetailedReportPdf', 'pdf', week))).bytes)).flat();
    expect(detailed.slice(detailed.lastIndexOf('Total'))).not.toContain('0.00');
  });

  it('titles a saved report with its name', async () => {
    const pages = await pdfPages(
      (await exported(manyEntries(3), request('exportDetailedReportPdf', 'pdf', october, { savedName: 'Billable October' }))).bytes,
    );
    expect(pages[0]).toContain('Billable October');
    expect(pages[0]).toContain('Billable October · Page 1 of 1');
  });
});

describe('file names', () => {
  const data = manyEntries(3);
  const name = async (
    operationId: WorkspaceExportId,
    format: ExportFormat,
    body: Record<string, unknown> = october,
    extra: Partial<ExportRequest> = {},
  ) => (await exported(data, request(operationId, format, body, extra))).filename;

  it('CSV and XLSX: TogglTrack_Report_<Label>_(from_DD_MM_YYYY_to_DD_MM_YYYY)', async () => {
    expect(await name('exportDetailedReport', 'csv')).toBe('TogglTrack_Report_Detailed_report_(from_01_10_2026_to_31_10_2026).csv');
    expect(await name('exportDetailedReport', 'xlsx')).toBe('TogglTrack_Report_Detailed_report_(from_01_10_2026_to_31_10_2026).xlsx');
    expect(await name('exportDetailedReport', 'csv', { start_date: '2026-02-03' })).toBe(
      'TogglTrack_Report_Detailed_report_(from_03_02_2026_to_09_02_2026).csv',
    );
    expect(await name('exportSummaryReport', 'csv')).toBe('TogglTrack_Report_Summary_report_(from_01_10_2026_to_31_10_2026).csv');
    expect(await name('exportWeeklyReportCsv', 'csv', { start_date: '2026-10-05', end_date: '2026-10-11' })).toBe(
      'TogglTrack_Report_Weekly_report_(from_05_10_2026_to_11_10_2026).csv',
    );
  });

  it.each([
    [undefined, '10_01_2026', '10_31_2026'],
    ['MM/DD/YYYY', '10_01_2026', '10_31_2026'],
    ['MM-DD-YYYY', '10_01_2026', '10_31_2026'],
    ['YYYY-MM-DD', '2026_10_01', '2026_10_31'],
    ['DD-MM-YYYY', '01_10_2026', '31_10_2026'],
    ['DD/MM/YYYY', '01_10_2026', '31_10_2026'],
    ['DD.MM.YYYY', '01_10_2026', '31_10_2026'],
  ])('PDF with date_format %s: from_%s_to_%s', async (date_format, from, to) => {
    const body = { ...october, ...(date_format && { date_format }) };
    expect(await name('exportDetailedReportPdf', 'pdf', body)).toBe(`TogglTrack_Report_Detailed_report_(from_${from}_to_${to}).pdf`);
    expect(await name('exportSummaryReportPdf', 'pdf', body)).toBe(`TogglTrack_Report_Summary_report_(from_${from}_to_${to}).pdf`);
  });

  it.each([
    ['Billable October', 'Billable_October'],
    ['Billable time, autumn 2026', 'Billable_time_autumn_2026'],
    ['Q4: "Big" client / review!', 'Q4_Big_client_review'],
    ['../../etc/passwd', 'etc_passwd'],
    ['  spaced   out  ', 'spaced_out'],
  ])('a saved report named %j is named %s', async (savedName, label) => {
    for (const format of ['csv', 'xlsx'] as const) {
      expect(await name('exportDetailedReport', format, october, { savedName })).toBe(
        `TogglTrack_Report_${label}_(from_01_10_2026_to_31_10_2026).${format}`,
      );
    }
  });

  it('a saved report name with nothing usable in a file name still gives a file name of safe characters', async () => {
    for (const savedName of ['***', '"/\\:*?<>|', 'Ärger – Übersicht', '']) {
      const filename = await name('exportDetailedReport', 'csv', october, { savedName });
      expect(filename, savedName).toMatch(/^TogglTrack_Report_[A-Za-z0-9_]+_\(from_01_10_2026_to_31_10_2026\)\.csv$/);
      expect(filename, savedName).not.toMatch(/Report__|__\(from/);
    }
  });
});

describe('rendering elsewhere', () => {
  const request = (operationId: WorkspaceExportId, format: ExportFormat): ExportRequest => ({
    operationId,
    format,
    workspaceId: 1,
    // A week: the longest period the weekly report takes.
    body: { start_date: '2026-10-05', end_date: '2026-10-11' },
    today: '2026-11-01',
  });
  const cases: [WorkspaceExportId, ExportFormat][] = [
    ['exportDetailedReport', 'csv'],
    ['exportDetailedReport', 'xlsx'],
    ['exportDetailedReportPdf', 'pdf'],
    ['exportSummaryReportPdf', 'pdf'],
    ['exportWeeklyReportPdf', 'pdf'],
    ['exportProfitabilityProjects', 'xlsx'],
    ['exportProjectTrends', 'xlsx'],
  ];

  it.each(cases)(
    '%s as %s: a report sent through a structured clone (as to a worker thread) gives the same file',
    async (operationId, format) => {
      const formats: ExportFormat[] = [];
      const cloned = await exportReport(builtInData, request(operationId, format), {
        render: (report, asked) => {
          formats.push(asked);
          return renderReport(structuredClone(report), asked);
        },
      });
      const direct = await exportReport(builtInData, request(operationId, format));
      expect(formats).toEqual([format]);
      expect(cloned.ok && direct.ok && Buffer.from(cloned.file.bytes).equals(Buffer.from(direct.file.bytes))).toBe(true);
    },
  );

  it("gives the file the renderer's bytes", async () => {
    const outcome = await exportReport(builtInData, request('exportDetailedReport', 'csv'), {
      render: async () => new TextEncoder().encode('rendered elsewhere'),
    });
    expect(outcome.ok && new TextDecoder().decode(outcome.file.bytes)).toBe('rendered elsewhere');
  });

  it('renderReport refuses a format it has no renderer for, naming the ones it has', async () => {
    let computed: Report | undefined;
    await exportReport(builtInData, request('exportDetailedReport', 'csv'), {
      render: (report, format) => {
        computed = report;
        return renderReport(report, format);
      },
    });
    await expect(renderReport(computed!, 'docx' as ExportFormat)).rejects.toThrow(
      new TypeError('renderReport: format must be one of csv, xlsx, pdf; got "docx"'),
    );
  });
});

describe('PDF texts the standard fonts cannot show', () => {
  const fontFile = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
  const pdfFonts: PdfFonts = { regular: fontFile('DejaVuSans'), bold: fontFile('DejaVuSans-Bold') };
  const beyondLatin1 = (): ReportData =>
    loaded({
      workspaces: [{ id: 42, name: 'Zespół Łódź', default_currency: 'PLN', default_hourly_rate: 100 }],
      users: [
        { id: 1, fullname: 'Łukasz Żółć', email: 'lukasz@example.pl' },
        { id: 2, fullname: 'Ivan Жук', email: 'ivan@example.org' },
      ],
      projects: [{ id: 10, name: 'Ωmega проект', billable: true }],
      time_entries: [1, 2].map((user, index) => ({
        id: index + 1,
        workspace_id: 42,
        user_id: user,
        project_id: 10,
        description: index === 0 ? 'Przegląd' : 'Обзор',
        billable: true,
        start: `2026-10-0${index + 5}T08:00:00Z`,
        duration: 3600,
      })),
    });
  const withFonts = async (data: ReportData, exportRequest: ExportRequest, fonts?: PdfFonts) => {
    const outcome = await exportReport(data, exportRequest, {
      render: (report, format) => renderReport(report, format, fonts && { pdfFonts: fonts }),
    });
    if (!outcome.ok) throw new Error(`expected a file, got ${JSON.stringify(outcome)}`);
    return outcome.file.bytes;
  };

  it('writes them with the fonts given, embedded, in the detailed and summary PDFs', async () => {
    const detailed = (await pdfPages(await withFonts(beyondLatin1(), request('exportDetailedReportPdf', 'pdf'), pdfFonts))).join('\n');
    for (const text of ['Zespół Łódź', 'Łukasz Żółć', 'Ivan Жук', 'Ωmega проект', 'Przegląd', 'Обзор']) expect(detailed).toContain(text);
    const summary = (await pdfPages(await withFonts(beyondLatin1(), request('exportSummaryReportPdf', 'pdf'), pdfFonts))).join('\n');
    expect(summary).toContain('Ωmega проект');
  });

  it('refuses them without fonts, naming the first such character, rather than write other letters', async () => {
    await expect(withFonts(beyondLatin1(), request('exportDetailedReportPdf', 'pdf'))).rejects.toThrow(
      'the PDF of "Detailed report" holds ł (U+0142), which the standard PDF fonts cannot show; pass fonts that can',
    );
  });

  it('keeps the standard fonts, and so the same bytes, for the texts they can show, with fonts given or not', async () => {
    // Latin-1 and WinAnsi's extras (€, –, …) are what the standard fonts show.
    const data = loaded({
      workspaces: [{ id: 42, name: 'Café – “Zoë” €…', default_currency: 'EUR' }],
      users: [{ id: 1, fullname: 'Zoë Ünïcode', email: 'zoe@example.com' }],
      time_entries: [{ id: 1, workspace_id: 42, user_id: 1, description: 'Crème brûlée — ½', start: '2026-10-05T08:00:00Z', duration: 60 }],
    });
    const plain = await withFonts(data, request('exportDetailedReportPdf', 'pdf'));
    expect(Buffer.from(await withFonts(data, request('exportDetailedReportPdf', 'pdf'), pdfFonts)).equals(Buffer.from(plain))).toBe(true);
    expect(Buffer.from(plain).toString('latin1')).toContain('/BaseFont /Helvetica');
    expect((await pdfPages(plain)).join('\n')).toContain('Crème brûlée — ½');
  });
});
