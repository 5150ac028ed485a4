import { remembered } from '../memo.ts';
import { formatCell, formatDate } from '../reports/cell-style.ts';
import { type Column, columnTotals, type Report } from '../reports/report.ts';
import { concatenated } from './concatenated.ts';
import { exportedAt } from './exported-at.ts';

const NUMERIC_KINDS = new Set<Column['kind']>(['duration', 'hours', 'money', 'integer']);
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
/** A font by the name the document knows it by: a standard font's, or an embedded one's as registered. */
type Font = string;
/** The two faces a document is written in. */
interface Faces {
  plain: Font;
  bold: Font;
}
const STANDARD_FACES: Faces = { plain: FONT, bold: BOLD };
const FONT_SIZE = 7.5;
const LINE_HEIGHT = FONT_SIZE * 1.25;
const PAD_X = 3;
const PAD_Y = 2.5;
const MARGIN = 36;
const FOOTER_GAP = 14;
const MAX_TEXT_COLUMN_WIDTH = 190;
/** Longer cells are cut with an ellipsis, so that no row outgrows a page; the CSV and XLSX keep them whole. */
const MAX_CELL_CHARACTERS = 300;
const GREY = '#555555';
const RULE = '#bbbbbb';

/** A row's cells as the PDF writes them, with the width each text takes. */
interface Row {
  texts: string[];
  widths: number[];
}

interface Layout {
  columns: Column[];
  body: Row[];
  header: Row;
  totals: Row;
  /** Of each column. */
  widths: number[];
  /** Of the whole table. */
  width: number;
  /** Whether each column's one-line cells sit at its right edge, as numbers do. */
  rightAligned: boolean[];
  /** What pdfkit is to add between the lines of a cell, per font, for lines LINE_HEIGHT apart. */
  lineGaps: Record<Font, number>;
}

type Doc = PDFKit.PDFDocument;

/** Control characters but tab and line feed: no font draws them, and the CSV and XLSX keep them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the pattern is for
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A cell's text as the PDF writes it: its line breaks as line feeds, without other controls, and cut short past MAX_CELL_CHARACTERS. */
function cellText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
  return lines.length > MAX_CELL_CHARACTERS ? `${lines.slice(0, MAX_CELL_CHARACTERS - 1)}…` : lines;
}

/** Measures texts in one font (each distinct text once, as `widthOfString` remembers them); a text of several lines, by its widest. */
function measurer(doc: Doc, font: Font): (texts: string[]) => Row {
  const widthOf = (text: string) =>
    text.includes('\n') ? Math.max(...text.split('\n').map((line) => doc.widthOfString(line))) : doc.widthOfString(text);
  return (texts) => {
    doc.font(font).fontSize(FONT_SIZE);
    return { texts, widths: texts.map(widthOf) };
  };
}

/** Widths of the texts measured so far, by font and size, then by text; a font's map starts over when it reaches this many. */
const MAX_WIDTHS = 10_000;
const widths = new Map<string, Map<string, number>>();

/** A standard font as pdfkit builds it for a document (its `StandardFont`, which pdfkit's typings leave out). */
interface StandardFont {
  document: unknown;
  id: string;
  dictionary?: unknown;
  embedded?: boolean;
  encode(text: string, features?: unknown): unknown;
}

/** What pdfkit's font cache is made of (`PDFDocument`'s font mixin), which its typings leave out. */
interface FontCache {
  _fontFamilies: Record<string, StandardFont>;
  _registeredFonts: Record<string, unknown>;
  _fontCount: number;
  _font: StandardFont;
}

/** The fonts every document shares, as below; the PDF uses no other. */
const SHARED_FONTS: ReadonlySet<string> = new Set([FONT, BOLD]);

/**
 * A standard font's parts that depend on the font alone, taken from the first document that
 * loads it: its parsed metrics (`fields`), and a prototype whose `encode` remembers the glyphs
 * and advances of each text, which pdfkit works out glyph by glyph for every text it draws.
 */
interface SharedFont {
  prototype: StandardFont;
  fields: Omit<StandardFont, 'document' | 'id' | 'dictionary' | 'embedded' | 'encode'>;
}
const sharedFonts = new Map<string, SharedFont>();

