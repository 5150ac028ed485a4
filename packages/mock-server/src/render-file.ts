import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type ExportFormat, type PdfFonts, type Report, renderReport } from '@toggl-exports/report-engine';

const require = createRequire(import.meta.url);

/** DejaVu Sans, regular and bold: Latin, Greek, Cyrillic and more (not Chinese, Japanese or Korean). */
const fontFile = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));

let fonts: PdfFonts | undefined;

/**
 * A report's file as the engine writes it, PDFs with DejaVu Sans for the texts the standard PDF
 * fonts cannot show (`Łukasz`, `Жук`), read from disk with the first PDF of the thread.
 */
export function renderFile(report: Report, format: ExportFormat): Promise<Uint8Array> {
  if (format !== 'pdf') return renderReport(report, format);
  fonts ??= { regular: fontFile('DejaVuSans'), bold: fontFile('DejaVuSans-Bold') };
  return renderReport(report, format, { pdfFonts: fonts });
}
