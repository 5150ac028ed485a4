import { builtInData, type Dataset, type DatasetProblem, loadDataset, MAX_PROBLEMS, type ReportData } from '@toggl-exports/report-engine';
import { type SavedReportRunner, savedReportProblems } from './saved-reports.ts';
import { readUserFile } from './user-file.ts';

/** A dataset the mock cannot serve: where it came from, and what is wrong with it, path by path. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(
    /** The file, or `the data given to startMockServer()`. */
    readonly source: string,
    readonly problems: readonly DatasetProblem[],
    /**
     * Whether there were more problems than `problems` holds. The report engine stops at
     * MAX_PROBLEMS without saying whether it left any out, so a full list of its may have more.
     */
    more = problems.length >= MAX_PROBLEMS,
  ) {
    const note = more ? `\n  (the check stops after ${MAX_PROBLEMS} problems)` : '';
    super(`${source} is not a usable dataset:\n${problems.map(({ path, message }) => `  ${path}: ${message}`).join('\n')}${note}`);
  }
}

async function readDatasetFile(file: string): Promise<unknown> {
  // Editors on Windows may start a UTF-8 file with a byte-order mark, which JSON.parse refuses.
  const text = (await readUserFile('data', file)).toString('utf8').replace(/^\uFEFF/, '');
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
  const { problems, more } = await savedReportProblems(loaded.data, savedReportRun);
  if (problems.length > 0) throw new DatasetError(source, problems, more);
  return loaded.data;
}
