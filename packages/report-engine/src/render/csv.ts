import { formatCell } from '../reports/cell-style.ts';
import type { Report } from '../reports/report.ts';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Toggl's exports since late 2024 quote every field, which leaves CSV a single rule: wrap the
 * field in double quotes and double any inside it. That is all this does, in one pass; the CSV
 * libraries measured (`pnpm bench`) take two to four times as long for a year of entries.
 */
const quoted = (field: string): string => `"${field.includes('"') ? field.replaceAll('"', '""') : field}"`;

/**
 * The report as Toggl writes CSV: a UTF-8 byte-order mark (so that Excel reads it as UTF-8),
 * the header line, then one line per row, every field quoted, lines ending in LF.
 */
export function renderCsv(report: Report): Uint8Array {
  const { columns, rows } = report.table;
  const lines = [columns.map((column) => quoted(column.header)).join(',')];
  for (const row of rows) {
    let line = '';
    for (let index = 0; index < columns.length; index += 1) {
      const column = columns[index] as (typeof columns)[number];
      line += (index === 0 ? '' : ',') + quoted(formatCell(column.kind, row[index] ?? null, report.style));
    }
    lines.push(line);
  }
  return new TextEncoder().encode(`${BYTE_ORDER_MARK}${lines.join('\n')}\n`);
}
