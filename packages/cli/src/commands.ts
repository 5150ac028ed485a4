import { type ExportFormat, type ExportOperationId, exportOperations } from '@toggl-exports/client';

/** What a command exports from: a workspace (`--workspace ID`) or a saved report (its token, an argument). */
export type CommandTarget = 'workspace' | 'savedReport';

/** One command of the CLI: a name for people and the client operations behind it, one per format. */
export interface ExportCommand {
  name: string;
  summary: string;
  target: CommandTarget;
  operationIds: readonly ExportOperationId[];
  /**
   * Whether a period longer than one request may cover is split and the files joined. Only for
   * reports with one row per time entry: the rows of an aggregate (per group, per week, per
   * member) would repeat in every chunk, and their totals would no longer add up.
   */
  joinsChunks: boolean;
}

/** The only place the CLI names operations: the human command name for each of the client's exports. */
export const exportCommands: readonly ExportCommand[] = [
  {
    name: 'detailed',
    summary: 'The detailed report: every time entry of the period, one row each.',
    target: 'workspace',
    operationIds: ['exportDetailedReport', 'exportDetailedReportPdf'],
    joinsChunks: true,
  },
  {
    name: 'summary',
    summary: 'The summary report: time and amounts totalled per group and sub-group.',
    target: 'workspace',
    operationIds: ['exportSummaryReport', 'exportSummaryReportPdf'],
    joinsChunks: false,
  },
  {
    name: 'weekly',
    summary: 'The weekly report: one week, a column per weekday, a row per user or project.',
    target: 'workspace',
    operationIds: ['exportWeeklyReportCsv', 'exportWeeklyReportPdf'],
    joinsChunks: false,
  },
  {
    name: 'saved',
    summary: 'A saved (shared) report, by its token.',
    target: 'savedReport',
    operationIds: ['exportSavedReportCsv', 'exportSavedReportXlsx', 'exportSavedReportPdf'],
    joinsChunks: false,
  },
  {
    name: 'profitability-employees',
    summary: 'Employee profitability: what each team member earned and cost (workspace admins).',
    target: 'workspace',
    operationIds: ['exportProfitabilityEmployees'],
    joinsChunks: false,
  },
  {
    name: 'profitability-projects',
    summary: "Project profitability: each project's revenue, labour cost and profit (workspace admins).",
    target: 'workspace',
    operationIds: ['exportProfitabilityProjects'],
    joinsChunks: false,
  },
  {
    name: 'trends',
    summary: 'Project trends: time per project, next to an earlier period.',
    target: 'workspace',
    operationIds: ['exportProjectTrends'],
    joinsChunks: false,
  },
];

/** The formats a command offers, in the table's order, each with the operation that serves it. */
export function formatsOf(command: ExportCommand): Map<ExportFormat, ExportOperationId> {
  const formats = new Map<ExportFormat, ExportOperationId>();
  for (const operationId of command.operationIds) {
    for (const format of Object.keys(exportOperations[operationId].formats) as ExportFormat[]) formats.set(format, operationId);
  }
  return formats;
}

/** The longest period one request of this operation may cover, as the spec states it. */
export const maxPeriodDaysOf = (operationId: ExportOperationId): number | undefined =>
  (exportOperations[operationId] as { maxPeriodDays?: number }).maxPeriodDays;

/** The file name the client falls back on, without extension, e.g. `detailed-report`. */
export const fileNameOf = (operationId: ExportOperationId): string => exportOperations[operationId].fileName;
