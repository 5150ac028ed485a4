// Two and a half years of daily entries, asked for in one run: split into requests Toggl allows,
// joined into one file that holds every day once, the same rows the separate requests return.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { runCli, scratchDir } from './support/cli.ts';
import { dailyDataset, daysBetween, firstDay, lastDay, workspaceId } from './support/dataset.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, data: dailyDataset() });
});
afterAll(() => mock.close());
beforeEach(() => mock.resetRequests());

const range = ['--workspace', String(workspaceId), '--from', firstDay, '--to', lastDay];
const chunks = [
  { start_date: '2024-01-01', end_date: '2024-12-31' },
  { start_date: '2025-01-01', end_date: '2026-01-01' },
  { start_date: '2026-01-02', end_date: '2026-06-30' },
];

async function separately(format: string): Promise<Buffer[]> {
  const files: Buffer[] = [];
  for (const chunk of chunks) {
    const response = await fetch(`${mock.url}/reports/api/v3/workspace/${workspaceId}/search/time_entries.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${btoa('t0ken:api_token')}` },
      body: JSON.stringify(chunk),
    });
    files.push(Buffer.from(await response.arrayBuffer()));
  }
  return files;
}

it('joins a CSV of 912 days from three requests: one header, every day once, the rows of the separate requests', async () => {
  const cwd = scratchDir();
  const result = await runCli(['detailed', ...range, '--json', '--base-url', mock.url], { cwd });
  expect(result.code).toBe(0);
  expect(mock.requests().map((request) => request.body)).toEqual(chunks);
  const summary = JSON.parse(result.stdout);
  expect(summary).toMatchObject({ file: join(cwd, `detailed-report_${firstDay}_${lastDay}.csv`), chunks: 3, requests: 3, rows: 912 });
  const joined = readFileSync(summary.file, 'utf8');
  const rows: string[][] = parse(joined, { bom: true });
  expect(rows.filter((row) => row[0] === 'User')).toHaveLength(1);
  const dateColumn = rows[0]?.indexOf('Start date') ?? -1;
  expect(rows.slice(1).map((row) => row[dateColumn])).toEqual(daysBetween(firstDay, lastDay));
  const separate = (await separately('csv')).flatMap((file) => (parse(file, { bom: true }) as string[][]).slice(1));
  expect(rows.slice(1)).toEqual(separate);
});

/** Each sheet's values in one column, under the header `name`, from the second row on. */
async function xlsxColumn(files: (Buffer | string)[], name: string): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    if (typeof file === 'string') await workbook.xlsx.readFile(file);
    else await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const column = (sheet.getRow(1).values as unknown[]).indexOf(name);
    sheet.eachRow((row, number) => number > 1 && values.push(row.getCell(column).value));
  }
  return values;
}

it('joins an XLSX into one sheet with one header row and every day once', async () => {
  const cwd = scratchDir();
  const result = await runCli(['detailed', ...range, '--format', 'xlsx', '--out', 'all.xlsx', '--base-url', mock.url], { cwd });
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('912 rows');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(cwd, 'all.xlsx'));
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const header = sheet.getRow(1).values as string[];
  const dateColumn = header.indexOf('Start date');
  const dates: unknown[] = [];
  sheet.eachRow((row, number) => number > 1 && dates.push(row.getCell(dateColumn).value));
  expect(dates).toEqual(daysBetween(firstDay, lastDay));
  expect(header.filter((cell) => cell === 'User')).toHaveLength(1);
  // The texts as the separate workbooks hold them, carriage returns and control characters included.
  const descriptions = await xlsxColumn([join(cwd, 'all.xlsx')], 'Description');
  expect(descriptions).toEqual(await xlsxColumn(await separately('xlsx'), 'Description'));
  expect(descriptions).toContain('Work on 2024-01-01\r\nand a bell \u0007');
});

it('joins a PDF into one document with the pages of the separate requests, in order', async () => {
  const cwd = scratchDir();
  const result = await runCli(['detailed', ...range, '--format', 'pdf', '--out', 'all.pdf', '--base-url', mock.url], { cwd });
  expect(result.code).toBe(0);
  const joined = await PDFDocument.load(readFileSync(join(cwd, 'all.pdf')));
  const pages = await Promise.all((await separately('pdf')).map(async (file) => (await PDFDocument.load(file)).getPageCount()));
  expect(joined.getPageCount()).toBe(pages.reduce((sum, count) => sum + count, 0));
});

it('sends a range that fits as one request', async () => {
  const result = await runCli([
    'detailed',
    '--workspace',
    String(workspaceId),
    '--from',
    '2025-01-01',
    '--to',
    '2026-01-01',
    '--out',
    '-',
    '--base-url',
    mock.url,
  ]);
  expect(result.code).toBe(0);
  expect(mock.requests()).toHaveLength(1);
});

it.each(['summary', 'profitability-projects', 'trends'])(
  'refuses a range longer than a year for the %s report, naming the limit, and sends nothing',
  async (name) => {
    const result = await runCli([name, ...range, '--base-url', mock.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('912 days');
    expect(result.stderr).toContain('at most 366 days');
    expect(mock.requests()).toEqual([]);
  },
);

it('retries a dropped chunk and still joins every day once', async () => {
  mock.failNext('drop');
  const result = await runCli(['detailed', ...range, '--json', '--out', 'all.csv', '--base-url', mock.url]);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ requests: 4, rows: 912 });
});
