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
 * fflate's deflate level for the parts. Level 2 packs a month's sheet about 12% larger than
 * level 6 (JSZip's, which exceljs uses) in under half the time, and deflating was a third of
 * what a workbook cost; fflate's level 1 is slower than its level 2.
 */
const DEFLATE_LEVEL = 2;
/**
 * Smaller parts (and the folder entries) are stored rather than deflated: fflate's deflate costs
 * about 20 µs a part whatever its size, more than the few hundred bytes it would save on each.
 */
const SMALLEST_DEFLATED_PART = 4096;

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
 * What OOXML writes escaped, as `_xHHHH_`: the characters an XML text cannot hold as they are
 * (the C0 controls but tab and line feed, since XML readers turn a carriage return into a line
 * feed, and DEL, which exceljs leaves out), and a text that already reads like such an escape,
 * which gets `_x005F_` (an escaped `_`) first. Excel and exceljs turn both back into what the CSV
 * holds.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the pattern is for
const NEEDS_ESCAPE = /_x[0-9a-fA-F]{4}_|[\u0000-\u0008\u000b-\u001f\u007f]/g;
const escaped = (match: string): string =>
  match.length > 1 ? `_x005F${match}` : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
const xmlSafeText = (text: string): string => text.replace(NEEDS_ESCAPE, escaped);

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

/** What exceljs's `XLSX.write` writes a workbook's parts into: its zip. */
interface PartWriter {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}
type Step = (zip: PartWriter, model: unknown) => unknown;
/** The steps of exceljs's `XLSX.write` (lib/xlsx/xlsx.js), which `workbookParts` runs itself; exceljs's typings leave them out. */
interface XlsxSteps {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}

/**
 * The workbook's parts, in the order exceljs's `writeBuffer` puts them in its zip, with the
 * folder entries JSZip adds before a part in a new folder: exceljs's own `XLSX.write`, step for
 * step, without JSZip. JSZip would spend longer storing the parts than exceljs does writing
 * them, yielding to the event loop at every step, only for the zip to be unpacked again to stamp
 * its times.
 */
async function workbookParts(workbook: ExcelJS.Workbook): Promise<[name: string, data: string | Uint8Array][]> {
  const parts: [string, string | Uint8Array][] = [];
  const folders = new Set<string>();
  const zip: PartWriter = {
    append(data, { name, base64 }) {
      if (base64) throw new Error(`the workbook has a base64 part, ${name}, which renderXlsx does not write`);
      for (let end = name.indexOf('/'); end >= 0; end = name.indexOf('/', end + 1)) {
        const folder = name.slice(0, end + 1);
        if (!folders.has(folder)) {
          folders.add(folder);
          parts.push([folder, '']);
        }
      }
      parts.push([name, data]);
    },
  };
  const xlsx = workbook.xlsx as unknown as XlsxSteps;
  const { model } = workbook as unknown as { model: unknown };
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return parts;
}

/** The style of a cell without any. exceljs knows the styles it has written by object: one object is written once. */
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/** The report's workbook: one sheet holding the CSV's header and rows, numbers as numbers. */
export function reportWorkbook(Excel: typeof ExcelJS, report: Report): ExcelJS.Workbook {
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
  const formats = columns.map((column) => numberFormat(column.kind, report.style));
  sheet.columns = columns.map((column, index) => {
    const longest = Math.max(
      column.header.length,
      ...measured.map((row) => formatCell(column.kind, row[index] ?? null, report.style).length),
    );
    const numFmt = formats[index];
    return {
      header: column.header,
      width: Math.min(longest + 2, MAX_COLUMN_WIDTH),
      ...(numFmt === undefined ? {} : { style: { numFmt } }),
    };
  });
  sheet.getRow(1).font = { bold: true };
  // Each cell of a column gets the column's style, as exceljs gives it, but as one object per
  // column rather than a copy per cell: exceljs then writes each style once, not once per cell.
  const styles = formats.map((numFmt): Partial<ExcelJS.Style> => (numFmt === undefined ? NO_STYLE : Object.freeze({ numFmt })));
  for (const row of rows) {
    sheet
      .addRow(columns.map((column, index) => cellValue(column.kind, row[index] ?? null, report.style)))
      .eachCell({ includeEmpty: true }, (cell, number) => {
        cell.style = styles[number - 1] ?? NO_STYLE;
      });
  }
  return workbook;
}

/**
 * The report as an XLSX file: its workbook's parts, zipped. exceljs and fflate are loaded on
 * the first workbook, so that servers which never make one start without them.
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const [{ default: Excel }, { strToU8, zipSync }] = await Promise.all([import('exceljs'), import('fflate')]);
  const parts = await workbookParts(reportWorkbook(Excel, report));
  // exceljs would stamp every zip entry with the current time: the entries are stamped with the
  // export moment instead, or the nearest moment a zip time can hold, so that the same request
  // always gets the same bytes. Zip times are local wall-clock fields, read by fflate with
  // local-time getters, so the date is built from local parts: the bytes are then the same in
  // every time zone.
  const stamp = new Date(Math.min(Math.max(exportedAt(report).getTime(), FIRST_ZIP_TIME), LAST_ZIP_TIME));
  const mtime = new Date(
    stamp.getUTCFullYear(),
    stamp.getUTCMonth(),
    stamp.getUTCDate(),
    stamp.getUTCHours(),
    stamp.getUTCMinutes(),
    stamp.getUTCSeconds(),
  );
  const entries: Zippable = {};
  for (const [name, data] of parts) {
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    entries[name] = [bytes, { mtime, level: bytes.length < SMALLEST_DEFLATED_PART ? 0 : DEFLATE_LEVEL }];
  }
  return zipSync(entries);
}
