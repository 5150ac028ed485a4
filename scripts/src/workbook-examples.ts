import { crc32 } from 'node:zlib';
import { MEDIA_TYPES, type OpenApiDocument, readExportOperations, resolveRef } from '@toggl-exports/spec-reader';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync, type Zippable, zipSync } from 'fflate';

/*
 * A description's example is text, and a generic mock such as Prism sends it as UTF-8. UTF-8
 * keeps every byte below 0x80 as it is, so a workbook whose every byte is ASCII travels through
 * an example unchanged: Prism then answers an XLSX export with a workbook that opens. This module
 * writes such a workbook for every XLSX answer of the published spec, holding the rows of the
 * same report's CSV example, so the spec states each fact once (in the CSV example).
 */

type Json = Record<string, any>;

const XLSX = MEDIA_TYPES.xlsx;
const CSV = MEDIA_TYPES.csv;

/** Local file header and central directory entry sizes before the file name (PKZIP APPNOTE 4.3.7, 4.3.12). */
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
/** The zip time of every entry: 1980-01-01 00:00, whose DOS date and time fields are ASCII bytes. */
const ZIP_TIME = () => new Date(1980, 0, 1);
/** The workbook's own creation time (docProps/core.xml): fixed, so generating twice gives the same bytes. */
const WORKBOOK_TIME = new Date(Date.UTC(2026, 0, 1));
/** More padding than any entry needs: each try has a 1 in 2^(number of constrained bits) chance. */
const MAX_PADDING = 1 << 16;
const SPACE = new TextEncoder().encode(' ');

const isAscii = (value: number, bytes: number): boolean => {
  for (let index = 0; index < bytes; index++) if (((value >>> (8 * index)) & 0xff) >= 0x80) return false;
  return true;
};

/** XML text with every character outside ASCII written as a character reference, which XML readers turn back. */
const asciiXml = (xml: string): string => xml.replace(/[\u0080-\u{10ffff}]/gu, (char) => `&#x${char.codePointAt(0)!.toString(16)};`);

/** The CSV text's rows as a one-sheet workbook, every cell the CSV's text, the header bold. */
async function workbookOf(csv: string): Promise<Uint8Array> {
  const rows: string[][] = parse(csv, { bom: true });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'toggl-exports';
  workbook.created = WORKBOOK_TIME;
  workbook.modified = WORKBOOK_TIME;
  const sheet = workbook.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array((await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer);
}

/**
 * The same zip files (without folder entries, which readers do not need), stored, not
 * compressed, with their XML in ASCII, each padded with
 * trailing whitespace (which XML allows after the root element) until its checksum, its size and
 * the offset of what follows it are ASCII bytes too.
 */
export function asciiZip(zip: Uint8Array): Uint8Array {
  const entries: Zippable = {};
  let offset = 0;
  let centralBytes = 0;
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/')) continue;
    if (!/\.(xml|rels)$/.test(name)) throw new Error(`workbook example: ${name} is not XML, so it cannot be padded`);
    const xml = new TextEncoder().encode(asciiXml(new TextDecoder().decode(data)));
    const nameBytes = new TextEncoder().encode(name).length;
    // Each try adds one space, so the checksum of the bytes so far goes on from the last one.
    let checksum = crc32(xml);
    let padding = 0;
    const fits = () => {
      const size = xml.length + padding;
      return isAscii(checksum, 4) && isAscii(size, 4) && isAscii(offset + LOCAL_HEADER_BYTES + nameBytes + size, 4);
    };
    while (!fits()) {
      if (++padding > MAX_PADDING) throw new Error(`workbook example: no padding of ${name} gives ASCII header fields`);
      checksum = crc32(SPACE, checksum);
    }
    const padded = new Uint8Array(xml.length + padding).fill(SPACE[0]!);
    padded.set(xml);
    entries[name] = [padded, { level: 0, mtime: ZIP_TIME() }];
    offset += LOCAL_HEADER_BYTES + nameBytes + padded.length;
    centralBytes += CENTRAL_HEADER_BYTES + nameBytes;
  }
  // The central directory's size is made ASCII with file comments, which only it holds; each
  // comment's length is a field of its own, so none is longer than 0x7f.
  let comments = 0;
  while (!isAscii(centralBytes + comments, 4)) comments++;
  for (const entry of Object.values(entries) as [Uint8Array, Json][]) {
    const length = Math.min(comments, 0x7f);
    if (length > 0) entry[1].comment = ' '.repeat(length);
    comments -= length;
  }
  if (comments > 0) throw new Error('workbook example: too few files to make the central directory size ASCII');
  const written = zipSync(entries);
  const high = written.findIndex((byte) => byte >= 0x80);
  if (high !== -1) throw new Error(`workbook example: byte ${high} of the zip is 0x${written[high]!.toString(16)}, not ASCII`);
  return written;
}

/** The CSV example of the same report: in the same answer (a `.{extension}` path), or in the `.csv` path's answer. */
function csvExampleFor(document: Json, path: string, response: Json): string {
  const sameAnswer = response.content?.[CSV]?.example;
  if (typeof sameAnswer === 'string') return sameAnswer;
  const csvPath = path.replace(/\.xlsx$/, '.csv');
  const csvOperation = readExportOperations(document as OpenApiDocument).find((operation) => operation.path === csvPath);
  const csvResponse =
    csvOperation && (resolveRef(document, (csvOperation.operation['responses'] as Json)['200'], `${csvPath} 200`) as Json);
  const example = csvResponse?.content?.[CSV]?.example;
  if (typeof example !== 'string') throw new Error(`workbook example: ${path} has no CSV example to take its rows from`);
  return example;
}

/**
 * A copy of the bundled spec in which every XLSX answer without an example gets the workbook of
 * its report's CSV example, as a string of ASCII characters (see the top of this file).
 */
export async function withWorkbookExamples(document: OpenApiDocument): Promise<OpenApiDocument> {
  const copy = structuredClone(document) as Json;
  for (const operation of readExportOperations(copy as OpenApiDocument)) {
    const response = resolveRef(copy, (operation.operation['responses'] as Json)['200'], `${operation.operationId} 200`) as Json;
    const xlsx = response.content?.[XLSX];
    if (!xlsx || 'example' in xlsx || 'examples' in xlsx) continue;
    const workbook = asciiZip(await workbookOf(csvExampleFor(copy, operation.path, response)));
    xlsx.example = String.fromCharCode(...workbook);
  }
  return copy as OpenApiDocument;
}

/** The spec without the workbook examples: the docs have no use for a page of zip bytes. */
export function withoutWorkbookExamples(document: Json): Json {
  const copy = structuredClone(document);
  for (const operation of readExportOperations(copy as OpenApiDocument)) {
    const response = resolveRef(copy, (operation.operation['responses'] as Json)['200'], `${operation.operationId} 200`) as Json;
    delete response.content?.[XLSX]?.example;
  }
  return copy;
}
