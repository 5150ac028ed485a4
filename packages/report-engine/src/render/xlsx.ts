import type ExcelJS from 'exceljs';
import type { Zippable } from 'fflate';
import { SECONDS_PER_DAY } from '../calendar.ts';
import { type CellStyle, formatCell, hundredthsOfHour } from '../reports/cell-style.ts';
import type { Cell, ColumnKind, Report } from '../reports/report.ts';
import { exportedAt } from './exported-at.ts';

const MAX_COLUMN_WIDTH = 48;
/** Column widths are fitted to this many rows; a year of entries need not be measured twice. */
const ROWS_MEASURED = 500;
/** Excel's own limit on sheet names, and the characters it does not allow in them. */
const MAX_SHEET_NAME_LENGTH = 31;
const NOT_IN_SHEET_NAMES = /[[\]:*?/\\]/g;
/** The times a zip entry can be stamped with, as fflate writes them: 1980 to 2099, to the even second. */
const FIRST_ZIP_TIME = Date.UTC(1980, 0, 1);
const LAST_ZIP_TIME = Date.UTC(2099, 11, 31, 23, 59, 58);
/** For a title that leaves no usable sheet name: nothing but spaces, or Excel's reserved `History`. */
const FALLBACK_SHEET_NAME = 'Report';

/**
 * The report's title as a sheet name Excel (and exceljs) accepts: without the characters it
 * forbids, at most 31 characters (never half an emoji), not starting or ending with an
 * apostrophe, and neither blank nor `History`.
 */
function sheetNameOf(title: string): string {
  const name = title
    .replace(NOT_IN_SHEET_NAMES, ' ')
    .slice(0, MAX_SHEET_NAME_LENGTH)
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/^'+|'+$/g, '');
  return name.trim() === '' || name.toLowerCase() === 'history' ? FALLBACK_SHEET_NAME : name;
}

/** Numbers stay numbers, formatted as the CSV writes them; dates, times and text are the CSV's text. */
function numberFormat(kind: ColumnKind, style: CellStyle): string | undefined {
  switch (kind) {
    case 'duration':
      return style.duration === 'decimal' ? '0.00' : '[hh]:mm:ss';
    case 'hours':
    case 'money':
      return '0.00';
    case 'integer':
      return '0';
    default:
      return undefined;
  }
}

/**
 * XML readers turn a carriage return into a line feed, so OOXML writes it as `_x000D_` (and a
 * text that already reads like such an escape with `_x005F_` first): Excel and exceljs turn both
 * back into what the CSV holds.
 */
const xmlSafeText = (text: string): string =>
  /[\r_]/.test(text) ? text.replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_').replaceAll('\r', '_x000D_') : text;

function cellValue(kind: ColumnKind, value: Cell, style: CellStyle): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string') return xmlSafeText(value);
  switch (kind) {
    case 'duration':
      return style.duration === 'decimal' ? hundredthsOfHour(value) / 100 : value / SECONDS_PER_DAY;
    case 'hours':
      return hundredthsOfHour(value) / 100;
    case 'money':
      return value / 100;
    case 'integer':
      return value;
    default:
      return formatCell(kind, value, style);
  }
}

/**
 * The report as a one-sheet workbook holding the CSV's header and rows, numbers as numbers.
 * exceljs and fflate are loaded on the first workbook, so that servers which never make one
 * start without them.
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const [{ default: Excel }, { unzipSync, zipSync }] = await Promise.all([import('exceljs'), import('fflate')]);
  const { columns, rows } = report.table;
  const at = exportedAt(report);
  const workbook = new Excel.Workbook();
  workbook.creator = 'toggl-exports';
  workbook.lastModifiedBy = 'toggl-exports';
  workbook.created = at;
  workbook.modified = at;
  workbook.title = report.title;

  const sheet = workbook.addWorksheet(sheetNameOf(report.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  const measured = rows.slice(0, ROWS_MEASURED);
  sheet.columns = columns.map((column, index) => {
    const longest = Math.max(
      column.header.length,
      ...measured.map((row) => formatCell(column.kind, row[index] ?? null, report.style).length),
    );
    const numFmt = numberFormat(column.kind, report.style);
    return {
      header: column.header,
      width: Math.min(longest + 2, MAX_COLUMN_WIDTH),
      ...(numFmt === undefined ? {} : { style: { numFmt } }),
    };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column, index) => cellValue(column.kind, row[index] ?? null, report.style)));
  // Stored, not compressed: the entries are compressed once, below, when they are re-packed.
  const written = new Uint8Array((await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer);

  // exceljs stamps every zip entry with the current time: re-pack the same entries, in the same
  // order, stamped with the export moment, or the nearest moment a zip time can hold. Zip times
  // are local wall-clock fields, read by fflate with local-time getters, so the date is built
  // from local parts: the bytes are then the same in every time zone.
  const stamp = new Date(Math.min(Math.max(at.getTime(), FIRST_ZIP_TIME), LAST_ZIP_TIME));
  const mtime = new Date(
    stamp.getUTCFullYear(),
    stamp.getUTCMonth(),
    stamp.getUTCDate(),
    stamp.getUTCHours(),
    stamp.getUTCMinutes(),
    stamp.getUTCSeconds(),
  );
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(written))) entries[name] = [data, { mtime }];
  return zipSync(entries, { level: 6 });
}
