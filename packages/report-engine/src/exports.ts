import type { IsoDate } from './calendar.ts';
import type { ReportData, SavedReportKind } from './data/report-data.ts';
import { bodyDefaults } from './generated/body-defaults.ts';
import type { ExportFormat } from './generated/formats.ts';
import type { operations } from './generated/openapi.ts';
import { renderCsv } from './render/csv.ts';
import { exportFileName } from './render/file-name.ts';
import { type PdfFonts, renderPdf } from './render/pdf.ts';
import { renderXlsx } from './render/xlsx.ts';
import { detailedReport } from './reports/detailed.ts';
import { employeeProfitabilityReport, projectProfitabilityReport } from './reports/profitability.ts';
import type { Report } from './reports/report.ts';
import type { ReportInput } from './reports/report-input.ts';
import { summaryReport } from './reports/summary.ts';
import { projectTrendsReport } from './reports/trends.ts';
import { weeklyReport } from './reports/weekly.ts';
import { checkBody } from './request/check-body.ts';
import { requestProblem } from './request/check-request.ts';
import { RequestError } from './request/request-error.ts';

/** The spec's exports but the saved reports' (which run as one of these): those of a workspace's report. */
type SpecWorkspaceExportId = Exclude<keyof typeof bodyDefaults, `exportSavedReport${string}`>;

/**
 * Which report each workspace export of the spec computes, by operationId. An export added to
 * the spec gets its line here (and a report module, if it is a new kind of report): the
 * compiler asks for it.
 */
const REPORTS = {
  exportDetailedReport: detailedReport,
  exportDetailedReportPdf: detailedReport,
  exportSummaryReport: summaryReport,
  exportSummaryReportPdf: summaryReport,
  exportWeeklyReportCsv: weeklyReport,
  exportWeeklyReportPdf: weeklyReport,
  exportProfitabilityEmployees: employeeProfitabilityReport,
  exportProfitabilityProjects: projectProfitabilityReport,
  exportProjectTrends: projectTrendsReport,
} as const satisfies Record<SpecWorkspaceExportId, (input: ReportInput<never>) => Report>;

/** An export of a workspace's report, as opposed to a saved report's (which runs as one of these). */
export type WorkspaceExportId = keyof typeof REPORTS;
const WORKSPACE_EXPORT_IDS = Object.keys(REPORTS) as WorkspaceExportId[];

/** The workspace export a saved report runs as, per format: its body is checked and completed as that export's. */
export const savedReportExports: Readonly<Record<SavedReportKind, Readonly<Record<ExportFormat, WorkspaceExportId>>>> = {
  detailed: { csv: 'exportDetailedReport', xlsx: 'exportDetailedReport', pdf: 'exportDetailedReportPdf' },
  summary: { csv: 'exportSummaryReport', xlsx: 'exportSummaryReport', pdf: 'exportSummaryReportPdf' },
  weekly: { csv: 'exportWeeklyReportCsv', xlsx: 'exportWeeklyReportCsv', pdf: 'exportWeeklyReportPdf' },
};

export interface RenderOptions {
  /**
   * Fonts for the PDFs whose texts the standard PDF fonts cannot show (letters beyond Latin-1,
   * such as `Ł`, `Ω` or `Ж`). Without them such a PDF is refused with an error naming the
   * character; every other file is written the same either way.
   */
  pdfFonts?: PdfFonts;
}

const RENDERERS: Record<ExportFormat, (report: Report, options: RenderOptions) => Uint8Array | Promise<Uint8Array>> = {
  csv: renderCsv,
  xlsx: renderXlsx,
  pdf: (report, { pdfFonts }) => renderPdf(report, pdfFonts),
};

/** Turns a computed report into the bytes of its file in one format. */
export type ReportRenderer = (report: Report, format: ExportFormat) => Promise<Uint8Array>;

/** Renders a report in the calling thread: what `exportReport` does unless it is given another renderer. */
export const renderReport = async (report: Report, format: ExportFormat, options: RenderOptions = {}): Promise<Uint8Array> => {
  if (!Object.hasOwn(RENDERERS, format)) {
    throw new TypeError(`renderReport: format must be one of ${Object.keys(RENDERERS).join(', ')}; got ${JSON.stringify(format)}`);
  }
  return RENDERERS[format](report, options);
};

