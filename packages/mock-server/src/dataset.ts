import { readFile } from 'node:fs/promises';
import { builtInData, type Dataset, type DatasetProblem, loadDataset, MAX_PROBLEMS, type ReportData } from '@toggl-exports/report-engine';
import { type SavedReportRunner, savedReportProblems } from './saved-reports.ts';

/** A dataset the mock cannot serve: where it came from, and what is wrong with it, path by path. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(
    /** The file, or `the data given to startMockServer()`. */
    readonly source: string,
    readonly problems: readonly DatasetProblem[],
  ) {
    const more = problems.length >= MAX_PROBLEMS ? `\n  (the check stops after ${MAX_PROBLEMS} problems)` : '';
    super(`${source} is not a usable dataset:\n${problems.map(({ path, message }) => `  ${path}: ${message}`).join('\n')}${more}`);
  }
}

async function readDatasetFile(file: string): Promise<unknown> {
  // Editors on Windows may start a UTF-8 file with a byte-order mark, which JSON.parse refuses.
  const read = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    error.path ??= file; // a folder's EISDIR names no path, and the command line says which file could not be read
    throw error;
  });
  const text = read.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DatasetError(file, [{ path: '$', message: `is not valid JSON (${(error as Error).message})` }]);
  }
}

/**
 * What the mock computes its files from: the built-in sample workspace, or a dataset given as an
 * object or as the path of a JSON file, checked before the server listens: its shape and
 * references by the report engine, its saved reports' bodies as their exports check bodies.
 */
export async function reportDataOf(data: Dataset | string | undefined, savedReportRun: SavedReportRunner): Promise<ReportData> {
  if (data === undefined) return builtInData;
  const source = typeof data === 'string' ? data : 'the data given to startMockServer()';
  const loaded = loadDataset(typeof data === 'string' ? await readDatasetFile(data) : data);
  if (!loaded.ok) throw new DatasetError(source, loaded.problems);
  const problems = await savedReportProblems(loaded.data, savedReportRun);
  if (problems.length > 0) throw new DatasetError(source, problems);
  return loaded.data;
}
