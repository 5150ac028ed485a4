import { describe, expect, it } from 'vitest';
import { post } from './http.ts';
import { csvRows, pdfText, xlsxSheets } from './parse-files.ts';
import { csv, exports, pdf, xlsx } from './spec.ts';

describe('every export over HTTP', () => {
  it('covers all twelve operations in every format they document', () => {
    expect(new Set(exports.map((entry) => entry.operationId)).size).toBe(12);
    expect(exports.length).toBeGreaterThanOrEqual(17);
  });

  describe.each(exports)('$operationId as $mediaType', (entry) => {
    it('answers 200 with the sample file, byte for byte, named for download', async () => {
      const answer = await post(entry.path, { body: entry.exampleBody ?? {} });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(entry.mediaType);
      expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${entry.sample.filename}"`);
      expect(answer.bytes.equals(entry.sample.bytes)).toBe(true);

      if (entry.mediaType === csv) {
        const [header, ...rows] = csvRows(answer.bytes);
        expect(header!.length).toBeGreaterThan(1);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row).toHaveLength(header!.length);
      } else if (entry.mediaType === xlsx) {
        const [sheet] = await xlsxSheets(answer.bytes);
        // The workbook holds the same table as the CSV at the same path: same columns, same number of rows.
        const csvTwin = exports.find((other) => other.path === entry.path.replace(/\.xlsx$/, '.csv'));
        const table = csvRows(csvTwin!.sample.bytes);
        expect(sheet!.rows[0]).toEqual(table[0]);
        expect(sheet!.rows).toHaveLength(table.length);
      } else {
        expect(entry.mediaType).toBe(pdf);
        const document = await pdfText(answer.bytes);
        expect(document.pages).toBeGreaterThan(0);
        // The document covers the period its download name announces.
        const [, start] = /_(\d{4}-\d{2}-\d{2})_\d{4}-\d{2}-\d{2}\.pdf$/.exec(entry.sample.filename) ?? [];
        expect(document.text).toContain(start);
      }
    });
  });
});
