import { EXPORT_FORMATS, type ExportFormat } from '@toggl-exports/spec-reader';
import { detailedReportPath, exampleWorkspaceId } from '../exports.ts';
import { mockCli, startServer } from '../servers.ts';
import { median } from '../stats.ts';
import { type ColdAndCached, coldAndCached, warmUpDetailedReports } from '../timed-export.ts';

export interface MonthsFormatResult {
  /** One per month, each asked for once cold and once again. */
  runs: (ColdAndCached & { month: string })[];
  medianColdMs: number;
  medianCachedMs: number;
}

export type MonthsResult = Record<ExportFormat, MonthsFormatResult>;

const monthsPerFormat = 7;
const timeoutMs = 60_000;

/** The `index`th calendar month from January 2023, as a detailed report's body. */
function monthBody(index: number): { start_date: string; end_date: string } {
  const day = (month: number, date: number) => new Date(Date.UTC(2023, month, date)).toISOString().slice(0, 10);
  return { start_date: day(index, 1), end_date: day(index + 1, 0) };
}

/**
 * A month of the built-in workspace's detailed report over HTTP, as CSV, XLSX and PDF: each
 * request a month never asked for before (the formats taking turns, so no two requests share a
 * month and neither the mock's response cache nor its drawn days can help), then the same
 * request again, which the cache answers.
 */
export async function measureMonths(): Promise<MonthsResult> {
  const server = await startServer(mockCli);
  try {
    await warmUpDetailedReports(server.url, exampleWorkspaceId, timeoutMs);
    const runs = Object.fromEntries(EXPORT_FORMATS.map((format) => [format, [] as MonthsFormatResult['runs']])) as Record<
      ExportFormat,
      MonthsFormatResult['runs']
    >;
    for (let round = 0; round < monthsPerFormat; round++) {
      for (const [index, format] of EXPORT_FORMATS.entries()) {
        const body = monthBody(round * EXPORT_FORMATS.length + index);
        const { timing } = await coldAndCached(server.url, detailedReportPath(exampleWorkspaceId, format), body, timeoutMs);
        runs[format].push({ month: body.start_date.slice(0, 7), ...timing });
      }
    }
    const result = (format: ExportFormat): MonthsFormatResult => ({
      runs: runs[format],
      medianColdMs: median(runs[format].map((run) => run.coldMs)),
      medianCachedMs: median(runs[format].map((run) => run.cachedMs)),
    });
    return Object.fromEntries(EXPORT_FORMATS.map((format) => [format, result(format)])) as MonthsResult;
  } finally {
    await server.stop();
  }
}
