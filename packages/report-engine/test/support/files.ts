// Reading the engine's files back with independent libraries: csv-parse, exceljs, pdfjs-dist.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/** Rows of a CSV file, the first being the header (a byte-order mark is dropped, as Excel drops it). */
export function csvRows(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { bom: true, relax_column_count: false }) as string[][];
}

/** The CSV as text, without decoding tricks: the byte-order mark stays. */
export const csvText = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Days from Excel's day 0 (30 December 1899) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

export interface Sheet {
  name: string;
  /** Raw cell values, row by row (1-based columns flattened to 0-based), `null` for an empty cell. */
  rows: ExcelJS.CellValue[][];
  /** The number format of each cell, parallel to `rows`. */
  formats: (string | undefined)[][];
  views: Partial<ExcelJS.WorksheetView>[];
  columnCount: number;
}

export async function xlsxSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: ExcelJS.CellValue[][] = [];
    const formats: (string | undefined)[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values: ExcelJS.CellValue[] = [];
      const numFmts: (string | undefined)[] = [];
      for (let column = 1; column <= width; column += 1) {
        const cell = row.getCell(column);
        // exceljs reads a number in a date or time format ([hh]:mm:ss) as a Date: give back the number stored in the file.
        const value = cell.value ?? null;
        values.push(value instanceof Date ? value.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS : value);
        numFmts.push(cell.numFmt);
      }
      rows.push(values);
      formats.push(numFmts);
    });
    return { name: sheet.name, rows, formats, views: sheet.views, columnCount: width };
  });
}

/** The number of pages and the text of each page of a PDF document. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false })
    .promise;
  try {
    const texts: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return texts;
  } finally {
    await document.destroy();
  }
}

/** Each PDF page's text items, one string per item, as drawn. */
export async function pdfItems(bytes: Uint8Array): Promise<string[][]> {
  const document = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false })
    .promise;
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((text) => text.trim() !== ''));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
