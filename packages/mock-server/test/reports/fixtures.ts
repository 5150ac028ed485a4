import ExcelJS from 'exceljs';
import { afterAll, beforeAll } from 'vitest';
import type { Dataset } from '../../src/index.ts';
import { type MockServer, startMockServer } from '../../src/index.ts';
import { validAuth } from '../http.ts';
import { csvRows, pdfText } from '../parse-files.ts';

/*
 * A small hand-written workspace whose every report can be worked out by hand, and helpers to
 * read the files the mock computes from it. The numbers the tests expect are derived in the
 * comments next to each entry.
 *
 * Workspace 42 "Acme" keeps EUR and bills 90/h by default. The week the tests look at is
 * Monday 2026-10-05 to Sunday 2026-10-11 ("the week"). Rates: task 300 "Invoices" 150/h,
 * project 200 "Billing API" 120/h, user 9 Linus 70/h, else the workspace's 90/h.
 *
 * | id | user  | project | task | description        | billable | local start (user zone) | seconds | amount |
 * |----|-------|---------|------|--------------------|----------|-------------------------|---------|--------|
 * |  1 | Ada   | 200     | 300  | Invoice PDF layout | yes      | Mon 10-05 09:00 (BST)   |    5400 | 225.00 |
 * |  2 | Grace | -       | -    | Planning           | no       | Tue 10-06 14:00 (EDT)   |    1800 |        |
 * |  3 | Linus | 201     | -    | Website copy       | yes      | Mon 10-05 08:30 (JST)   |    7200 | 140.00 | UTC date is 10-04
 * |  4 | Ada   | 200     | 301  | invoice review     | yes      | Wed 10-07 14:00         |    2700 |  90.00 |
 * |  5 | Grace | 202     | -    | CI cleanup         | no       | Thu 10-08 10:00         |    3600 |        |
 * |  6 | Grace | 201     | -    | Website copy       | yes      | Sun 10-11 22:00         |    1500 |  37.50 | UTC date is 10-12
 * |  7 | Ada   | 200     | 300  | Invoice PDF layout | yes      | Mon 10-05 14:00         |    1250 |  52.08 |
 * |  8 | Linus | -       | -    | Email              | no       | Fri 10-09 09:00         |     900 |        |
 * |  9 | Ada   | 200     | -    | Old work           | yes      | Wed 09-30 11:00         |    3000 | 100.00 | before the week
 * | 10 | Ada   | 200     | -    | Still running      | yes      | running                 |         |        | in no report
 * | 11 | Ada   | 202     | -    | Late night deploy  | no       | Mon 10-12 00:30         |    2100 |        | UTC date is 10-11
 *
 * The week's totals: 24350 s (06:45:50), 544.58 EUR. Tags: Review on 1, 4, 7; Urgent on 3, 4, 5.
 * Groups: Engineering (Ada, Grace), Ops (Linus), Admin (Ada). Labour cost per hour: Ada 40,
 * Grace 30, Linus 50. Project 203 "Archive" and Margaret Hamilton have no time. Workspaces 43
 * to 45 hold a few entries each, described where they are listed.
 */

export const WS = 42;
/** A workspace without a currency and without a default rate. */
export const WS_NO_CURRENCY = 43;
/** A workspace whose default rounding is up to 15 minutes. */
export const WS_ROUNDED = 44;
/** A workspace of edge cases: midnight, a clock change, a user without a time zone, near-duplicates for grouped. */
export const WS_EDGES = 45;

export const WEEK = { start_date: '2026-10-05', end_date: '2026-10-11' } as const;

export const ADA = 7;
export const GRACE = 8;
export const LINUS = 9;
export const MARGARET = 10;
export const KATHERINE = 11;
export const ENGINEERING = 3;
export const OPS = 4;
export const ADMIN = 5;
export const GLOBEX = 100;
export const INITECH = 101;
export const BILLING_API = 200;
export const WEBSITE = 201;
export const INTERNAL = 202;
export const ARCHIVE = 203;
export const INVOICES = 300;
export const REPORTS = 301;
export const REVIEW = 400;
export const URGENT = 401;

