import { type ExportFormat, exportReport, MEDIA_TYPES, type ReportData, type WorkspaceExportId } from '@toggl-exports/report-engine';
import type { CredentialsKind } from './credentials.ts';
import { examplesOf } from './examples.ts';
import type { PrismOperation } from './prism.ts';
import { type MockResponse, togglError } from './responses.ts';
import type { SavedReportRunner } from './saved-reports.ts';
import { documentedMessage } from './toggl-messages.ts';

/*
 * The 200 of an export: the report engine computes the file from the server's data. This is
 * where the mock decides what Toggl decides from its database: whether the workspace or the
 * saved report exists, whether a private report may be read, and what a saved report's body is.
 */

export interface ExportCall {
  operation: PrismOperation;
  path: string;
  format: ExportFormat;
  body: unknown;
  credentials: CredentialsKind;
  /** The UTC date the request came in: the end of a period asked for without dates. */
  today: string;
}

const templates = new Map<string, RegExp>();

/** The path parameters of a request, read with the operation's path template. */
function pathParameters(template: string, path: string): Record<string, string> {
  let pattern = templates.get(template);
  if (!pattern) {
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+?)');
    pattern = new RegExp(`^${source}$`);
    templates.set(template, pattern);
  }
  return pattern.exec(path)?.groups ?? {};
}

function decodedToken(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // not percent-encoded as a URL would be: taken as it is
  }
}

/** The first message an operation documents for a status, e.g. its 403's "Workspace not found/accessible". */
const firstMessage = (operation: PrismOperation, status: number, fallback: string): string => {
  const [first] = examplesOf(operation, status);
  return typeof first?.value === 'string' ? first.value : fallback;
};

const isBody = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createExporter(data: ReportData, savedReportRun: SavedReportRunner) {
  async function fileOf(
    call: ExportCall,
    operationId: WorkspaceExportId,
    workspaceId: number,
    body: Record<string, unknown>,
    savedName?: string,
  ): Promise<MockResponse> {
    const outcome = await exportReport(data, {
      operationId,
      format: call.format,
      workspaceId,
      body,
      today: call.today,
      ...(savedName === undefined ? {} : { savedName }),
    });
    if (!outcome.ok) {
      if (outcome.reason === 'workspace_not_found')
        return togglError(403, firstMessage(call.operation, 403, 'Workspace not found/accessible'));
      return togglError(400, outcome.message);
    }
    return {
      status: 200,
      headers: { 'Content-Type': MEDIA_TYPES[call.format], 'Content-Disposition': `attachment; filename="${outcome.file.filename}"` },
      body: Buffer.from(outcome.file.bytes.buffer, outcome.file.bytes.byteOffset, outcome.file.bytes.byteLength),
    };
  }

  async function savedReportFile(call: ExportCall, token: string): Promise<MockResponse> {
    const saved = data.savedReport(token);
    if (!saved) return togglError(404, firstMessage(call.operation, 404, 'Not found'));
    if (!saved.public && call.credentials === 'missing') {
      return togglError(403, documentedMessage(call.operation, 403, 'InvalidToken') ?? 'Invalid token');
    }
    const checked = await savedReportRun(saved, call.format, isBody(call.body) ? call.body : {});
    if (!checked.ok) return togglError(400, checked.message);
    return fileOf(call, checked.run.operationId, saved.workspaceId, checked.run.body, saved.name);
  }

  return function exportFile(call: ExportCall): Promise<MockResponse> {
    const parameters = pathParameters(call.operation.path, call.path);
    if (parameters['report_token'] !== undefined) return savedReportFile(call, decodedToken(parameters['report_token']));
    const body = isBody(call.body) ? call.body : {};
    return fileOf(call, call.operation.iid as WorkspaceExportId, Number(parameters['workspace_id']), body);
  };
}
