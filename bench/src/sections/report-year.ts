import { EXPORT_FORMATS, type ExportFormat } from '@toggl-exports/spec-reader';
import { detailedReportPath, exampleWorkspaceId } from '../exports.ts';
import { mockCli, startServer } from '../servers.ts';
import { type ColdAndCached, coldAndCached, warmUpDetailedReports } from '../timed-export.ts';

export type YearResult = Record<ExportFormat, ColdAndCached & { year: number }>;

/** A different year per format, so that no format finds days the mock drew for another. */
const years: Record<ExportFormat, number> = { csv: 2024, xlsx: 2023, pdf: 2022 };
const timeoutMs = 120_000;

/** A whole calendar year of the built-in workspace's detailed report as CSV, XLSX and PDF: the first request (cold), then the same again (cached). */
export async function measureYear(): Promise<YearResult> {
  const server = await startServer(mockCli);
  try {
    await warmUpDetailedReports(server.url, exampleWorkspaceId, timeoutMs);
    const result = {} as YearResult;
    for (const format of EXPORT_FORMATS) {
      const year = years[format];
      const body = { start_date: `${year}-01-01`, end_date: `${year}-12-31` };
      const { timing } = await coldAndCached(server.url, detailedReportPath(exampleWorkspaceId, format), body, timeoutMs);
      result[format] = { year, ...timing };
    }
    return result;
  } finally {
    await server.stop();
  }
}