/** Seconds tracked by each stopped entry of workspace 42: each has its own length. */
export const SECONDS: Record<number, number> = { 1: 5400, 2: 1800, 3: 7200, 4: 2700, 5: 3600, 6: 1500, 7: 1250, 8: 900, 9: 3000, 11: 2100 };
/** Each entry's description and user, as the reports name them. */
export const DESCRIPTION: Record<number, string> = {
  1: 'Invoice PDF layout',
  2: 'Planning',
  3: 'Website copy',
  4: 'invoice review',
  5: 'CI cleanup',
  6: 'Website copy',
  7: 'Invoice PDF layout',
  8: 'Email',
  9: 'Old work',
  11: 'Late night deploy',
};
export const USER_NAME: Record<number, string> = {
  1: 'Ada Lovelace',
  2: 'Grace Hopper',
  3: 'Linus Torvalds',
  4: 'Ada Lovelace',
  5: 'Grace Hopper',
  6: 'Grace Hopper',
  7: 'Ada Lovelace',
  8: 'Linus Torvalds',
  9: 'Ada Lovelace',
  11: 'Ada Lovelace',
};
/** The week's entries, in the order of their local start: date, then instant. */
export const WEEK_ENTRIES = [3, 1, 7, 2, 4, 5, 8, 6];

