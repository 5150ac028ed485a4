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

/** Whether an `Accept` header (absent means anything) allows this media type. */
export function accepts(accept: string | undefined, mediaType: string): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return new Negotiator({ headers: { accept } }).mediaTypes([mediaType]).length > 0;
}
