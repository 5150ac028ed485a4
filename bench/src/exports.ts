import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EXPORT_FORMATS, type ExportCase, type ExportFormat, exportCases, readExportOperations } from '@toggl-exports/spec-reader';

/*
 * The requests the bench sends, taken from the mock's own spec (`@toggl-exports/mock-server/openapi.json`):
 * every export in every format, with the spec's example parameters and example body.
 */

const require = createRequire(import.meta.url);
type Json = Record<string, any>;

export const mockSpecPath = require.resolve('@toggl-exports/mock-server/openapi.json');
const mockSpec: Json = JSON.parse(readFileSync(mockSpecPath, 'utf8'));

/** The file an installed package's `bin` entry points at. */
function binPath(packageName: string, command: string): string {
  const manifest = require.resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const file = bin[command];
  if (file === undefined) throw new Error(`${packageName} has no "${command}" command in its package.json bin`);
  return path.join(path.dirname(manifest), file);
}

/** The built CLI of the mock, as `npx toggl-exports-mock` runs it. */
export const mockCliPath = binPath('@toggl-exports/mock-server', 'toggl-exports-mock');

/** The Prism CLI's entry point (`prism`), run with the same Node. */
export const prismCliPath = binPath('@stoplight/prism-cli', 'prism');

export const exportRequests: ExportCase[] = exportCases(mockSpec);

/** The request the speed comparisons send: a detailed report as CSV, the spec's example body, Basic credentials. */
export const detailedCsv = exportRequests.find((entry) => entry.operationId === 'exportDetailedReport' && entry.format === 'csv')!;

/** The exports whose files are CSV: the part of the mix that needs neither the XLSX nor the PDF writer. */
export const csvExportRequests = exportRequests.filter((entry) => entry.format === 'csv');

/** The workspace of the spec's examples: the built-in workspace answers for any ID, and this is the one the docs use. */
export const exampleWorkspaceId = Number(detailedCsv.parameters['workspace_id']);

/** The detailed report's path in each format, as the spec has it: its CSV and XLSX operation's, and its PDF operation's. */
const detailedReportTemplates = Object.fromEntries(
  EXPORT_FORMATS.map((format) => {
    const operation = readExportOperations(mockSpec).find(
      ({ operationId, formats }) => ['exportDetailedReport', 'exportDetailedReportPdf'].includes(operationId) && formats.includes(format),
    );
    if (!operation) throw new Error(`the mock's spec has no detailed report as ${format}`);
    return [format, operation.path];
  }),
) as Record<ExportFormat, string>;

/** The detailed report's export path for a workspace. */
export const detailedReportPath = (workspaceId: number, format: ExportFormat) =>
  detailedReportTemplates[format].replace('{workspace_id}', String(workspaceId)).replace('{extension}', format);

export const basicAuth = `Basic ${Buffer.from('ada@example.com:correct horse').toString('base64')}`;

export const jsonHeaders = { authorization: basicAuth, 'content-type': 'application/json' };

/** POSTs an export request (Basic credentials, the body as JSON) to the server at `url`; gives up after `timeoutMs`. */
export const postExport = (url: string, path: string, body: unknown, timeoutMs: number): Promise<Response> =>
  fetch(`${url}${path}`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });

/** The same body with every date moved by `days`: a request the mock has not seen, for another period, so its file is computed anew. */
export function shiftedBody(body: Record<string, unknown>, days: number): Record<string, unknown> {
  const shifted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
    if (date) date.setUTCDate(date.getUTCDate() + days);
    shifted[key] = date ? date.toISOString().slice(0, 10) : value;
  }
  return shifted;
}