export const dataset: Dataset = {
  workspaces: [
    { id: WS, name: 'Acme', default_currency: 'EUR', default_hourly_rate: 90 },
    { id: WS_NO_CURRENCY, name: 'Plain' },
    { id: WS_ROUNDED, name: 'Rounded', default_currency: 'EUR', default_hourly_rate: 90, rounding: 1, rounding_minutes: 15 },
    { id: WS_EDGES, name: 'Edges', default_currency: 'EUR', default_hourly_rate: 100 },
  ],
  users: [
    { id: ADA, fullname: 'Ada Lovelace', email: 'ada@acme.example', timezone: 'Europe/London', labor_cost: 40 },
    { id: GRACE, fullname: 'Grace Hopper', email: 'grace@acme.example', timezone: 'America/New_York', labor_cost: 30 },
    { id: LINUS, fullname: 'Linus Torvalds', email: 'linus@acme.example', timezone: 'Asia/Tokyo', rate: 70, labor_cost: 50 },
    { id: MARGARET, fullname: 'Margaret Hamilton', email: 'margaret@acme.example', timezone: 'UTC', labor_cost: 60 },
    { id: KATHERINE, fullname: 'Katherine Johnson' },
  ],
  groups: [
    { id: ENGINEERING, name: 'Engineering', user_ids: [ADA, GRACE] },
    { id: OPS, name: 'Ops', user_ids: [LINUS] },
    { id: ADMIN, name: 'Admin', user_ids: [ADA] },
  ],
  clients: [
    { id: GLOBEX, name: 'Globex' },
    { id: INITECH, name: 'Initech' },
  ],
  projects: [
    { id: BILLING_API, name: 'Billing API', client_id: GLOBEX, billable: true, rate: 120 },
    { id: WEBSITE, name: 'Website', client_id: INITECH, billable: true },
    { id: INTERNAL, name: 'Internal', client_id: null, billable: false },
    { id: ARCHIVE, name: 'Archive', client_id: GLOBEX, billable: true },
  ],
  tasks: [
    { id: INVOICES, name: 'Invoices', project_id: BILLING_API, rate: 150 },
    { id: REPORTS, name: 'Reports', project_id: BILLING_API },
  ],
  tags: [
    { id: REVIEW, name: 'Review' },
    { id: URGENT, name: 'Urgent' },
  ],
  time_entries: [
    {
      id: 1,
      workspace_id: WS,
      user_id: ADA,
      project_id: BILLING_API,
      task_id: INVOICES,
      description: 'Invoice PDF layout',
      billable: true,
      start: '2026-10-05T08:00:00Z',
      stop: '2026-10-05T09:30:00Z',
      tag_ids: [REVIEW],
      at: '2026-10-20T12:00:00Z',
    },
    {
      id: 2,
      workspace_id: WS,
      user_id: GRACE,
      project_id: null,
      description: 'Planning',
      billable: false,
      start: '2026-10-06T14:00:00-04:00',
      duration: 1800,
      at: '2026-10-06T18:30:00Z',
    },
    {
      id: 3,
      workspace_id: WS,
      user_id: LINUS,
      project_id: WEBSITE,
      description: 'Website copy',
      billable: true,
      start: '2026-10-04T23:30:00Z',
      stop: '2026-10-05T01:30:00Z',
      tag_ids: [URGENT],
      at: '2026-10-15T08:00:00Z',
    },
    {
      id: 4,
      workspace_id: WS,
      user_id: ADA,
      project_id: BILLING_API,
      task_id: REPORTS,
      description: 'invoice review',
      billable: true,
      start: '2026-10-07T13:00:00Z',
      stop: '2026-10-07T13:45:00Z',
      tag_ids: [URGENT, REVIEW],
      at: '2026-10-07T13:45:00Z',
    },
    {
      id: 5,
      workspace_id: WS,
      user_id: GRACE,
      project_id: INTERNAL,
      description: 'CI cleanup',
      billable: false,
      start: '2026-10-08T10:00:00-04:00',
      duration: 3600,
      tag_ids: [URGENT],
      at: '2026-10-25T09:00:00Z',
    },
    {
      id: 6,
      workspace_id: WS,
      user_id: GRACE,
      project_id: WEBSITE,
      description: 'Website copy',
      billable: true,
      start: '2026-10-12T02:00:00Z',
      duration: 1500,
      at: '2026-10-12T02:25:00Z',
    },
    {
      id: 7,
      workspace_id: WS,
      user_id: ADA,
      project_id: BILLING_API,
      task_id: INVOICES,
      description: 'Invoice PDF layout',
      billable: true,
      start: '2026-10-05T13:00:00Z',
      stop: '2026-10-05T13:20:50Z',
      tag_ids: [REVIEW],
      at: '2026-10-05T13:20:50Z',
    },
    {
      id: 8,
      workspace_id: WS,
      user_id: LINUS,
      project_id: null,
      description: 'Email',
      billable: false,
      start: '2026-10-09T00:00:00Z',
      duration: 900,
      at: '2026-10-10T00:00:00Z',
    },
    {
      id: 9,
      workspace_id: WS,
      user_id: ADA,
      project_id: BILLING_API,
      description: 'Old work',
      billable: true,
      start: '2026-09-30T10:00:00Z',
      duration: 3000,
    },
    {
      id: 10,
      workspace_id: WS,
      user_id: ADA,
      project_id: BILLING_API,
      description: 'Still running',
      billable: true,
      start: '2026-10-06T10:00:00Z',
      stop: null,
      duration: -1,
    },
    {
      id: 11,
      workspace_id: WS,
      user_id: ADA,
      project_id: INTERNAL,
      description: 'Late night deploy',
      billable: false,
      start: '2026-10-11T23:30:00Z',
      duration: 2100,
    },
    // Workspace 43: no currency, no default rate; project 200 bills 120/h.
    {
      id: 20,
      workspace_id: WS_NO_CURRENCY,
      user_id: ADA,
      project_id: BILLING_API,
      description: 'Plain work',
      billable: true,
      start: '2026-10-06T09:00:00Z',
      duration: 3600,
    },
    // Workspace 44: rounds up to 15 minutes unless a request says otherwise; 1250 s → 1800 s, 60.00 at 120/h.
    {
      id: 30,
      workspace_id: WS_ROUNDED,
      user_id: ADA,
      project_id: BILLING_API,
      description: 'Rounded work',
      billable: true,
      start: '2026-10-06T09:00:00Z',
      duration: 1250,
    },
    // Workspace 45, edge cases.
    // Grace, 23:30 to 00:30 New York time: starts on 10-06, ends on 10-07. No task, project or member rate: 100/h.
    {
      id: 40,
      workspace_id: WS_EDGES,
      user_id: GRACE,
      project_id: WEBSITE,
      description: 'Night shift',
      billable: true,
      start: '2026-10-06T23:30:00-04:00',
      duration: 3600,
    },
    // Ada, 01:30 BST on 10-25, the night London's clocks go back at 02:00 BST: an hour later it is 01:30 GMT.
    {
      id: 41,
      workspace_id: WS_EDGES,
      user_id: ADA,
      project_id: INTERNAL,
      description: 'Clock change',
      billable: false,
      start: '2026-10-25T00:30:00Z',
      stop: '2026-10-25T01:30:00Z',
    },
    // Katherine has no time zone (UTC) and the entry no description: 21:30 UTC on 10-07.
    {
      id: 42,
      workspace_id: WS_EDGES,
      user_id: KATHERINE,
      project_id: null,
      description: null,
      billable: false,
      start: '2026-10-07T23:30:00+02:00',
      duration: 600,
    },
    // Ada on 10-08: four "Pair review" entries of 600 s; only 43 and 46 are alike (same tags, both billable).
    {
      id: 43,
      workspace_id: WS_EDGES,
      user_id: ADA,
      project_id: BILLING_API,
      task_id: INVOICES,
      description: 'Pair review',
      billable: true,
      start: '2026-10-08T09:00:00Z',
      duration: 600,
      tag_ids: [REVIEW],
    },
    {
      id: 44,
      workspace_id: WS_EDGES,
      user_id: ADA,
      project_id: BILLING_API,
      task_id: INVOICES,
      description: 'Pair review',
      billable: true,
      start: '2026-10-08T10:00:00Z',
      duration: 600,
      tag_ids: [URGENT],
    },
    {
      id: 45,
      workspace_id: WS_EDGES,
      user_id: ADA,
      project_id: BILLING_API,
      task_id: INVOICES,
      description: 'Pair review',
      billable: false,
      start: '2026-10-08T11:00:00Z',
      duration: 600,
      tag_ids: [REVIEW],
    },
    {
      id: 46,
      workspace_id: WS_EDGES,
      user_id: ADA,
      project_id: BILLING_API,
      task_id: INVOICES,
      description: 'Pair review',
      billable: true,
      start: '2026-10-08T12:00:00Z',
      duration: 600,
      tag_ids: [REVIEW],
    },
  ],
  saved_reports: [
    {
      token: 'b1ll4ble',
      workspace_id: WS,
      report: 'detailed',
      public: false,
      owner_user_id: ADA,
      name: 'Billable October',
      params: { billable: true, start_date: '2026-10-01', end_date: '2026-10-31' },
    },
    {
      token: 'team-summary',
      workspace_id: WS,
      report: 'summary',
      public: true,
      owner_user_id: ADA,
      name: 'Team summary',
      params: { ...WEEK, grouping: 'users', sub_grouping: 'projects' },
    },
    {
      token: 'week-by-project',
      workspace_id: WS,
      report: 'weekly',
      public: true,
      owner_user_id: GRACE,
      name: 'Week by project',
      params: { ...WEEK, grouping: 'projects' },
    },
    {
      token: 'pdf-detailed',
      workspace_id: WS,
      report: 'detailed',
      public: true,
      owner_user_id: ADA,
      name: 'Dotted dates',
      params: { ...WEEK, date_format: 'DD.MM.YYYY', duration_format: 'decimal' },
    },
  ],
};

