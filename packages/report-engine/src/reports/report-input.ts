import type { IsoDate } from '../calendar.ts';
import type { Workspace } from '../data/report-data.ts';
import type { ExportFormat } from '../generated/formats.ts';
import { invalidValue } from '../request/request-error.ts';
import type { Report } from './report.ts';

/** What every report is computed from. */
export interface ReportInput<Body> {
  workspace: Workspace;
  /** The request body, with the spec's defaults filled in where it leaves a field out. */
  body: Body;
  format: ExportFormat;
  /** Periods without dates end on this day. */
  today: IsoDate;
  /** Set when a saved report is exported: its name becomes the title and part of the file name. */
  savedName?: string;
}

/** `Amount (EUR)`; `Amount ()` for a workspace without a currency, as Toggl writes it. */
export const inCurrency = (label: string, workspace: Workspace): string => `${label} (${workspace.currency})`;

/**
 * The title and file label of a report, or of the saved report it is exported as, and the
 * workspace it names: its ID and name only, so that a report is plain data.
 */
export function naming(input: ReportInput<unknown>, title: string): Pick<Report, 'title' | 'fileLabel' | 'workspace'> {
  const shown = input.savedName ?? title;
  const { id, name } = input.workspace;
  return { title: shown, fileLabel: fileLabelOf(shown), workspace: { id, name } };
}

/**
 * A title as the ASCII words of a file name: accented letters lose their accents (`Café` →
 * `Cafe`), and every run of anything else becomes one `_`.
 */
const fileLabelOf = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '') || 'Saved_report';

/**
 * Insights give amounts in the currency asked for. The engine does not convert currencies, so
 * one other than the workspace's is refused rather than answered with amounts in the wrong one.
 */
export function checkCurrency(field: string, currency: string | undefined, workspace: Workspace): void {
  if (currency === undefined || currency.toUpperCase() === workspace.currency.toUpperCase()) return;
  const kept = workspace.currency ? `in ${workspace.currency}` : 'without a currency';
  throw invalidValue(field, `workspace ${workspace.id} keeps its amounts ${kept}, and they are not converted`);
}
