// Cross-package: the client (this package) against the real mock server (@toggl-exports/mock-server),
// over HTTP, for every operation in every format, checking the files' bytes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Dataset, type MockServer, startMockServer } from '@toggl-exports/mock-server';
import spec from '@toggl-exports/openapi/openapi.json' with { type: 'json' };
import { exportCases } from '@toggl-exports/spec-reader';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTogglExportsClient, type ExportFile, type ExportOperationId, exportOperations, TogglApiError } from '../src/index.js';
import { createTogglExportsClient as createNodeClient } from '../src/node.js';

type Method = (args: Record<string, unknown>) => Promise<ExportFile>;

/** Every operation and format, with the spec's own example parameters and body: valid by construction. */
const calls = exportCases(spec).map((call) => ({ ...call, operationId: call.operationId as ExportOperationId }));

let mock: MockServer;
let folder: string;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  folder = await mkdtemp(path.join(tmpdir(), 'client-against-mock-'));
}, 60_000);
afterAll(async () => {
  await mock?.close();
  await rm(folder, { recursive: true, force: true });
});

const clientFor = (options: Parameters<typeof createTogglExportsClient>[1] = {}) =>
  createTogglExportsClient({ apiToken: '1971800d4d82861d8f2c1651fea4d212' }, { baseUrl: mock.url, ...options });

/** Checks that the bytes are a real file of the format; returns its header row (CSV and XLSX). */
async function expectUsableFile(format: string, bytes: Uint8Array): Promise<string[]> {
  if (format === 'csv') {
    const [header = [], ...rows] = parse(Buffer.from(bytes), { bom: true }) as string[][];
    expect(header.length).toBeGreaterThan(1);
    expect(header.every((name) => name.trim() !== '')).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveLength(header.length);
    return header;
  }
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.actualRowCount).toBeGreaterThan(1);
    return ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1).map(String);
  }
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS }).promise;
  expect(document.numPages).toBeGreaterThan(0);
  const text = await (await document.getPage(1)).getTextContent();
  expect(text.items.some((item) => 'str' in item && item.str.trim() !== '')).toBe(true);
  await document.destroy();
  return [];
}

/** The CSV export that goes with an XLSX one: the same operation, or its `...Csv` sibling. */
const csvCounterpart = (operationId: ExportOperationId): ExportOperationId =>
  'csv' in exportOperations[operationId].formats ? operationId : (operationId.replace(/Xlsx$/, 'Csv') as ExportOperationId);

describe('client against the mock server', () => {
  it('calls every operation of the client', () => {
    expect(new Set(calls.map((call) => call.operationId))).toEqual(new Set(Object.keys(exportOperations)));
  });

  it.each(calls)('$operationId as $format returns a usable file', async ({ operationId, format, body, parameters }) => {
    const args = { workspaceId: Number(parameters['workspace_id']), reportToken: parameters['report_token'], format, body };
    const file = await (clientFor()[operationId] as unknown as Method)(args);
    const mediaTypes: Record<string, string> = exportOperations[operationId].formats;
    expect(file.format).toBe(format);
    expect(file.contentType).toContain(mediaTypes[format]);
    expect(file.filename.endsWith(`.${format}`)).toBe(true);
    const header = await expectUsableFile(format, new Uint8Array(await file.arrayBuffer()));
    if (format === 'xlsx') {
      // The workbook's first row holds the same columns as the CSV of the same report.
      const csvArgs = { ...args, format: 'csv' };
      const csv = await (clientFor()[csvCounterpart(operationId)] as unknown as Method)(csvArgs);
      expect(header).toEqual(await expectUsableFile('csv', new Uint8Array(await csv.arrayBuffer())));
    }
  });

  it('exports a public saved report without credentials and without a body', async () => {
    const anonymous = createTogglExportsClient({}, { baseUrl: mock.url });
    const file = await anonymous.exportSavedReportCsv({ reportToken: '5f2a9c1e7b3d4a60a8e1c2b3d4e5f607' });
    await expectUsableFile('csv', new Uint8Array(await file.arrayBuffer()));
  });

  it('saves a file to disk with the same bytes a second download gets', async () => {
    const body = calls.find((call) => call.operationId === 'exportDetailedReportPdf')?.body as { start_date: string };
    const nodeClient = createNodeClient({ apiToken: '1971800d4d82861d8f2c1651fea4d212' }, { baseUrl: mock.url });
    const file = await nodeClient.exportDetailedReportPdf({ workspaceId: 1234567, body });
    const target = path.join(folder, file.filename);
    await file.saveTo(target);
    const again = await nodeClient.exportDetailedReportPdf({ workspaceId: 1234567, body });
    expect((await readFile(target)).equals(Buffer.from(await again.arrayBuffer()))).toBe(true);
  });

  it("surfaces the mock's validation message for a body the server rejects", async () => {
    const body = { start_date: '2026-10-01', rounding_minutes: 7 } as unknown as { start_date: string };
    const error = await clientFor({ retry: false })
      .exportDetailedReport({ workspaceId: 1234567, format: 'csv', body })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TogglApiError);
    expect(error).toMatchObject({ status: 400, reason: 'bad_request' });
    expect((error as TogglApiError).serverMessage).toMatch(/rounding_minutes/);
  });

  describe('documented errors, asked for with Prefer', () => {
    const preferring = (prefer: string) =>
      clientFor({
        retry: { maxRetryAfterMs: 1000 },
        fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), prefer } }),
      });
    const weekly = (prefer: string) =>
      preferring(prefer)
        .exportWeeklyReportCsv({ workspaceId: 1234567, body: { start_date: '2026-10-05', end_date: '2026-10-11' } })
        .catch((caught: unknown) => caught);

    it('402 feature not enabled', async () => {
      expect(await weekly('code=402')).toMatchObject({
        reason: 'feature_not_enabled',
        serverMessage: 'Workspace needs to have this feature enabled',
        attempts: 1,
      });
    });

    it('402 quota exhausted, resetting later than the client will wait', async () => {
      expect(await weekly('code=402, example=QuotaExhausted')).toMatchObject({
        reason: 'quota_exhausted',
        quotaRemaining: 0,
        quotaResetsInSeconds: 1800,
        attempts: 1,
      });
    });

    it('429 whose Retry-After is longer than the client will wait', async () => {
      expect(await weekly('code=429')).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 60, attempts: 1 });
    });

    it('401 with the documented message', async () => {
      expect(await weekly('code=401, example=IncorrectCredentials')).toMatchObject({
        reason: 'unauthorized',
        serverMessage: 'Incorrect username and/or password',
      });
    });
  });
});