function shareFont(font: StandardFont): SharedFont {
  const { document: _document, id: _id, dictionary: _dictionary, embedded: _embedded, ...fields } = font;
  const { encode } = Object.getPrototypeOf(font) as StandardFont;
  const encodings = new Map<string, unknown>();
  const prototype: StandardFont = Object.create(Object.getPrototypeOf(font), {
    encode: {
      value(this: StandardFont, text: string, features?: unknown) {
        if (features !== undefined) return encode.call(this, text, features);
        return remembered(encodings, text, () => encode.call(this, text), MAX_WIDTHS);
      },
    },
  });
  return { prototype, fields };
}

/**
 * pdfkit's document, with three shortcuts over pdfkit's own way of writing each file:
 * - It measures each text once per process rather than three times per text drawn (once by
 *   this module, twice more by pdfkit as it writes the text): measuring, glyph by glyph with a
 *   kerning lookup per pair, is most of what a PDF costs, and the names, dates and durations of
 *   a report repeat from row to row and from one file to the next. A width depends on the font,
 *   its size and the text alone, so the one remembered is the one pdfkit computes.
 * - It builds each of its two fonts once per process: pdfkit parses a standard font's metrics
 *   and kerning table anew for every document, which cost as much as writing a small report.
 *   Each document still gets a font object of its own, numbered as pdfkit numbers it.
 * - It writes a page's drawing operators to the page together, when the pages are finished,
 *   rather than each as it comes: pdfkit turns every operator (a dozen for a row) into bytes of
 *   its own, and joins them all again at the end.
 * The file's bytes are the ones pdfkit would write.
 */
function measuringDocument(PDFDocument: new (options?: PDFKit.PDFDocumentOptions) => Doc) {
  return class MeasuringDocument extends PDFDocument {
    /**
     * The font and size set last, by name and in points (undefined for any other kind of font or
     * size), and the widths known in them. Set while pdfkit's constructor runs, so not initialised here.
     */
    declare fontName: string | undefined;
    declare fontPoints: number | undefined;
    declare known: Map<string, number> | undefined;

    override font(src: PDFKit.Mixins.PDFFontSource, family?: string | number, size?: number): this {
      this.fontName = typeof src === 'string' && typeof family !== 'string' ? src : undefined;
      this.knownWidths();
      const { fontName } = this;
      const shareable = fontName !== undefined && SHARED_FONTS.has(fontName);
      if (shareable) this.reuseSharedFont(fontName);
      (super.font as (...args: unknown[]) => this).call(this, src, family, size);
      const { _font: font, _registeredFonts: registered } = this as unknown as FontCache;
      if (shareable && !sharedFonts.has(fontName) && registered[fontName] === undefined) sharedFonts.set(fontName, shareFont(font));
      return this;
    }

    /** Puts a font shared by every document into this document's font cache, where pdfkit looks first. */
    reuseSharedFont(name: string): void {
      const shared = sharedFonts.get(name);
      const cache = this as unknown as FontCache;
      if (!shared || cache._fontFamilies[name] !== undefined || cache._registeredFonts[name] !== undefined) return;
      cache._fontFamilies[name] = Object.assign(Object.create(shared.prototype) as StandardFont, shared.fields, {
        document: this,
        id: `F${++cache._fontCount}`,
      });
    }

    /** Each page's operators not yet written to it. Set on the first, so not initialised here. */
    declare unwritten: Map<PDFKit.PDFPage, string[]> | undefined;

    override addContent(data: unknown): this {
      if (typeof data !== 'string') {
        this.writeUnwritten();
        super.addContent(data);
        return this;
      }
      this.unwritten ??= new Map();
      const lines = this.unwritten.get(this.page);
      if (lines) lines.push(data);
      else this.unwritten.set(this.page, [data]);
      return this;
    }

    override flushPages(): void {
      this.writeUnwritten();
      super.flushPages();
    }

    /** Writes each page's operators as pdfkit would, one line each, but as one chunk of bytes. */
    writeUnwritten(): void {
      if (!this.unwritten) return;
      for (const [page, lines] of this.unwritten)
        (page as unknown as { write(chunk: Uint8Array): void }).write(binaryBytes(`${lines.join('\n')}\n`));
      this.unwritten.clear();
    }

    override fontSize(size: number): this {
      this.fontPoints = typeof size === 'number' ? size : undefined;
      this.knownWidths();
      return super.fontSize(size);
    }

    knownWidths(): void {
      const { fontName, fontPoints } = this;
      this.known =
        fontName === undefined || fontPoints === undefined
          ? undefined
          : remembered(widths, `${fontName} ${fontPoints}`, () => new Map<string, number>());
    }

    override widthOfString(text: string, options?: PDFKit.Mixins.TextOptions): number {
      const { known } = this;
      // Spacing, scaling and OpenType features change a width: such texts are measured each time.
      const { characterSpacing, horizontalScaling, features } = (options ?? {}) as PDFKit.Mixins.TextOptions & {
        horizontalScaling?: number;
      };
      if (known === undefined || characterSpacing || horizontalScaling || features) return super.widthOfString(text, options);
      return remembered(known, text, () => super.widthOfString(text, options), MAX_WIDTHS);
    }
  };
}