export interface ExportOptions {
  /**
   * Renders the computed report (default: `renderReport`). A report is plain data that survives
   * a structured clone, so a server can hand the heavy formats to worker threads.
   */
  render?: ReportRenderer;
}

/** The request body a workspace export takes, as the spec describes it. */
export type ExportBody<Operation extends WorkspaceExportId> = operations[Operation]['requestBody']['content']['application/json'];

/** A request for one export, typed by its operation: `body` is that operation's body. */
export interface ExportRequestOf<Operation extends WorkspaceExportId> {
  operationId: Operation;
  format: ExportFormat;
  workspaceId: number;
  /** The request body, checked against the operation's schema in the spec; left out, it is `{}`. */
  body?: Readonly<ExportBody<Operation>>;
  /** The day periods without dates end on; the current UTC date when left out. */
  today?: IsoDate;
  /** When a saved report is exported: its name, for the title and the file name. */
  savedName?: string;
}

/** A request for any workspace export, its body that of any of them. */
export type ExportRequest = ExportRequestOf<WorkspaceExportId>;

export interface ExportedFile {
  /** The download name, e.g. `TogglTrack_Report_Detailed_report_(from_01_10_2026_to_31_10_2026).csv`. */
  filename: string;
  format: ExportFormat;
  bytes: Uint8Array;
}

export type ExportOutcome =
  | { ok: true; file: ExportedFile }
  /** The data has no such workspace (Toggl answers 403). */
  | { ok: false; reason: 'workspace_not_found' }
  /**
   * A request the report cannot be computed for (Toggl answers 400): an unknown operation or
   * format, a body the spec's schema refuses, or a valid body such as a period over a year.
   * `field` is the JSON path of the body's value at fault (`project_ids[2]`), when the spec's
   * schema refuses one.
   */
  | { ok: false; reason: 'invalid_request'; message: string; field?: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body with the spec's defaults where it leaves fields out; a nested object (`audit`) gets its fields' defaults only when it is sent. */
function withDefaults(defaults: Readonly<Record<string, unknown>>, body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(defaults)) {
    if (!isObject(value)) merged[field] = value;
    else if (isObject(body[field])) merged[field] = { ...value, ...body[field] };
  }
  for (const [field, value] of Object.entries(body)) if (!isObject(merged[field])) merged[field] = value;
  return merged;
}

/** Computes the report an export asks for from the data, and renders it in the format asked for. */
export async function exportReport<Operation extends WorkspaceExportId>(
  data: ReportData,
  request: ExportRequestOf<Operation>,
  { render = renderReport }: ExportOptions = {},
): Promise<ExportOutcome> {
  const problem = requestProblem(request, WORKSPACE_EXPORT_IDS);
  if (problem) return { ok: false, reason: 'invalid_request', message: problem };
  const bodyProblem = checkBody(request.operationId, request.body === undefined ? {} : request.body);
  if (bodyProblem) {
    const { message, field } = bodyProblem;
    return { ok: false, reason: 'invalid_request', message, ...(field === '' ? {} : { field }) };
  }
  const workspace = data.workspace(request.workspaceId);
  if (!workspace) return { ok: false, reason: 'workspace_not_found' };
  const input: ReportInput<Record<string, unknown>> = {
    workspace,
    body: withDefaults(bodyDefaults[request.operationId], request.body ?? {}),
    format: request.format,
    today: request.today ?? new Date().toISOString().slice(0, 10),
    ...(request.savedName === undefined ? {} : { savedName: request.savedName }),
  };
  try {
    const report = (REPORTS[request.operationId] as (input: ReportInput<Record<string, unknown>>) => Report)(input);
    const bytes = await render(report, request.format);
    return { ok: true, file: { filename: exportFileName(report, request.format), format: request.format, bytes } };
  } catch (error) {
    if (error instanceof RequestError) return { ok: false, reason: 'invalid_request', message: error.message };
    throw error;
  }
}
