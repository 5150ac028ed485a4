// The dates a body may name (1970-01-01 to 9998-12-31), in every format, and the periods they make.
import { describe, expect, it } from 'vitest';
import { builtInData, type ExportFormat, type ExportRequest, exportReport, type ReportData, type WorkspaceExportId } from '../src/index.ts';
import { exported, loaded } from './support/engine.ts';
import { csvRows, pdfPages, xlsxSheets } from './support/files.ts';

const FORMATS: readonly [ExportFormat, WorkspaceExportId][] = [
  ['csv', 'exportDetailedReport'],
  ['xlsx', 'exportDetailedReport'],
  ['pdf', 'exportDetailedReportPdf'],
];

/** An entry on the first and on the last day a body may name. */
function dataAtTheEnds(): ReportData {
  return loaded({
    workspaces: [{ id: 42, name: 'Acme' }],
    users: [{ id: 1, fullname: 'Ada' }],
    time_entries: [
      { id: 1, workspace_id: 42, user_id: 1, description: 'First day', start: '1970-01-01T08:00:00Z', duration: 3600 },
      { id: 2, workspace_id: 42, user_id: 1, description: 'Last day', start: '9998-12-31T08:00:00Z', duration: 3600 },
    ],
  });
}

const request = (operationId: WorkspaceExportId, format: ExportFormat, body: Record<string, unknown>): ExportRequest => ({
  operationId,
  format,
  workspaceId: 42,
  body,
  today: '2026-10-15',
});

const outsideMessage = (field: string, value: string) =>
  `Invalid '${field}' value, must be a date from 1970-01-01 to 9998-12-31, not ${JSON.stringify(value)}`;

describe('a date outside 1970-01-01 to 9998-12-31 is refused, naming the field it was sent in', () => {
  it.each([
    ['end_date', '0001-01-01', { end_date: '0001-01-01' }],
    ['start_date', '0999-12-25', { start_date: '0999-12-25', end_date: '0999-12-31' }],
    ['end_date', '0999-12-31', { start_date: '2026-10-01', end_date: '0999-12-31' }],
    ['start_date', '1969-12-31', { start_date: '1969-12-31', end_date: '1970-01-06' }],
    ['start_date', '9999-12-31', { start_date: '9999-12-31' }],
    ['end_date', '9999-01-01', { start_date: '9998-12-31', end_date: '9999-01-01' }],
  ])('%s %s', async (field, value, body) => {
    for (const data of [dataAtTheEnds(), builtInData]) {
      for (const [format, operationId] of FORMATS) {
        expect(await exportReport(data, request(operationId, format, body)), format).toEqual({
          ok: false,
          reason: 'invalid_request',
          message: outsideMessage(field, value),
        });
      }
    }
  });

  it('by every report', async () => {
    for (const operationId of [
      'exportSummaryReport',
      'exportWeeklyReportCsv',
      'exportProfitabilityEmployees',
      'exportProfitabilityProjects',
      'exportProjectTrends',
    ] as const) {
      for (const format of ['csv', 'xlsx', 'pdf'] as const) {
        expect(await exportReport(builtInData, request(operationId, format, { end_date: '0001-01-01' })), operationId).toMatchObject({
          ok: false,
          message: outsideMessage('end_date', '0001-01-01'),
        });
      }
    }
  });

  it("the trends' previous_period_start too", async () => {
    const body = { start_date: '2026-10-01', end_date: '2026-10-07', previous_period_start: '1969-12-31' };
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      expect(await exportReport(builtInData, request('exportProjectTrends', format, body))).toMatchObject({
        ok: false,
        message: outsideMessage('previous_period_start', '1969-12-31'),
      });
    }
    const file = await exported(builtInData, request('exportProjectTrends', 'csv', { ...body, previous_period_start: '1970-01-01' }));
    expect(csvRows(file.bytes).length).toBeGreaterThan(1);
  });
});