/** A binary string's bytes, one per character (its low byte), as pdfkit writes its operators. */
function binaryBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

/**
 * Numbers never wrap: numeric, date and time columns get the width of their widest text.
 * Text columns share the rest in proportion to their widest text (capped, so that one long
 * description does not squeeze the others), and wrap where a cell is wider.
 */
function columnWidths(doc: Doc, layout: Pick<Layout, 'columns' | 'body' | 'header' | 'totals'>): number[] {
  const available = doc.page.width - 2 * MARGIN;
  const needed = layout.columns.map((_, index) => {
    let widest = Math.max(layout.header.widths[index] ?? 0, layout.totals.widths[index] ?? 0);
    for (const row of layout.body) widest = Math.max(widest, row.widths[index] ?? 0);
    return widest + 2 * PAD_X + 0.5;
  });
  const isText = layout.columns.map((column) => column.kind === 'text');
  const fixed = needed.reduce((sum, width, index) => sum + (isText[index] ? 0 : width), 0);
  const shares = needed.map((width, index) => (isText[index] ? Math.min(width, MAX_TEXT_COLUMN_WIDTH) : 0));
  const shareSum = shares.reduce((sum, share) => sum + share, 0);
  if (shareSum === 0 || fixed >= available) return needed.map((width) => (width * available) / needed.reduce((sum, each) => sum + each, 0));
  const room = available - fixed;
  return needed.map((width, index) => (isText[index] ? Math.min(width, (room * (shares[index] ?? 0)) / shareSum) : width));
}

/** How a row sits: how many lines each cell takes (a cell wider than its column wraps, and one with line breaks breaks there), and so the row's height. */
interface RowLayout {
  lines: number[];
  height: number;
}

function layRow(doc: Doc, layout: Layout, row: Row, font: Font): RowLayout {
  doc.font(font).fontSize(FONT_SIZE);
  const lineGap = layout.lineGaps[font];
  const lines = row.texts.map((text, index) => {
    const inner = (layout.widths[index] ?? 0) - 2 * PAD_X;
    const oneLine = !text.includes('\n') && (row.widths[index] ?? 0) <= inner;
    return oneLine ? 1 : Math.round(doc.heightOfString(text, { width: inner, lineGap }) / LINE_HEIGHT);
  });
  return { lines, height: Math.max(1, ...lines) * LINE_HEIGHT + 2 * PAD_Y };
}

/** Writes one table row at `y`, laid out by `layRow`, with a rule under it. */
function drawRow(doc: Doc, layout: Layout, row: Row, at: RowLayout, y: number, font: Font): void {
  doc.font(font).fontSize(FONT_SIZE);
  let x = MARGIN;
  row.texts.forEach((text, index) => {
    const width = layout.widths[index] ?? 0;
    if ((at.lines[index] ?? 1) > 1) doc.text(text, x + PAD_X, y + PAD_Y, { width: width - 2 * PAD_X, lineGap: layout.lineGaps[font] });
    else if (text !== '') {
      // A single line goes down without pdfkit's line wrapper, several times faster over thousands of rows.
      const x0 = layout.rightAligned[index] ? x + width - PAD_X - (row.widths[index] ?? 0) : x + PAD_X;
      doc.text(text, x0, y + PAD_Y, { lineBreak: false });
    }
    x += width;
  });
  doc
    .moveTo(MARGIN, y + at.height)
    .lineTo(MARGIN + layout.width, y + at.height)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
}

