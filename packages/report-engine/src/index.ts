export { builtInData } from './data/built-in/built-in-data.ts';
export { MAX_PROBLEMS } from './data/dataset-problems.ts';
export { type Dataset, datasetSchema } from './data/dataset-schema.ts';
export { type DatasetProblem, type DatasetResult, loadDataset } from './data/load-dataset.ts';
export type { ReportData, SavedReport, SavedReportKind, Workspace } from './data/report-data.ts';
export {
  type ExportBody,
  type ExportedFile,
  type ExportOptions,
  type ExportOutcome,
  type ExportRequest,
  type ExportRequestOf,
  exportReport,
  type RenderOptions,
  type ReportRenderer,
  renderReport,
  savedReportExports,
  type WorkspaceExportId,
} from './exports.ts';
export { EXPORT_FORMATS, type ExportFormat, MEDIA_TYPES } from './generated/formats.ts';
export type { PdfFonts } from './render/pdf.ts';
export type { Report } from './reports/report.ts';
export { WEEKLY_GROUPINGS, WEEKLY_MAX_DAYS } from './reports/weekly.ts';
export { MAX_PERIOD_DAYS } from './request/period.ts';
export { MAX_ROUNDING_MINUTES } from './request/rounding.ts';
