import { formatCell } from '../reports/cell-style.ts';
import type { Cell, Column, Report } from '../reports/report.ts';
import { concatenated } from './concatenated.ts';

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
  // Each column's writer, chosen once: only text can hold a double quote, as the engine writes the rest.
  const writers = columns.map((column: Column) =>
    column.kind === 'text'
      ? (value: Cell) => (value === null ? '' : escaped(String(value)))
      : (value: Cell) => formatCell(column.kind, value, report.style),
  );
  const count = columns.length;
  let lines: string[] = [`"${columns.map((column) => escaped(column.header)).join('","')}"`];
  for (const row of rows) {
    let line = `"${(writers[0] as (value: Cell) => string)(row[0] ?? null)}`;
    for (let index = 1; index < count; index += 1) line += `","${(writers[index] as (value: Cell) => string)(row[index] ?? null)}`;
    lines.push(`${line}"`);
    if (lines.length === LINES_PER_CHUNK) {
      chunks.push(encoder.encode(`${lines.join('\n')}\n`));
      lines = [];
    }
  }
  if (lines.length > 0) chunks.push(encoder.encode(`${lines.join('\n')}\n`));
  return concatenated(chunks);
}
