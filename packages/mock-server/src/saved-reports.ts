import {
  type DatasetProblem,
  EXPORT_FORMATS,
  type ExportFormat,
  MAX_PROBLEMS,
  type ReportData,
  type SavedReport,
  savedReportExports,
  type WorkspaceExportId,
} from '@toggl-exports/report-engine';
import { checkBody } from './check-body.ts';
import type { Prism, PrismOperation } from './prism.ts';
import type { RequestProblem } from './toggl-messages.ts';

/*
 * A saved report runs as the workspace export of its kind and format (a saved detailed report
 * as PDF runs as exportDetailedReportPdf), with its saved body and the request's fields over
 * it. Toggl does not say which fields it takes here, so fields that export does not have (a
 * PDF's date_format in a CSV, an override it does not know) are left out rather than refused;
 * the rest are checked as that export checks its own body. A saved report "can be executed
 * without parameters", so an empty body is not refused as the export's own would be.
 */

export interface SavedReportRun {
  operationId: WorkspaceExportId;
  body: Record<string, unknown>;
}

export type SavedReportCheck = { ok: true; run: SavedReportRun } | ({ ok: false } & RequestProblem);

const fieldsOf = (operation: PrismOperation): Set<string> =>
  new Set(
    (operation.request?.body?.contents ?? []).flatMap((content) =>
      Object.keys((content.schema?.['properties'] as object | undefined) ?? {}),
    ),
  );

const fillPath = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

export function createSavedReportRunner(prism: Prism, operations: readonly PrismOperation[]) {
  const byId = new Map(operations.map((operation) => [operation.iid, { operation, fields: fieldsOf(operation) }]));

  /** The export a saved report runs as in a format, and its body; or why that body cannot be exported. */
  return async function savedReportRun(
    saved: SavedReport,
    format: ExportFormat,
    override: Readonly<Record<string, unknown>> = {},
  ): Promise<SavedReportCheck> {
    const operationId = savedReportExports[saved.report][format];
    const target = byId.get(operationId);
    if (!target) throw new Error(`the mock's spec has no ${operationId}, which ${saved.report} saved reports run as`);
    const body = Object.fromEntries(Object.entries({ ...saved.params, ...override }).filter(([field]) => target.fields.has(field)));
    const path = fillPath(target.operation.path, { workspace_id: saved.workspaceId, extension: format });
    const checked = await checkBody(prism, { method: 'post', path, credentials: 'usable', body, emptyAllowed: true }, target.operation, {
      dynamic: false,
      code: 200,
    });
    if (!checked.ok) return { ok: false, message: checked.message, ...(checked.field !== undefined && { field: checked.field }) };
    return { ok: true, run: { operationId, body } };
  };
}

export type SavedReportRunner = ReturnType<typeof createSavedReportRunner>;

/** The formats a saved report's kind is exported in, by the export each runs as: CSV and XLSX run as one. */
function formatsByExport(saved: SavedReport): [ExportFormat, ...ExportFormat[]][] {
  const byExport = new Map<WorkspaceExportId, [ExportFormat, ...ExportFormat[]]>();
  for (const format of EXPORT_FORMATS) {
    const operationId = savedReportExports[saved.report][format];
    const formats = byExport.get(operationId);
    if (formats) formats.push(format);
    else byExport.set(operationId, [format]);
  }
  return [...byExport.values()];
}

export interface SavedReportProblems {
  /** At most MAX_PROBLEMS, each at the field of the saved report's params it is about. */
  problems: DatasetProblem[];
  /** Whether there were more problems than `problems` holds. */
  more: boolean;
}

/**
 * The saved reports of a dataset whose saved body an export of theirs refuses, with why, each
 * export checked once (CSV and XLSX run as the same one): checked before the server listens.
 * A saved report gets one problem, its first.
 */
export async function savedReportProblems(data: ReportData, run: SavedReportRunner): Promise<SavedReportProblems> {
  const problems: DatasetProblem[] = [];
  for (const [index, saved] of data.savedReports().entries()) {
    for (const formats of formatsByExport(saved)) {
      const checked = await run(saved, formats[0]);
      if (checked.ok) continue;
      if (problems.length === MAX_PROBLEMS) return { problems, more: true };
      const names = formats.map((name) => name.toUpperCase()).join(' and ');
      problems.push({
        path: `$.saved_reports[${index}].params${checked.field === undefined ? '' : `.${checked.field}`}`,
        message: `${checked.message} (as a ${saved.report} report's ${names} ${formats.length > 1 ? 'exports take' : 'export takes'} it)`,
      });
      break;
    }
  }
  return { problems, more: false };
}