/** `items` with the one of ID `id` changed: for a dataset that differs from the one above in a few places. */
export const withChange = <T extends { id: number }>(items: readonly T[] | undefined, id: number, change: Partial<T>): T[] =>
  (items ?? []).map((item) => (item.id === id ? { ...item, ...change } : item));

/** Starts a mock server over `data` (the dataset above by default); close it in afterAll. */
export const startDatasetServer = (data: Dataset = dataset): Promise<MockServer> => startMockServer({ port: 0, data });

/** A mock server over `data` for the tests of the enclosing `describe`: started before them, closed after them. Gives its URL. */
export function datasetServerFor(data: Dataset): () => string {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startDatasetServer(data);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the dataset server is not started yet');
    return server.url;
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json(): unknown;
}

/** POSTs to a server like a client would: JSON body, Basic credentials unless `headers.authorization` says otherwise. */
export async function postTo(
  baseUrl: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: validAuth, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

/** The export paths, by report. */
export const paths = {
  detailed: (ws: number = WS, ext: 'csv' | 'xlsx' | 'pdf' = 'csv') => `/reports/api/v3/workspace/${ws}/search/time_entries.${ext}`,
  summary: (ws: number = WS, ext: 'csv' | 'xlsx' | 'pdf' = 'csv') => `/reports/api/v3/workspace/${ws}/summary/time_entries.${ext}`,
  weekly: (ws: number = WS, ext: 'csv' | 'pdf' = 'csv') => `/reports/api/v3/workspace/${ws}/weekly/time_entries.${ext}`,
  employees: (ws: number = WS, ext: 'csv' | 'xlsx' = 'csv') => `/insights/api/v1/workspace/${ws}/profitability/employees.${ext}`,
  projects: (ws: number = WS, ext: 'csv' | 'xlsx' = 'csv') => `/insights/api/v1/workspace/${ws}/profitability/projects.${ext}`,
  trends: (ws: number = WS, ext: 'csv' | 'xlsx' = 'csv') => `/insights/api/v1/workspace/${ws}/trends/projects.${ext}`,
  saved: (token: string, ext: 'csv' | 'xlsx' | 'pdf' = 'csv') => `/reports/api/v3/shared/${token}${ext === 'pdf' ? '/pdf' : `.${ext}`}`,
};

/** A CSV export read as a table: its header, its rows, and each row as an object by header. */
export interface Table {
  header: string[];
  rows: string[][];
  records: Record<string, string>[];
  /** Every row's cell in the named column. */
  column(name: string): string[];
}

export function tableOf(bytes: Buffer): Table {
  const [header = [], ...rows] = csvRows(bytes);
  const records = rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
  return {
    header,
    rows,
    records,
    column(name) {
      if (!header.includes(name)) throw new Error(`no column "${name}" in ${JSON.stringify(header)}`);
      return records.map((record) => record[name] ?? '');
    },
  };
}

/** Asks for a CSV and reads it, failing with the server's message unless it answers 200. */
export async function csvTable(baseUrl: string, path: string, body?: unknown): Promise<Table> {
  const answer = await postTo(baseUrl, path, { body });
  if (answer.status !== 200) throw new Error(`${path} ${JSON.stringify(body)} answered ${answer.status}: ${answer.bytes.toString()}`);
  return tableOf(answer.bytes);
}

/** `01:30:00` (classic; hours may exceed 99) → 5400; an empty cell → 0. */
export function secondsOf(classic: string): number {
  if (classic === '') return 0;
  const match = /^(\d+):(\d{2}):(\d{2})$/.exec(classic);
  if (!match) throw new Error(`not a classic duration: "${classic}"`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** `1234.50` → 123450 cents; an empty cell → null. */
export function centsOf(amount: string): number | null {
  if (amount === '') return null;
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`not an amount: "${amount}"`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

/** The detailed rows' entry IDs, recognised by their durations (each entry of the dataset has its own length). */
export function entryIds(table: Table): number[] {
  const byLength = new Map<number, number[]>();
  for (const [id, seconds] of Object.entries(SECONDS)) byLength.set(seconds, [...(byLength.get(seconds) ?? []), Number(id)]);
  return table.column('Duration').map((cell) => {
    const ids = byLength.get(secondsOf(cell)) ?? [];
    if (ids.length !== 1) throw new Error(`duration ${cell} is not the length of exactly one entry (${ids.join(', ')})`);
    return ids[0] as number;
  });
}

/** Seconds as the hour columns write them: hundredths of an hour. `9350` → `2.60`. */
export const hoursText = (seconds: number): string => (Math.round(seconds / 36) / 100).toFixed(2);

/** Cents as the CSV writes amounts. `-2000` → `-20.00`. */
export const amountText = (cents: number): string =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** Every date from start to end, both included, `YYYY-MM-DD`. */
export function datesFrom(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let day = Date.parse(`${start}T00:00:00Z`); day <= Date.parse(`${end}T00:00:00Z`); day += 86_400_000)
    dates.push(new Date(day).toISOString().slice(0, 10));
  return dates;
}

/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** A workbook cell as stored: numbers stay numbers (a duration is the fraction of a day Excel stores), text stays text, empty is null. */
export type XlsxCell = string | number | boolean | null;

/** Excel's serial number of a date ExcelJS hands back as a Date (durations carry a duration format, which it reads as one). */
const serialOf = (date: Date): number => date.getTime() / 86_400_000 + 25_569;

/** The sheets of a workbook with their cells' stored values, each row as wide as the header. */
export async function xlsxTables(bytes: Buffer): Promise<{ name: string; rows: XlsxCell[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: XlsxCell[][] = [];
    const width = sheet.getRow(1).cellCount;
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: XlsxCell[] = [];
      for (let index = 1; index <= Math.max(width, row.cellCount); index += 1) {
        const value = row.getCell(index).value;
        if (value === null || value === undefined || value === '') cells.push(null);
        else if (value instanceof Date) cells.push(serialOf(value));
        else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') cells.push(value);
        else cells.push(String(row.getCell(index).text));
      }
      rows.push(cells);
    });
    return { name: sheet.name, rows };
  });
}

/** The text of each page of a PDF. */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const { text } = await pdfText(bytes);
  return text.split('\n');
}
