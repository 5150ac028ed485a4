import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MEDIA_TYPES, readExportOperations, resolveRef } from '@toggl-exports/spec-reader';
import { bundledSpec } from '@toggl-exports/spec-reader/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { docsSpec } from '../src/docs.ts';
import { asciiZip, withoutWorkbookExamples } from '../src/workbook-examples.ts';

type Json = Record<string, any>;

const scratch = mkdtemp(path.join(tmpdir(), 'workbook-examples-'));
afterAll(async () => rm(await scratch, { recursive: true, force: true }));

const workbookRows = async (bytes: Uint8Array): Promise<unknown[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

/** Python's zipfile checks every entry's CRC-32, which neither exceljs nor fflate does when reading. */
const pythonZipCheck = async (bytes: Uint8Array): Promise<string> => {
  const file = path.join(await scratch, `${Math.random().toString(36).slice(2)}.xlsx`);
  await writeFile(file, bytes);
  return execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', file], {
    encoding: 'utf8',
  }).trim();
};

const bytesOf = (example: string) => Uint8Array.from(example, (char) => char.charCodeAt(0));

/** Each export's 200 response whose XLSX media type the published spec describes, with its CSV example's rows. */
function xlsxAnswers(spec: Json): { operationId: string; xlsx: Json; csvRows: string[][] }[] {
  const operations = readExportOperations(spec);
  return operations
    .filter(({ formats }) => formats.includes('xlsx'))
    .map(({ operationId, path: operationPath, operation }) => {
      const response = resolveRef(spec, (operation['responses'] as Json)['200'], operationId) as Json;
      const csvResponse =
        response.content[MEDIA_TYPES.csv] ??
        (
          resolveRef(
            spec,
            (operations.find((other) => other.path === operationPath.replace(/\.xlsx$/, '.csv'))!.operation['responses'] as Json)['200'],
            operationId,
          ) as Json
        ).content[MEDIA_TYPES.csv];
      return { operationId, xlsx: response.content[MEDIA_TYPES.xlsx], csvRows: parse(csvResponse.example, { bom: true }) };
    });
}

describe('asciiZip', () => {
  it('writes a workbook whose every byte is ASCII, with its text, its checksums and its rows intact', async () => {
    const workbook = new ExcelJS.Workbook();
    // A fixed time, as the spec's examples have: docProps/core.xml holds it, and with the current
    // time the padding search met, now and then, a checksum and offsets it could not make ASCII.
    workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
    const sheet = workbook.addWorksheet('Report');
    sheet.addRow(['Name', 'Note', 'Amount (EUR)']);
    // Enough rows that the entries' sizes and offsets cross many byte boundaries.
    const rows = Array.from({ length: 300 }, (_, index) => [`Zoë ${index}`, `€ 😀 ${'x'.repeat(index % 37)}`, `${index}.00`]);
    for (const row of rows) sheet.addRow(row);
    const written = asciiZip(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));

    expect(written.findIndex((byte) => byte >= 0x80)).toBe(-1);
    expect(await pythonZipCheck(written)).toBe('None');
    expect(await workbookRows(written)).toEqual([['Name', 'Note', 'Amount (EUR)'], ...rows]);
  });
});

describe('the published spec', () => {
  const spec = bundledSpec();
  const answers = xlsxAnswers(spec);

  it('has an example workbook for every XLSX answer: ASCII only, a valid zip, holding its report’s CSV example', async () => {
    expect(answers.length).toBeGreaterThan(0);
    for (const { operationId, xlsx, csvRows } of answers) {
      const example = xlsx.example;
      expect(typeof example, operationId).toBe('string');
      expect(
        [...example].every((char) => char.charCodeAt(0) < 0x80),
        `${operationId}: every character is ASCII`,
      ).toBe(true);
      const bytes = bytesOf(example);
      expect(await pythonZipCheck(bytes), operationId).toBe('None');
      expect(await workbookRows(bytes), operationId).toEqual(csvRows);
    }
  });

  it('leaves the workbooks out of the docs', async () => {
    expect(xlsxAnswers(withoutWorkbookExamples(spec)).map(({ xlsx }) => 'example' in xlsx)).not.toContain(true);
    expect(xlsxAnswers(await docsSpec()).map(({ xlsx }) => 'example' in xlsx)).not.toContain(true);
  });
});
