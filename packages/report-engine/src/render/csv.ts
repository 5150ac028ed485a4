import { formatCell } from '../reports/cell-style.ts';
import type { Column, Report } from '../reports/report.ts';

const BYTE_ORDER_MARK = new Uint8Array([0xef, 0xbb, 0xbf]);
/** Lines are encoded this many at a time: a year of entries never becomes one string of tens of megabytes. */
const LINES_PER_CHUNK = 2000;

/**
 * Toggl's exports since late 2024 quote every field, which leaves CSV a single rule: wrap the
 * field in double quotes and double any inside it. That is all this does, in one pass; the CSV
 * libraries measured (`pnpm bench`) take two to four times as long for a year of entries.
 */
const escaped = (field: string): string => (field.includes('"') ? field.replaceAll('"', '""') : field);

/**
 * The report as Toggl writes CSV: a UTF-8 byte-order mark (so that Excel reads it as UTF-8),
 * the header line, then one line per row, every field quoted, lines ending in LF. Lines are
 * written as parts of one string per chunk of rows, joined once, and encoded chunk by chunk.
 */
export function renderCsv(report: Report): Uint8Array {
  const { columns, rows } = report.table;
  const encoder = new TextEncoder();
  const chunks = [BYTE_ORDER_MARK];
  let parts: string[] = [];
  const writeLine = (fields: readonly string[]) => {
    for (let index = 0; index < fields.length; index += 1) parts.push(index === 0 ? '"' : '","', escaped(fields[index] as string));
    parts.push('"\n');
  };
  writeLine(columns.map((column) => column.header));
  const fields: string[] = new Array(columns.length);
  rows.forEach((row, at) => {
    for (let index = 0; index < columns.length; index += 1) fields[index] = formatCell((columns[index] as Column).kind, row[index] ?? null, report.style);
    writeLine(fields);
    if ((at + 1) % LINES_PER_CHUNK === 0) {
      chunks.push(encoder.encode(parts.join('')));
      parts = [];
    }
  });
  if (parts.length > 0) chunks.push(encoder.encode(parts.join('')));
  return concatenated(chunks);
}

function concatenated(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
