// The renderers' shortcuts, each checked against the libraries' own way of doing the same: the
// workbook's parts against exceljs's writeBuffer, the remembered text widths against pdfkit's
// measuring, and the documents' shared fonts and page writing against pdfkit's own bytes.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { bodyDefaults } from '../src/generated/body-defaults.ts';
import { builtInData } from '../src/index.ts';
import { loadDocumentClass } from '../src/render/pdf.ts';
import { renderXlsx, reportWorkbook } from '../src/render/xlsx.ts';
import { detailedReport } from '../src/reports/detailed.ts';
import { employeeProfitabilityReport } from '../src/reports/profitability.ts';
import type { Report } from '../src/reports/report.ts';
import { summaryReport } from '../src/reports/summary.ts';
import { weeklyReport } from '../src/reports/weekly.ts';

const workspace = builtInData.workspace(1234567)!;
const input = <K extends keyof typeof bodyDefaults>(operationId: K, body: Record<string, unknown>) => ({
  workspace,
  body: { ...bodyDefaults[operationId], ...body },
  format: 'xlsx' as const,
  today: '2026-11-01',
});
const reports: [string, Report][] = [
  ['detailed', detailedReport(input('exportDetailedReport', { start_date: '2026-10-01', end_date: '2026-10-31', order_by: 'user' }))],
  [
    'detailed, decimal durations',
    detailedReport(input('exportDetailedReport', { start_date: '2026-09-01', end_date: '2026-09-07', duration_format: 'decimal' })),
  ],
  [
    'summary',
    summaryReport(
      input('exportSummaryReport', { start_date: '2026-10-01', end_date: '2026-10-31', grouping: 'clients', sub_grouping: 'projects' }),
    ),
  ],
  ['weekly', weeklyReport(input('exportWeeklyReportCsv', { start_date: '2026-10-05', end_date: '2026-10-11' }))],
  [
    'profitability',
    employeeProfitabilityReport(input('exportProfitabilityEmployees', { start_date: '2026-09-01', end_date: '2026-09-30' })),
  ],
  ['no rows', detailedReport(input('exportDetailedReport', { start_date: '2026-10-03', end_date: '2026-10-04' }))],
];

describe('the workbook', () => {
  it.each(reports)('%s: holds the parts exceljs writeBuffer zips, in its order, byte for byte', async (_, report) => {
    const ours = unzipSync(await renderXlsx(report));
    const theirs = unzipSync(new Uint8Array((await reportWorkbook(ExcelJS, report).xlsx.writeBuffer()) as ArrayBuffer));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const name of Object.keys(theirs)) expect(ours[name], name).toEqual(theirs[name]);
  });

  it.each(reports)('%s: gives each cell the style exceljs would give it without shared style objects', async (_, report) => {
    // The same workbook, each cell with its own copy of its column's style, as exceljs makes them.
    const workbook = reportWorkbook(ExcelJS, report);
    workbook.worksheets[0]!.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.style = { ...cell.style };
      }),
    );
    const copied = unzipSync(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const ours = unzipSync(await renderXlsx(report));
    for (const name of ['xl/styles.xml', 'xl/worksheets/sheet1.xml']) expect(ours[name], name).toEqual(copied[name]);
  });
});

describe('text widths', () => {
  const texts = [
    '',
    'AVATAR Tow Yo, WAVE',
    'Ada Lovelace',
    '2026-10-01',
    '100:00:00',
    '1234,50',
    'Zoë "Z" O\'Neil, Jr. – ünïcödé…',
    'emoji 🎉 and 中文',
    'a'.repeat(300),
  ];
  const fonts = ['Helvetica', 'Helvetica-Bold'] as const;
  const sizes = [7.5, 8, 9, 16];

  it("are pdfkit's own, the first time and when remembered, for every font and size", async () => {
    const MeasuringDocument = await loadDocumentClass();
    const plain = new PDFDocument();
    for (let round = 0; round < 2; round += 1) {
      const measuring = new MeasuringDocument();
      for (const font of fonts)
        for (const size of sizes) {
          plain.font(font).fontSize(size);
          measuring.font(font).fontSize(size);
          for (const text of texts) expect(measuring.widthOfString(text), `${font} ${size} ${text}`).toBe(plain.widthOfString(text));
        }
    }
  });

  it('follow character spacing and the font set last, however it was set', async () => {
    const MeasuringDocument = await loadDocumentClass();
    const plain = new PDFDocument().font('Helvetica-Bold', 9);
    const measuring = new MeasuringDocument().font('Helvetica-Bold', 9);
    for (const text of texts) {
      expect(measuring.widthOfString(text)).toBe(plain.widthOfString(text));
      expect(measuring.widthOfString(text, { characterSpacing: 1.5 })).toBe(plain.widthOfString(text, { characterSpacing: 1.5 }));
    }
    // Right after construction the size is pdfkit's default, which the document did not set itself.
    expect(new MeasuringDocument().widthOfString('AVATAR')).toBe(new PDFDocument().widthOfString('AVATAR'));
  });
});

describe('documents that share fonts and write each page at once', () => {
  const info = { Title: 'Shortcuts', CreationDate: new Date(Date.UTC(2026, 10, 1)), ModDate: new Date(Date.UTC(2026, 10, 1)) };
  /**
   * Pages drawn as renderPdf draws them, in both fonts and several sizes: kerned, wrapped and
   * spaced texts, rules and colours, a second page, and footers written after both pages.
   */
  const written = (doc: PDFKit.PDFDocument): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.font('Helvetica-Bold').fontSize(16).text('AVATAR Tow Yo, WAVE', 36, 36, { lineBreak: false });
      doc.font('Helvetica').fontSize(7.5).fillColor('#555555').text('Zoë "Z" O\'Neil, Jr. – ünïcödé…', 36, 60, { lineBreak: false });
      doc.fillColor('black').text('a long description that wraps over several lines of a narrow column', 36, 80, { width: 60 });
      doc.moveTo(36, 130).lineTo(300, 130).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
      doc.text('spaced out', 36, 140, { characterSpacing: 1.5, wordSpacing: 2, lineBreak: false });
      doc.addPage();
      doc.font('Helvetica-Bold', 9).text('AVATAR Tow Yo, WAVE', 36, 160, { lineBreak: false });
      doc.font('Times-Roman', 9).text('AVATAR in another standard font', 36, 180, { lineBreak: false });
      const { start, count } = doc.bufferedPageRange();
      for (let page = start; page < start + count; page += 1) {
        doc.switchToPage(page);
        doc
          .font('Helvetica')
          .fontSize(8)
          .text(`Page ${page + 1} of ${count}`, 400, 500, { lineBreak: false });
      }
      doc.end();
    });

  it('give the bytes pdfkit writes, in the first document and in the ones that reuse its fonts', async () => {
    const MeasuringDocument = await loadDocumentClass();
    const expected = await written(new PDFDocument({ info, bufferPages: true }));
    for (let round = 0; round < 3; round += 1)
      expect(await written(new MeasuringDocument({ info, bufferPages: true })), `document ${round + 1}`).toEqual(expected);
  });
});
