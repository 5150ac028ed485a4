import Negotiator from 'negotiator';

/** The media type of each export format, as Toggl sends it. */
const mediaTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * The file type a path asks for: its extension (`.csv`, `.xlsx`, `.pdf`), or the `/pdf`
 * suffix of saved reports. Toggl decides the format by the path alone.
 */
export function mediaTypeOfPath(path: string): string | undefined {
  const match = /[./](csv|xlsx|pdf)$/.exec(path);
  return match ? mediaTypes[match[1] as keyof typeof mediaTypes] : undefined;
}

/** Whether an `Accept` header (absent means anything) allows this media type. */
export function accepts(accept: string | undefined, mediaType: string): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return new Negotiator({ headers: { accept } }).mediaTypes([mediaType]).length > 0;
}
