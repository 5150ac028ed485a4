import type { Workspace } from '../data/report-data.ts';
import type { Period } from '../request/period.ts';
import type { CellStyle } from './cell-style.ts';

/**
 * What a column holds, and so how each format writes it. Values stay exact until rendered:
 * durations and hours in seconds, money in cents, dates as `YYYY-MM-DD`, times of day in
 * seconds since midnight.
 */
export type ColumnKind = 'text' | 'date' | 'time' | 'duration' | 'hours' | 'money' | 'integer';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Whether the PDF adds the column up in its totals row. */
  summed?: boolean;
}

/** `null` is an empty cell: no client, no time on that day, an amount of time that is not billable. */
export type Cell = string | number | null;

export interface ReportTable {
  columns: Column[];
  rows: Cell[][];
}

/** One report, computed for one request, rendered alike into any format. */
export interface Report {
  /** `Detailed report`; the PDF's heading and the XLSX sheet's name. */
  title: string;
  /** Lines the PDF prints under the period, saying what the title alone does not. */
  notes: string[];
  /** Names the download: `TogglTrack_Report_<fileLabel>_(from_..._to_...)`. */
  fileLabel: string;
  period: Period;
  workspace: Pick<Workspace, 'id' | 'name'>;
  table: ReportTable;
  /** Headers of the columns the PDF shows, in order; every column when left out. Wide reports show fewer, to fit the page. */
  pdfColumns?: readonly string[];
  /** How durations, dates, times and amounts are written. */
  style: CellStyle;
}

/**
 * The sum of each summed column over every row, in the column's own unit; none for a column
 * whose every cell is empty (a weekly day without entries, the amounts of non-billable time),
 * which stays as empty in the totals as in the rows. A report without rows totals to zero.
 */
export function columnTotals(table: ReportTable): Map<Column, number> {
  const totals = new Map<Column, number>();
  table.columns.forEach((column, index) => {
    if (!column.summed) return;
    let total = 0;
    let filled = table.rows.length === 0;
    for (const row of table.rows) {
      const value = row[index] ?? null;
      if (value === null) continue;
      filled = true;
      total += Number(value) || 0;
    }
    if (filled) totals.set(column, total);
  });
  return totals;
}
