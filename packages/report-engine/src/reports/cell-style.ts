import { HOUR, type IsoDate, MINUTE, pad2, SECONDS_PER_DAY } from '../calendar.ts';
import type { ExportFormat } from '../generated/formats.ts';
import type { components } from '../generated/openapi.ts';
import type { Cell, ColumnKind } from './report.ts';

type Schemas = components['schemas'];
export type DurationFormat = Schemas['DurationFormat'];
export type DateFormat = Schemas['DateFormat'];

/** How times of day are written: with seconds in CSV and XLSX, as a 24- or 12-hour clock in PDF. */
type Clock = 'HH:MM:SS' | 'HH:MM' | 'h:MM AM';

export interface CellStyle {
  duration: DurationFormat;
  date: DateFormat;
  clock: Clock;
  /** Put between whole units and cents of amounts. */
  centsSeparator: string;
}

/** The presentation fields of a body; only the PDF bodies have the last three. */
interface StyleFields {
  duration_format?: DurationFormat;
  date_format?: DateFormat;
  hour_format?: string;
  cents_separator?: string;
}

/**
 * How a request's file writes its cells. CSV and XLSX keep dates and times machine-readable
 * (`YYYY-MM-DD`, `HH:MM:SS`) and follow only `duration_format`; the PDF follows every
 * presentation field. The body comes with the spec's defaults filled in; a field its export
 * does not have (the weekly CSV's `duration_format`) is written the plainest way. `hour_format` is Toggl's undocumented clock setting: a 12-hour clock when
 * it has an AM/PM marker (`h:mm A`), a 24-hour one otherwise.
 */
export function cellStyle(fields: StyleFields, format: ExportFormat): CellStyle {
  const duration = fields.duration_format ?? 'classic';
  if (format !== 'pdf') return { duration, date: 'YYYY-MM-DD', clock: 'HH:MM:SS', centsSeparator: '.' };
  return {
    duration,
    date: fields.date_format ?? 'YYYY-MM-DD',
    clock: /a/i.test(fields.hour_format ?? '') ? 'h:MM AM' : 'HH:MM',
    centsSeparator: fields.cents_separator ?? '.',
  };
}

/** Seconds as hundredths of an hour, rounded: the precision hour columns show. */
export const hundredthsOfHour = (seconds: number): number => Math.round(seconds / 36);

/** `123450` → `1234.50`; negative amounts (a loss) keep their sign. */
function hundredths(value: number, separator = '.'): string {
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  return `${sign}${Math.floor(absolute / 100)}${separator}${pad2(absolute % 100)}`;
}

/** Toggl's newer style: `18:25 min` under an hour, `1:30:00` from an hour on. */
function improved(seconds: number): string {
  const minutes = Math.floor((seconds % HOUR) / MINUTE);
  const rest = pad2(seconds % MINUTE);
  return seconds < HOUR ? `${minutes}:${rest} min` : `${Math.floor(seconds / HOUR)}:${pad2(minutes)}:${rest}`;
}

export function formatDuration(seconds: number, format: DurationFormat): string {
  if (format === 'decimal') return hundredths(hundredthsOfHour(seconds));
  return format === 'improved' ? improved(seconds) : formatClock(seconds, 'HH:MM:SS');
}

export function formatDate(date: IsoDate, format: DateFormat): string {
  if (format === 'YYYY-MM-DD') return date;
  const [year = '', month = '', day = ''] = date.split('-');
  switch (format) {
    case 'MM/DD/YYYY':
      return `${month}/${day}/${year}`;
    case 'MM-DD-YYYY':
      return `${month}-${day}-${year}`;
    case 'DD-MM-YYYY':
      return `${day}-${month}-${year}`;
    case 'DD/MM/YYYY':
      return `${day}/${month}/${year}`;
    case 'DD.MM.YYYY':
      return `${day}.${month}.${year}`;
  }
}

/** Times of day and durations under a day repeat from row to row: each text is made once per clock. */
const clockTexts: Record<Clock, string[]> = { 'HH:MM:SS': [], 'HH:MM': [], 'h:MM AM': [] };

/** Seconds (since midnight, or of a duration) on a clock; `HH:MM:SS` hours grow past 23 for durations. */
export function formatClock(seconds: number, clock: Clock): string {
  if (seconds < 0 || seconds >= SECONDS_PER_DAY || !Number.isInteger(seconds)) return clockText(seconds, clock);
  const texts = clockTexts[clock];
  const known = texts[seconds];
  if (known !== undefined) return known;
  const text = clockText(seconds, clock);
  texts[seconds] = text;
  return text;
}

function clockText(seconds: number, clock: Clock): string {
  const hours = Math.floor(seconds / HOUR);
  const minutes = pad2(Math.floor((seconds % HOUR) / MINUTE));
  if (clock === 'HH:MM:SS') return `${pad2(hours)}:${minutes}:${pad2(seconds % MINUTE)}`;
  if (clock === 'HH:MM') return `${pad2(hours)}:${minutes}`;
  return `${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** A cell as text, the way the CSV and the PDF show it. */
export function formatCell(kind: ColumnKind, value: Cell, style: CellStyle): string {
  if (value === null) return '';
  if (typeof value === 'string') return kind === 'date' ? formatDate(value, style.date) : value;
  switch (kind) {
    case 'duration':
      return formatDuration(value, style.duration);
    case 'hours':
      return hundredths(hundredthsOfHour(value));
    case 'money':
      return hundredths(value, style.centsSeparator);
    case 'time':
      return formatClock(value, style.clock);
    default:
      return String(value);
  }
}
