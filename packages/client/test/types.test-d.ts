// Checked by `tsc --noEmit` (the package's typecheck script): every `@ts-expect-error` line must be
// a compile error, or tsc fails with "Unused '@ts-expect-error' directive"; every other line must compile.
import {
  createTogglExportsClient,
  type ExportArgs,
  type ExportBody,
  type ExportFile,
  type ExportFormat,
  type ExportOperationId,
  type TogglApiErrorReason,
} from '../src/index.js';
import { createTogglExportsClient as createNodeClient, type NodeExportFile } from '../src/node.js';
import { rawClient } from '../src/raw.js';

declare const client: ReturnType<typeof createTogglExportsClient>;
const period = { start_date: '2026-10-01', end_date: '2026-10-31' };

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

export async function validCalls(signal: AbortSignal): Promise<void> {
  const file: ExportFile = await client.exportDetailedReport({
    workspaceId: 1234567,
    format: 'xlsx',
    body: { ...period, project_ids: [7001, null], billable: true, order_by: 'date', order_dir: 'DESC', rounding_minutes: 15 },
    signal,
    timeout: 30_000,
  });
  const name: string = file.filename;
  const stream: ReadableStream<Uint8Array> = file.stream();
  void name;
  void stream;
  await client.exportDetailedReportPdf({ workspaceId: 1, body: { ...period, date_format: 'DD.MM.YYYY' } });
  await client.exportSummaryReport({ workspaceId: 1, format: 'csv', body: { ...period, grouping: 'clients', sub_grouping: 'projects' } });
  await client.exportSummaryReportPdf({ workspaceId: 1, body: period });
  await client.exportWeeklyReportCsv({ workspaceId: 1, body: { ...period, calculate: 'amounts' } });
  await client.exportWeeklyReportPdf({ workspaceId: 1, body: period, timeout: false });
  // Saved reports: the body is optional, and open to any fields.
  await client.exportSavedReportCsv({ reportToken: 'tok' });
  await client.exportSavedReportXlsx({ reportToken: 'tok', body: {} });
  await client.exportSavedReportPdf({ reportToken: 'tok', body: { anything: 'goes' } });
  await client.exportProfitabilityEmployees({
    workspaceId: 1,
    format: 'xlsx',
    body: { ...period, currency: 'USD', resolution: 'week', user_ids: [9001] },
  });
  await client.exportProfitabilityProjects({ workspaceId: 1, format: 'csv', body: { ...period, client_ids: [501, null] } });
  // Toggl lists no resolution values for employee profitability, nor rounding steps for insights: any value compiles.
  await client.exportProfitabilityEmployees({
    workspaceId: 1,
    format: 'csv',
    body: { ...period, resolution: 'quarter', rounding_minutes: 7 },
  });
  await client.exportProjectTrends({ workspaceId: 1, format: 'csv', body: { ...period, previous_period_start: '2026-09-01' } });
  // The raw openapi-fetch client is typed by the same spec, for clients of either entry.
  await rawClient(createNodeClient()).POST('/reports/api/v3/shared/{report_token}.csv', { params: { path: { report_token: 'tok' } } });
  await rawClient(client).POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
    params: { path: { workspace_id: 1 } },
    body: period,
    parseAs: 'stream',
  });
}

