import { describe, expect, it } from 'vitest';
import { post } from './http.ts';
import { csvRows, pdfText, xlsxSheets } from './parse-files.ts';
import { csv, exports, pdf, xlsx } from './spec.ts';

/** `2026-10-01` as the file names write it: day, month, year (PDF: in the document's date format). */
const inName = (date: string, order: 'dmy' | 'ymd' | 'mdy' = 'dmy') => {
  const [year, month, day] = date.split('-');
  return { dmy: `${day}_${month}_${year}`, ymd: `${year}_${month}_${day}`, mdy: `${month}_${day}_${year}` }[order];
};

describe('every export over HTTP', () => {
  it('covers every operation in every format it documents', () => {
    expect(new Set(exports.map((entry) => entry.operationId)).size).toBeGreaterThan(1);
    expect(exports.map((entry) => entry.mediaType).sort()).toEqual(expect.arrayContaining([csv, xlsx, pdf]));
  });

  describe.each(exports)('$operationId as $mediaType', (entry) => {
    it('answers the documented example with a usable file named for the period it covers', async () => {
      const answer = await post(entry.path, { body: entry.body });
      expect(answer.status, answer.bytes.toString()).toBe(200);
      expect(answer.headers.get('content-type')).toBe(entry.mediaType);
      const body = (entry.body ?? {}) as { start_date?: string; end_date?: string; date_format?: string };
      const disposition = answer.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="TogglTrack_Report_\w+_\(from_[\d_]+_to_[\d_]+\)\.(csv|xlsx|pdf)"$/);
      if (body.start_date && body.end_date) {
        const order =
          entry.mediaType !== pdf ? 'dmy' : body.date_format === 'YYYY-MM-DD' ? 'ymd' : body.date_format?.startsWith('DD') ? 'dmy' : 'mdy';
        expect(disposition).toContain(`(from_${inName(body.start_date, order)}_to_${inName(body.end_date, order)})`);
      }

      if (entry.mediaType === csv) {
        expect(answer.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
        const [header, ...rows] = csvRows(answer.bytes);
        expect(header!.length).toBeGreaterThan(1);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row).toHaveLength(header!.length);
      } else if (entry.mediaType === xlsx) {
        const [sheet] = await xlsxSheets(answer.bytes);
        // The workbook holds the table of the CSV at the same path for the same body: its header and as many rows.
        const twin = await post(entry.path.replace(/\.xlsx$/, '.csv'), { body: entry.body });
        const table = csvRows(twin.bytes);
        expect(sheet!.rows[0]).toEqual(table[0]);
        expect(sheet!.rows).toHaveLength(table.length);
      } else {
        const document = await pdfText(answer.bytes);
        expect(document.pages).toBeGreaterThan(0);
        expect(document.text).toContain(`Page 1 of ${document.pages}`);
      }
    });
  });
});
