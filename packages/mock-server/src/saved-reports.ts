import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ReportData,
  type SavedReport,
  savedReportExports,
  type WorkspaceExportId,
} from '@toggl-exports/report-engine';
import { authorizationForPrism } from './credentials.ts';
import { crossFieldViolation } from './cross-field-rules.ts';
import type { Prism, PrismOperation } from './prism.ts';
import { invalidRequestMessage } from './toggl-messages.ts';

/*
 * A saved report runs as the workspace export of its kind and format (a saved detailed report
 * as PDF runs as exportDetailedReportPdf), with its saved body and the request's fields over
 * it. Toggl does not say which fields it takes here, so fields that export does not have (a
 * PDF's date_format in a CSV, an override it does not know) are left out rather than refused;
 * the rest are checked as that export checks its own body.
 */

export interface SavedReportRun {
  operationId: WorkspaceExportId;
  body: Record<string, unknown>;
}

export type SavedReportCheck = { ok: true; run: SavedReportRun } | { ok: false; message: string };

const fieldsOf = (operation: PrismOperation): Set<string> =>
  new Set(
    (operation.request?.body?.contents ?? []).flatMap((content) =>
      Object.keys((content.schema?.['properties'] as object | undefined) ?? {}),
    ),
  );

const fillPath = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

export function createSavedReportRunner(prism: Prism, operations: readonly PrismOperation[]) {
  const byId = new Map(operations.map((operation) => [operation.iid, operation]));
  const fields = new Map<string, Set<string>>();

  /** The export a saved report runs as in a format, and its body; or why that body cannot be exported. */
  return async function savedReportRun(
    saved: SavedReport,
    format: ExportFormat,
    override: Readonly<Record<string, unknown>> = {},
  ): Promise<SavedReportCheck> {
    const operationId = savedReportExports[saved.report][format];
    const target = byId.get(operationId);
    if (!target) throw new Error(`the mock's spec has no ${operationId}, which ${saved.report} saved reports run as`);
    let known = fields.get(operationId);
    if (!known) {
      known = fieldsOf(target);
      fields.set(operationId, known);
    }
    const body = Object.fromEntries(Object.entries({ ...saved.params, ...override }).filter(([field]) => known.has(field)));
    const checked = await prism.respond(
      {
        method: 'post',
        url: { path: fillPath(target.path, { workspace_id: saved.workspaceId, extension: format }) },
        headers: { authorization: authorizationForPrism('usable') as string, 'content-type': 'application/json' },
        body,
      },
      target,
      { dynamic: false, code: 200 },
    );
    if (checked._tag === 'Left') return { ok: false, message: checked.left.detail || checked.left.message };
    const problems = checked.right.validations.input.filter((diagnostic) => diagnostic.severity === 0);
    if (problems.length > 0) return { ok: false, message: invalidRequestMessage(problems, target) };
    const crossField = crossFieldViolation(body, target);
    if (crossField) return { ok: false, message: crossField };
    return { ok: true, run: { operationId, body } };
  };
}

export type SavedReportRunner = ReturnType<typeof createSavedReportRunner>;

/** Each saved report of a dataset whose saved body no format can export, with why: checked before the server listens. */
export async function savedReportProblems(data: ReportData, run: SavedReportRunner): Promise<{ path: string; message: string }[]> {
  const problems: { path: string; message: string }[] = [];
  for (const [index, saved] of data.savedReports().entries()) {
    for (const format of EXPORT_FORMATS) {
      const checked = await run(saved, format);
      if (!checked.ok) {
        problems.push({
          path: `$.saved_reports[${index}].params`,
          message: `${checked.message} (as a ${saved.report} report's ${format.toUpperCase()} export takes it)`,
        });
        break;
      }
    }
  }
  return problems;
}
