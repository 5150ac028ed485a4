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
        const sheets = await xlsxSheets(answer.bytes);
        expect(sheets.length).toBeGreaterThan(0);
        const [header, ...rows] = sheets[0]!.rows;
        expect(header!.length).toBeGreaterThan(1);
        expect(rows.length).toBeGreaterThan(0);
      } else {
        expect(entry.mediaType).toBe(pdf);
        const document = await pdfText(answer.bytes);
        expect(document.pages).toBeGreaterThan(0);
        expect(document.text.trim().length).toBeGreaterThan(0);
      }
    });
  });
});
