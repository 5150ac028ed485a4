import { EXPORT_FORMATS, type ExportFormat } from '@toggl-exports/report-engine';
import Negotiator from 'negotiator';

const formatSuffix = new RegExp(`[./](${EXPORT_FORMATS.join('|')})$`);

/**
 * The file format a path asks for: its extension (`.csv`, `.xlsx`, `.pdf`), or the `/pdf`
 * suffix of saved reports. Toggl decides the format by the path alone.
 */
export function formatOfPath(path: string): ExportFormat | undefined {
  return formatSuffix.exec(path)?.[1] as ExportFormat | undefined;
}

/** Whether an `Accept` header (absent means anything) allows this media type. */
export function accepts(accept: string | undefined, mediaType: string): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return new Negotiator({ headers: { accept } }).mediaTypes([mediaType]).length > 0;
}
