import { EXPORT_FORMATS, type ExportFormat, MEDIA_TYPES } from '@toggl-exports/report-engine';
import Negotiator from 'negotiator';

const formatSuffix = new RegExp(`[./](${EXPORT_FORMATS.join('|')})$`);

export interface FileType {
  format: ExportFormat;
  /** The file's media type, such as `text/csv`. */
  mediaType: string;
}

/**
 * The file type a path asks for: its extension (`.csv`, `.xlsx`, `.pdf`), or the `/pdf` suffix
 * of saved reports. Toggl decides the format by the path alone.
 */
export function fileTypeOfPath(path: string): FileType | undefined {
  const format = formatSuffix.exec(path)?.[1] as ExportFormat | undefined;
  return format && { format, mediaType: MEDIA_TYPES[format] };
}

/**
 * Other names an `Accept` header may give a format by: Toggl's own Swagger declares its XLSX
 * answers as `text/xlsx`, so a client generated from it asks for that (DEVIATIONS.md #42).
 */
const OTHER_NAMES: Readonly<Partial<Record<string, readonly string[]>>> = {
  [MEDIA_TYPES.xlsx]: ['text/xlsx'],
};

/**
 * A media range's parameters but its weight: `text/csv; charset=utf-8` asks for a CSV, which the
 * mock sends, in UTF-8 at that. Negotiator would take it to rule out a `text/csv` without them.
 */
const RANGE_PARAMETER = /;\s*(?!q\s*=)[^;,=\s]+\s*=\s*(?:"[^"]*"|[^;,]*)/gi;

/** Whether an `Accept` header (absent means anything) allows this media type, by its type and subtype. */
export function accepts(accept: string | undefined, mediaType: string): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const ranges = accept.replace(RANGE_PARAMETER, '');
  return new Negotiator({ headers: { accept: ranges } }).mediaTypes([mediaType, ...(OTHER_NAMES[mediaType] ?? [])]).length > 0;
}