describe('client against a mock server with a dataset of its own (the README\'s "Testing your code" example)', () => {
  const dataset: Dataset = {
    workspaces: [{ id: 42, name: 'Acme', default_currency: 'EUR' }],
    users: [{ id: 7, fullname: 'Ada Lovelace', email: 'ada@acme.example', timezone: 'Europe/London' }],
    projects: [{ id: 200, name: 'Billing API', billable: true, rate: 120 }],
    time_entries: [
      {
        id: 1,
        workspace_id: 42,
        user_id: 7,
        project_id: 200,
        billable: true,
        description: 'Invoices',
        start: '2026-10-05T08:00:00Z',
        stop: '2026-10-05T09:30:00Z',
      },
      {
        id: 2,
        workspace_id: 42,
        user_id: 7,
        project_id: 200,
        billable: true,
        description: 'Review',
        start: '2026-10-20T13:00:00Z',
        duration: 2700,
      },
      {
        id: 3,
        workspace_id: 42,
        user_id: 7,
        project_id: 200,
        billable: false,
        description: 'Planning',
        start: '2026-10-21T09:00:00Z',
        duration: 7200,
      },
    ],
  };
  let own: MockServer;
  beforeAll(async () => {
    own = await startMockServer({ port: 0, data: dataset });
  });
  afterAll(() => own?.close());

  const october = { start_date: '2026-10-01', end_date: '2026-10-31' };
  const detailedRows = async (body: Record<string, unknown>) => {
    const client = createTogglExportsClient({ apiToken: 'any-token' }, { baseUrl: own.url });
    const file = await client.exportDetailedReport({ workspaceId: 42, format: 'csv', body: { ...october, ...body } });
    return parse(await file.text(), { columns: true }) as Record<string, string>[];
  };

  it("bills October's billable time at the project rate: the numbers the dataset implies", async () => {
    const rows = await detailedRows({ billable: true });
    expect(rows.map((row) => [row['Description'], row['Start time'], row['Duration'], row['Amount (EUR)']])).toEqual([
      ['Invoices', '09:00:00', '01:30:00', '180.00'],
      ['Review', '14:00:00', '00:45:00', '90.00'],
    ]);
    expect(rows.reduce((cents, row) => cents + Math.round(Number(row['Amount (EUR)']) * 100), 0)).toBe(27_000);
  });

  it('leaves the amount of time that is not billable empty, and knows no other workspace', async () => {
    expect((await detailedRows({ billable: false })).map((row) => [row['Description'], row['Billable'], row['Amount (EUR)']])).toEqual([
      ['Planning', 'No', ''],
    ]);
    const error = await createTogglExportsClient({ apiToken: 'any-token' }, { baseUrl: own.url, retry: false })
      .exportDetailedReport({ workspaceId: 1234567, format: 'csv', body: october })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 403, reason: 'forbidden', serverMessage: 'Workspace not found/accessible' });
  });
});
