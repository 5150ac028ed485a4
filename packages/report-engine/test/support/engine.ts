// Calling the engine through its public entry, as the mock server does.
import { type ExportedFile, type ExportRequest, exportReport, loadDataset, type ReportData } from '../../src/index.ts';
import { csvRows } from './files.ts';

/** Loads a dataset that must be valid; a test fails with its problems otherwise. */
export function loaded(dataset: unknown): ReportData {
  const result = loadDataset(dataset);
  if (!result.ok)
    throw new Error(
      `expected a usable dataset, got problems:\n${result.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n')}`,
    );
  return result.data;
}

/** Exports a file that must be computed; a test fails with the reason otherwise. */
export async function exported(data: ReportData, request: ExportRequest): Promise<ExportedFile> {
  const outcome = await exportReport(data, request);
  if (!outcome.ok) throw new Error(`expected a file, got ${JSON.stringify(outcome)}`);
  return outcome.file;
}

/** The detailed CSV's header and rows for a body. */
export async function detailedCsv(
  data: ReportData,
  workspaceId: number,
  body: Record<string, unknown>,
): Promise<{ header: string[]; rows: string[][]; file: ExportedFile }> {
  const file = await exported(data, { operationId: 'exportDetailedReport', format: 'csv', workspaceId, body, today: '2026-10-15' });
  const [header = [], ...rows] = csvRows(file.bytes);
  return { header, rows, file };
}

/** A row of the detailed CSV as an object keyed by its header. */
export const byHeader = (header: readonly string[], row: readonly string[]): Record<string, string> =>
  Object.fromEntries(header.map((name, index) => [name, row[index] ?? '']));
