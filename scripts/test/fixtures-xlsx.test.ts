import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bundledFixtures, centsOf, parseCsv, secondsOf } from './fixtures-support.ts';

const xlsxFixtures = async () => (await bundledFixtures()).filter((fixture) => fixture.format === 'xlsx');

async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Day 0 of Excel's 1900 date system; exceljs reads duration-formatted numbers back as Dates from it. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** What the CSV shows for a typed workbook cell, read through the cell's number format. */
function asCsvText(cell: ExcelJS.Cell): string {
  const value = cell.value instanceof Date ? (cell.value.getTime() - EXCEL_EPOCH_MS) / 86_400_000 : cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') throw new Error(`Cell ${cell.address} holds ${JSON.stringify(value)}, expected a string or number`);
  switch (cell.numFmt) {
    case '[h]:mm:ss': {
      const seconds = Math.round(value * 86_400);
      const pad = (part: number) => String(part).padStart(2, '0');
      return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
    }
    case '#,##0.00':
    case '0.00':
      return value.toFixed(2);
    case '0':
      return String(value);
    default:
      throw new Error(`Cell ${cell.address} is a number with unexpected format "${cell.numFmt}"`);
  }
}

/** Modification time (DOS date and time fields) of every entry in a zip's central directory. */
function zipEntryTimes(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const times: string[] = [];
  for (let entry = 0; entry < count; entry += 1) {
    expect(view.getUint32(offset, true)).toBe(0x02014b50);
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const pad = (part: number) => String(part).padStart(2, '0');
    times.push(
      `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`,
    );
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return times;
}

describe('XLSX fixtures', () => {
  it('open in exceljs with one sheet holding the same header and rows as the CSV of the same report', async () => {
    const fixtures = await bundledFixtures();
    expect((await xlsxFixtures()).length).toBeGreaterThan(0);
    for (const xlsx of await xlsxFixtures()) {
      // The CSV of the same report has the same download name (saved reports have one operation per format).
      const csvName = xlsx.filename.replace(/\.xlsx$/, '.csv');
      const csvFixture = fixtures.find((fixture) => fixture.filename === csvName);
      if (!csvFixture) throw new Error(`${xlsx.filename} has no CSV counterpart ${csvName}`);
      const csv = parseCsv(csvFixture.bytes);
      const workbook = await openWorkbook(xlsx.bytes);
      expect(workbook.worksheets, xlsx.filename).toHaveLength(1);
      const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;

      expect(sheet.rowCount - 1, xlsx.filename).toBe(csv.rows.length);
      const rowTexts = (rowNumber: number) =>
        csv.header.map((_, index) => asCsvText(sheet.getRow(rowNumber).getCell(index + 1)));
      expect(rowTexts(1)).toEqual(csv.header);
      csv.rows.forEach((row, index) => expect(rowTexts(index + 2), `${xlsx.filename} row ${index + 2}`).toEqual(row));
    }
  });

  it('type their cells: durations, hours and money are numbers, not text', async () => {
    const workbook = await openWorkbook((await xlsxFixtures()).find((fixture) => fixture.operationId === 'exportDetailedReport')!.bytes);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const duration = sheet.getRow(2).getCell(header.indexOf('Duration') + 1);
    const amount = sheet.getRow(2).getCell(header.indexOf('Amount (USD)') + 1);
    // A number with a time format: exceljs reads such cells back as Dates; a text cell would stay a string.
    expect(duration.type).toBe(ExcelJS.ValueType.Date);
    expect(duration.numFmt).toBe('[h]:mm:ss');
    expect(amount.type).toBe(ExcelJS.ValueType.Number);
    expect(centsOf(asCsvText(amount))).toBe(Math.round(Number(amount.value) * 100));
    expect(secondsOf(asCsvText(duration))).toBeGreaterThan(0);
  });

  it('have a bold, frozen header row and columns at least as wide as their headers', async () => {
    for (const xlsx of await xlsxFixtures()) {
      const sheet = (await openWorkbook(xlsx.bytes)).worksheets[0] as ExcelJS.Worksheet;
      expect(sheet.getRow(1).getCell(1).font?.bold, xlsx.filename).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      sheet.getRow(1).eachCell((cell, column) => {
        expect(sheet.getColumn(column).width ?? 0, `${xlsx.filename} ${String(cell.value)}`).toBeGreaterThanOrEqual(String(cell.value).length);
      });
    }
  });

  it('carry the fixed export moment instead of the clock, in document properties and zip entries', async () => {
    for (const xlsx of await xlsxFixtures()) {
      const workbook = await openWorkbook(xlsx.bytes);
      expect(workbook.created.toISOString()).toBe('2026-12-01T09:00:00.000Z');
      expect(workbook.modified.toISOString()).toBe('2026-12-01T09:00:00.000Z');
      const times = zipEntryTimes(xlsx.bytes);
      expect(times.length).toBeGreaterThan(5);
      expect(new Set(times)).toEqual(new Set(['2026-12-01 09:00:00']));
    }
  });
});