/** The lines under the title: the workspace, the period and the report's notes. */
function headingLines(report: Report): string[] {
  const { start, end } = report.period;
  return [
    `${report.workspace.name} (workspace ${report.workspace.id})`,
    `${formatDate(start, report.style.date)} – ${formatDate(end, report.style.date)}`,
    ...report.notes,
  ];
}

function writeHeading(doc: Doc, report: Report, faces: Faces): number {
  doc.font(faces.bold).fontSize(16).fillColor('black').text(report.title, MARGIN, MARGIN, { lineBreak: false });
  const lines = headingLines(report);
  doc.font(faces.plain).fontSize(9).fillColor(GREY);
  lines.forEach((line, index) => {
    doc.text(line, MARGIN, MARGIN + 24 + index * 12, { lineBreak: false });
  });
  doc.fillColor('black');
  return MARGIN + 24 + lines.length * 12 + 10;
}

let documentClass: Promise<ReturnType<typeof measuringDocument>> | undefined;

/** pdfkit's document class, measuring as described above: loaded with pdfkit on the first document. */
export const loadDocumentClass = () => {
  documentClass ??= import('pdfkit').then(({ default: PDFDocument }) => measuringDocument(PDFDocument));
  return documentClass;
};

/**
 * TrueType or OpenType fonts, regular and bold, for the documents whose texts the standard fonts
 * cannot show; pdfkit embeds the glyphs a document uses. The mock server passes DejaVu Sans.
 * (WOFF files work, but fontkit inflates their tables anew at every glyph: seconds a document.)
 */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/**
 * What the standard fonts show: their WinAnsi encoding, that is Latin-1 (from the space) and
 * these 27 characters more (the PDF reference, Annex D). Line breaks and tabs are layout.
 */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const BEYOND_WIN_ANSI = new RegExp(`[^\\t\\n\\r\\x20-\\x7e\\xa0-\\xff${WIN_ANSI_EXTRAS}]`, 'u');

/** The first character of the texts that the standard fonts cannot show, if any. */
function beyondStandardFonts(texts: Iterable<string>): string | undefined {
  for (const text of texts) {
    const found = BEYOND_WIN_ANSI.exec(text);
    if (found) return found[0];
  }
  return undefined;
}

/** Each set of fonts is registered under names of its own, so that the widths remembered per font name stay its own. */
const embeddedNames = new WeakMap<PdfFonts, Faces>();
let embeddedCount = 0;
function embeddedFaces(fonts: PdfFonts): Faces {
  let faces = embeddedNames.get(fonts);
  if (!faces) {
    embeddedCount += 1;
    faces = { plain: `Embedded${embeddedCount}`, bold: `Embedded${embeddedCount}-Bold` };
    embeddedNames.set(fonts, faces);
  }
  return faces;
}

/**
 * The faces a report's document is written in: the standard Helvetica, which PDF readers
 * carry, unless a text holds a character it cannot show (`Łukasz`, `Ωmega`, `Жук`); then the
 * fonts given, embedded (only the glyphs used). Without fonts, such a report is refused rather
 * than written with wrong letters.
 */
function facesFor(doc: Doc, report: Report, texts: Iterable<string>, fonts: PdfFonts | undefined): Faces {
  const character = beyondStandardFonts(texts);
  if (character === undefined) return STANDARD_FACES;
  if (!fonts) {
    const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new Error(
      `the PDF of "${report.title}" holds ${character} (${code}), which the standard PDF fonts cannot show; pass fonts that can (renderReport's pdfFonts option) to write it`,
    );
  }
  const faces = embeddedFaces(fonts);
  doc.registerFont(faces.plain, fonts.regular);
  doc.registerFont(faces.bold, fonts.bold);
  return faces;
}

