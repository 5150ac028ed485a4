import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { exportOperations } from '@toggl-exports/client';

/*
 * The requests the bench sends, taken from the mock's own spec (`@toggl-exports/mock-server/openapi.json`):
 * every export path, in every format the client's operation table lists, with the spec's example
 * parameters and example body.
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

export interface ExportRequest {
  operationId: string;
  mediaType: string;
  path: string;
  /** The operation's example body, or undefined for operations documented without one. */
  body: Record<string, unknown> | undefined;
}

export const exportRequests: ExportRequest[] = Object.entries<Json>(mockSpec.paths).flatMap(([template, item]) => {
  const operation = item.post;
  const formats: Record<string, string> = exportOperations[operation.operationId as keyof typeof exportOperations].formats;
  return Object.entries(formats).map(([format, mediaType]) => ({
    operationId: operation.operationId,
    mediaType,
    path: template.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'extension' ? format : String(mockSpec.components.parameters[name].example),
    ),
    body: operation.requestBody?.content['application/json'].example,
  }));
});

/** The request the speed comparisons send: a detailed report as CSV, the spec's example body, Basic credentials. */
export const detailedCsv = exportRequests.find((entry) => entry.operationId === 'exportDetailedReport' && entry.mediaType === 'text/csv')!;

/** The exports whose files are CSV: the part of the mix that needs neither the XLSX nor the PDF writer. */
export const csvExportRequests = exportRequests.filter((entry) => entry.mediaType === 'text/csv');

export const reportFormats = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The detailed report's export path for a workspace (the PDF has a path of its own, which reads the same). */
export const detailedReportPath = (workspaceId: number, format: ReportFormat) => `/reports/api/v3/workspace/${workspaceId}/search/time_entries.${format}`;

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