describe('the first and the last week a body may name', () => {
  it.each([
    ['1970-01-01', '1970-01-07', 'First day'],
    ['9998-12-25', '9998-12-31', 'Last day'],
  ])('%s to %s: every format holds the entry', async (start_date, end_date, description) => {
    const data = dataAtTheEnds();
    const body = { start_date, end_date };
    const [, ...rows] = csvRows((await exported(data, request('exportDetailedReport', 'csv', body))).bytes);
    expect(rows.map((row) => row[5])).toEqual([description]);
    const [sheet] = await xlsxSheets((await exported(data, request('exportDetailedReport', 'xlsx', body))).bytes);
    expect(sheet!.rows.slice(1).map((row) => row[5])).toEqual([description]);
    const [page] = await pdfPages(
      (await exported(data, request('exportDetailedReportPdf', 'pdf', { ...body, date_format: 'YYYY-MM-DD' }))).bytes,
    );
    expect(page).toContain(`${start_date} – ${end_date}`);
    expect(page).toContain(description);
  });

  it.each([
    ['1970-01-01', '1970-01-07'],
    ['9998-12-25', '9998-12-31'],
  ])('%s to %s of the built-in workspace, in every report and format', async (start_date, end_date) => {
    for (const operationId of [
      'exportDetailedReport',
      'exportSummaryReport',
      'exportWeeklyReportCsv',
      'exportProfitabilityEmployees',
      'exportProfitabilityProjects',
      'exportProjectTrends',
    ] as const) {
      for (const format of ['csv', 'xlsx', 'pdf'] as const) {
        const outcome = await exportReport(builtInData, request(operationId, format, { start_date, end_date }));
        expect(outcome.ok, `${operationId} ${format}`).toBe(true);
      }
    }
  });
});

describe('a week from a date, or up to one, stops at the dates a body may name', () => {
  it.each([
    [{ start_date: '9998-12-31' }, '31_12_9998', '31_12_9998'],
    [{ start_date: '9998-12-28' }, '28_12_9998', '31_12_9998'],
    [{ end_date: '1970-01-01' }, '01_01_1970', '01_01_1970'],
    [{ end_date: '1970-01-03' }, '01_01_1970', '03_01_1970'],
    [{ end_date: '1970-01-07' }, '01_01_1970', '07_01_1970'],
  ])('%j covers %s to %s', async (body, from, to) => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await exported(dataAtTheEnds(), request('exportDetailedReport', format, body));
      expect(file.filename).toBe(`TogglTrack_Report_Detailed_report_(from_${from}_to_${to}).${format}`);
    }
    const pdf = await exported(dataAtTheEnds(), request('exportDetailedReportPdf', 'pdf', { ...body, date_format: 'DD-MM-YYYY' }));
    expect(pdf.filename).toBe(`TogglTrack_Report_Detailed_report_(from_${from}_to_${to}).pdf`);
  });
});

/** The modification time of each entry of a zip file, from its local headers, as `YYYY-MM-DD HH:MM:SS`. */
function zipEntryTimes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const times: string[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === 0x04034b50) {
    const [time, date] = [view.getUint16(offset + 10, true), view.getUint16(offset + 12, true)];
    const two = (value: number) => String(value).padStart(2, '0');
    times.push(
      `${(date >> 9) + 1980}-${two((date >> 5) & 15)}-${two(date & 31)} ${two(time >> 11)}:${two((time >> 5) & 63)}:${two((time & 31) * 2)}`,
    );
    const [compressed, nameLength, extraLength] = [
      view.getUint32(offset + 18, true),
      view.getUint16(offset + 26, true),
      view.getUint16(offset + 28, true),
    ];
    offset += 30 + nameLength + extraLength + compressed;
  }
  return times;
}

describe('the XLSX zip entries are stamped with the export moment, or the nearest time a zip holds', () => {
  it.each([
    ['2026-10-01', '2026-10-31', '2026-11-01 09:00:00'],
    ['2099-12-24', '2099-12-30', '2099-12-31 09:00:00'],
    ['2099-12-25', '2099-12-31', '2099-12-31 23:59:58'],
    ['9998-12-25', '9998-12-31', '2099-12-31 23:59:58'],
    ['1979-12-25', '1979-12-31', '1980-01-01 09:00:00'],
    ['1979-12-24', '1979-12-30', '1980-01-01 00:00:00'],
    ['1970-01-01', '1970-01-07', '1980-01-01 00:00:00'],
  ])('%s to %s: %s', async (start_date, end_date, stamp) => {
    const file = await exported(dataAtTheEnds(), request('exportDetailedReport', 'xlsx', { start_date, end_date }));
    const times = zipEntryTimes(file.bytes);
    expect(times.length).toBeGreaterThan(3);
    expect(new Set(times)).toEqual(new Set([stamp]));
    expect(await xlsxSheets(file.bytes)).toHaveLength(1);
  });
});
