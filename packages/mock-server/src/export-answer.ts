import { exportReport, type ReportData, type ReportRenderer, type WorkspaceExportId } from '@toggl-exports/report-engine';
import type { CredentialsKind } from './credentials.ts';
import type { FileType } from './formats.ts';
import { decodedSegment, pathParametersOf, workspaceIdIn } from './path-parameters.ts';
import type { PrismOperation } from './prism.ts';
import { isJsonObject } from './request-body.ts';
import { type MockResponse, togglError } from './responses.ts';
import type { SavedReportRunner } from './saved-reports.ts';
import { documentedMessage, invalidToken, notFound, workspaceNotAccessible } from './toggl-messages.ts';

/*
 * The 200 of an export: the report engine computes the file from the server's data. This is
 * where the mock decides what Toggl decides from its database: whether the workspace or the
 * saved report exists, whether a private report may be read, and what a saved report's body is.
 */

export interface ExportCall {
  operation: PrismOperation;
  path: string;
  /** The workspace a workspace export's path names, checked (`workspaceIdIn`). */
  workspaceId?: number | undefined;
  /** The token a saved report's path names, as sent (percent-encoded). */
  reportToken?: string | undefined;
  file: FileType;
  body: unknown;
  credentials: CredentialsKind;
  /** The UTC date the request came in: the end of a period asked for without dates. */
  today: string;
}

/** The report engine's workspace exports. Typed by the engine's own list, this one can neither miss one nor add one. */
const workspaceExports: Readonly<Record<WorkspaceExportId, true>> = {
  exportDetailedReport: true,
  exportDetailedReportPdf: true,
  exportSummaryReport: true,
  exportSummaryReportPdf: true,
  exportWeeklyReportCsv: true,
  exportWeeklyReportPdf: true,
  exportProfitabilityEmployees: true,
  exportProfitabilityProjects: true,
  exportProjectTrends: true,
};

const isWorkspaceExport = (id: string | undefined): id is WorkspaceExportId => id !== undefined && Object.hasOwn(workspaceExports, id);

/** A saved report's token as the path names it: decoded, or as it is when it is not valid percent-encoding. */
const decodedToken = (raw: string): string => decodedSegment(raw) ?? raw;

export function createExporter(
  data: ReportData,
  savedReportRun: SavedReportRunner,
  operations: readonly PrismOperation[],
  render: ReportRenderer,
) {
  async function fileOf(
    call: ExportCall,
    operationId: WorkspaceExportId,
    workspaceId: number,
    body: Record<string, unknown>,
    savedName?: string,
  ): Promise<MockResponse> {
    const outcome = await exportReport(
      data,
      { operationId, format: call.file.format, workspaceId, body, today: call.today, ...(savedName === undefined ? {} : { savedName }) },
      { render },
    );
    if (!outcome.ok) {
      if (outcome.reason === 'workspace_not_found') {
        const { operation } = call;
        return togglError(
          403,
          documentedMessage(operation, 403, 'WorkspaceNotAccessible') ??
            documentedMessage(operation, 403, 'NoWorkspaceAccessOrNotAdmin') ??
            workspaceNotAccessible,
        );
      }
      return togglError(400, outcome.message);
    }
    return {
      status: 200,
      headers: { 'Content-Type': call.file.mediaType, 'Content-Disposition': `attachment; filename="${outcome.file.filename}"` },
      body: Buffer.from(outcome.file.bytes.buffer, outcome.file.bytes.byteOffset, outcome.file.bytes.byteLength),
    };
  }

  async function savedReportFile(call: ExportCall, token: string): Promise<MockResponse> {
    const saved = data.savedReport(token);
    if (!saved) return togglError(404, documentedMessage(call.operation, 404, 'NotFound') ?? notFound);
    if (!saved.public && call.credentials === 'missing') {
      return togglError(403, documentedMessage(call.operation, 403, 'InvalidToken') ?? invalidToken);
    }
    const checked = await savedReportRun(saved, call.file.format, isJsonObject(call.body) ? call.body : {});
    if (!checked.ok) return togglError(400, checked.message);
    return fileOf(call, checked.run.operationId, saved.workspaceId, checked.run.body, saved.name);
  }

  function exportFile(call: ExportCall): Promise<MockResponse> {
    if (call.reportToken !== undefined) return savedReportFile(call, decodedToken(call.reportToken));
    const { iid } = call.operation;
    if (!isWorkspaceExport(iid) || call.workspaceId === undefined) {
      throw new Error(`the report engine computes no ${iid} of ${call.path}, which Prism routed there`);
    }
    return fileOf(call, iid, call.workspaceId, isJsonObject(call.body) ? call.body : {});
  }

  /**
   * What a request to `path` counts against in the quota: the workspace it names, or the saved
   * report's; undefined for a path that is no export, or names no workspace ID.
   */
  function organizationOf(path: string): string | undefined {
    for (const operation of operations) {
      const parameters = pathParametersOf(operation, path);
      if (!parameters) continue;
      const token = parameters['report_token'];
      if (token === undefined) {
        // A workspace named some other way gets a 400, and counts against nothing.
        const workspaceId = workspaceIdIn(parameters['workspace_id'] ?? '');
        return workspaceId === undefined ? undefined : `workspace ${workspaceId}`;
      }
      const saved = data.savedReport(decodedToken(token));
      return saved ? `workspace ${saved.workspaceId}` : `saved report ${token}`;
    }
    return undefined;
  }

  return { exportFile, organizationOf };
}
