import type { ExportFormat } from '../generated/formats.ts';
import type { DateFormat } from '../reports/cell-style.ts';
import { formatDate } from '../reports/cell-style.ts';
import type { Report } from '../reports/report.ts';

/**
 * The download name, as Toggl's web app names exports since 2025:
 * `TogglTrack_Report_Detailed_report_(from_13_07_2026_to_20_07_2026).csv`. The dates follow
 * the date format the PDF is written in; CSV and XLSX, which carry no date setting, use
 * day-month-year, as the names of Toggl's own exports do.
 */
export function exportFileName(report: Report, format: ExportFormat): string {
  const dates: DateFormat = format === 'pdf' ? report.style.date : 'DD-MM-YYYY';
  const day = (date: string) => formatDate(date, dates).replace(/[^0-9]/g, '_');
  return `TogglTrack_Report_${report.fileLabel}_(from_${day(report.period.start)}_to_${day(report.period.end)}).${format}`;
}
