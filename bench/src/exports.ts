import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EXPORT_FORMATS, type ExportCase, type ExportFormat, exportCases } from '@toggl-exports/spec-reader';

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

export type ExportRequest = ExportCase;

export const exportRequests: ExportRequest[] = exportCases(mockSpec);

/** The request the speed comparisons send: a detailed report as CSV, the spec's example body, Basic credentials. */
export const detailedCsv = exportRequests.find((entry) => entry.operationId === 'exportDetailedReport' && entry.format === 'csv')!;

/** The exports whose files are CSV: the part of the mix that needs neither the XLSX nor the PDF writer. */
export const csvExportRequests = exportRequests.filter((entry) => entry.format === 'csv');

export const reportFormats = EXPORT_FORMATS;
export type ReportFormat = ExportFormat;

/** The detailed report's export path for a workspace (the PDF has a path of its own, which reads the same). */
export const detailedReportPath = (workspaceId: number, format: ReportFormat) =>
  `/reports/api/v3/workspace/${workspaceId}/search/time_entries.${format}`;

export const basicAuth = `Basic ${Buffer.from('ada@example.com:correct horse').toString('base64')}`;

export const jsonHeaders = { authorization: basicAuth, 'content-type': 'application/json' };

/** The same body with every date moved by `days`: a different request with the same answer. */
export function shiftedBody(body: Record<string, unknown>, days: number): Record<string, unknown> {
  const shifted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
    if (date) date.setUTCDate(date.getUTCDate() + days);
    shifted[key] = date ? date.toISOString().slice(0, 10) : value;
  }
  return shifted;
}