/**
 * The report as a printable A4 landscape document: its title, workspace, period and notes, then
 * every row over as many pages as it takes (the column headers repeated on each), a totals row
 * at the end, and "Page n of N" on every page. The standard PDF fonts are used when they can
 * show every text, else `fonts`, and every date in the file is the export moment, so the bytes
 * depend on the request alone. pdfkit is loaded on the first document.
 */
export async function renderPdf(report: Report, fonts?: PdfFonts): Promise<Uint8Array> {
  const MeasuringDocument = await loadDocumentClass();
  const at = exportedAt(report);
  const doc = new MeasuringDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: report.title,
      Author: report.workspace.name,
      Subject: `${report.title}, ${report.period.start} to ${report.period.end}`,
      Creator: 'toggl-exports',
      Producer: 'toggl-exports',
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(concatenated(chunks)));
    doc.on('error', reject);
  });

  const { table, style } = report;
  const picked = (report.pdfColumns ?? table.columns.map((column) => column.header)).map((header) => {
    const index = table.columns.findIndex((column) => column.header === header);
    if (index < 0) throw new Error(`the PDF of "${report.title}" names column "${header}", which the report does not have`);
    return index;
  });
  const columns = picked.map((index) => table.columns[index] as Column);
  const totals = columnTotals(table);
  const headerTexts = columns.map((column) => column.header);
  const bodyTexts = table.rows.map((row) =>
    picked.map((index) => cellText(formatCell((table.columns[index] as Column).kind, row[index] ?? null, style))),
  );
  const totalTexts = columns.map((column, position) => {
    const total = totals.get(column);
    return total === undefined ? (position === 0 ? 'Total' : '') : formatCell(column.kind, total, style);
  });
  const faces = facesFor(doc, report, [report.title, ...headingLines(report), ...headerTexts, ...bodyTexts.flat(), ...totalTexts], fonts);
  const [plain, bold] = [measurer(doc, faces.plain), measurer(doc, faces.bold)];
  const partial = { columns, header: bold(headerTexts), body: bodyTexts.map(plain), totals: bold(totalTexts) };
  const widths = columnWidths(doc, partial);
  const lineGapOf = (font: Font) => LINE_HEIGHT - doc.font(font).fontSize(FONT_SIZE).currentLineHeight();
  const layout: Layout = {
    ...partial,
    widths,
    width: widths.reduce((sum, width) => sum + width, 0),
    rightAligned: columns.map((column) => NUMERIC_KINDS.has(column.kind)),
    lineGaps: { [faces.plain]: lineGapOf(faces.plain), [faces.bold]: lineGapOf(faces.bold) },
  };

  const bottom = doc.page.height - MARGIN - FOOTER_GAP;
  const header = layRow(doc, layout, layout.header, faces.bold);
  let y = writeHeading(doc, report, faces);
  /** Writes a row where it fits whole: on this page, or on the next one under the column headers again. */
  const place = (row: Row, font: Font) => {
    const at = layRow(doc, layout, row, font);
    if (y + at.height > bottom) {
      doc.addPage();
      drawRow(doc, layout, layout.header, header, MARGIN, faces.bold);
      y = MARGIN + header.height;
    }
    drawRow(doc, layout, row, at, y, font);
    y += at.height;
  };
  drawRow(doc, layout, layout.header, header, y, faces.bold);
  y += header.height;
  for (const row of layout.body) place(row, faces.plain);
  if (layout.body.length === 0) {
    doc
      .font(faces.plain)
      .fontSize(FONT_SIZE)
      .fillColor(GREY)
      .text('No time entries match this report.', MARGIN + PAD_X, y + PAD_Y, { lineBreak: false });
    doc.fillColor('black');
    y += LINE_HEIGHT + 2 * PAD_Y;
  }
  place(layout.totals, faces.bold);

  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const footer = `${report.title} · Page ${page - start + 1} of ${count}`;
    doc.font(faces.plain).fontSize(8).fillColor(GREY);
    doc.text(footer, doc.page.width - MARGIN - doc.widthOfString(footer), doc.page.height - MARGIN, { lineBreak: false });
  }
  doc.end();
  return done;
}