export async function invalidCalls(): Promise<void> {
  // @ts-expect-error wrong field name in the body (startDate is not start_date)
  await client.exportDetailedReport({ workspaceId: 1, format: 'csv', body: { startDate: '2026-10-01' } });
  // @ts-expect-error wrong enum value for order_dir
  await client.exportDetailedReport({ workspaceId: 1, format: 'csv', body: { ...period, order_dir: 'descending' } });
  // @ts-expect-error wrong enum value for the weekly report's calculate
  await client.exportWeeklyReportCsv({ workspaceId: 1, body: { ...period, calculate: 'hours' } });
  // @ts-expect-error project profitability's resolution is day, week or month
  await client.exportProfitabilityProjects({ workspaceId: 1, format: 'csv', body: { ...period, resolution: 'quarter' } });
  // @ts-expect-error the reports' rounding steps are listed
  await client.exportDetailedReport({ workspaceId: 1, format: 'csv', body: { ...period, rounding_minutes: 7 } });
  // @ts-expect-error wrong enum value for the PDF date format
  await client.exportSummaryReportPdf({ workspaceId: 1, body: { ...period, date_format: 'YYYY/MM/DD' } });
  // @ts-expect-error missing workspaceId
  await client.exportDetailedReport({ format: 'csv', body: period });
  // @ts-expect-error the path parameter in the spec's snake_case instead of camelCase
  await client.exportDetailedReport({ workspace_id: 1, format: 'csv', body: period });
  // @ts-expect-error workspaceId is a number
  await client.exportDetailedReport({ workspaceId: '1', format: 'csv', body: period });
  // @ts-expect-error format is required where the path has {extension}
  await client.exportDetailedReport({ workspaceId: 1, body: period });
  // @ts-expect-error a format the operation does not offer
  await client.exportDetailedReport({ workspaceId: 1, format: 'pdf', body: period });
  // @ts-expect-error a PDF-only operation takes no format
  await client.exportDetailedReportPdf({ workspaceId: 1, format: 'csv', body: period });
  // @ts-expect-error the weekly CSV export has no XLSX variant
  await client.exportWeeklyReportCsv({ workspaceId: 1, format: 'xlsx', body: period });
  // @ts-expect-error the body is required for workspace exports
  await client.exportSummaryReport({ workspaceId: 1, format: 'csv' });
  // @ts-expect-error a saved report needs its token
  await client.exportSavedReportCsv({});
  // @ts-expect-error no such operation
  await client.exportTimeEntries({ workspaceId: 1 });
  // @ts-expect-error a timeout is milliseconds or false
  await client.exportSavedReportCsv({ reportToken: 'tok', timeout: '30s' });
  // @ts-expect-error unknown call option
  await client.exportSavedReportCsv({ reportToken: 'tok', retries: 3 });
  // @ts-expect-error the client has no raw property: rawClient() comes from its own entry
  void client.raw;
  // @ts-expect-error rawClient() takes a client
  rawClient({});
  // @ts-expect-error the raw client knows the spec's paths only
  await rawClient(client).POST('/reports/api/v3/workspace/{workspace_id}/unknown.csv', {});
}

export function invalidOptions(): void {
  // @ts-expect-error credentials take either a token or a login, not both
  createTogglExportsClient({ apiToken: 't', email: 'e', password: 'p' });
  // @ts-expect-error a login needs its password
  createTogglExportsClient({ email: 'e' });
  // @ts-expect-error unknown option
  createTogglExportsClient({}, { baseURL: 'https://example.com' });
  // @ts-expect-error retry settings are an object or false
  createTogglExportsClient({}, { retry: true });
  createTogglExportsClient();
  createTogglExportsClient({}, { retry: false, timeout: false, baseUrl: 'http://127.0.0.1:4010', userAgent: 'x' });
}

export async function nodeEntry(): Promise<void> {
  const file: NodeExportFile = await createNodeClient({ apiToken: 't' }).exportWeeklyReportPdf({ workspaceId: 1, body: period });
  await file.saveTo('weekly.pdf');
  // @ts-expect-error saveTo belongs to the Node entry's files only
  await (await client.exportWeeklyReportPdf({ workspaceId: 1, body: period })).saveTo('weekly.pdf');
}

// The derived types say what the spec says.
assertType<Equal<ExportOperationId, keyof typeof client & `export${string}`>>();
assertType<Equal<ExportFormat, 'csv' | 'xlsx' | 'pdf'>>();
assertType<Equal<ExportArgs<'exportDetailedReport'>['format'], 'csv' | 'xlsx'>>();
assertType<Equal<ExportArgs<'exportDetailedReport'>['workspaceId'], number>>();
assertType<Equal<ExportArgs<'exportSavedReportPdf'>['reportToken'], string>>();
assertType<Equal<ExportBody<'exportSavedReportCsv'>, { [key: string]: unknown }>>();
assertType<
  Equal<Extract<TogglApiErrorReason, `${string}quota${string}` | `${string}feature${string}`>, 'quota_exhausted' | 'feature_not_enabled'>
>();
