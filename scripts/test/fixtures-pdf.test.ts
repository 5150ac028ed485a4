import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../src/fixtures/workspace.ts';
import { bundledFixtures, centsOf, parseCsv, secondsOf, sum, type ParsedCsv } from './fixtures-support.ts';
import type { ExportFixture } from '../src/fixtures/index.ts';

interface ReadPdf {
  fixture: ExportFixture;
  csv: ParsedCsv;
  pages: string[];
  text: string;
  info: Record<string, unknown>;
}

const workspace = buildSampleWorkspace();
const TITLES: Record<string, string> = {
  exportDetailedReportPdf: 'Detailed report',
  exportSummaryReportPdf: 'Summary report',
  exportWeeklyReportPdf: 'Weekly report',
  exportSavedReportPdf: workspace.savedReport.name,
};
/** Rows the PDFs show before they say how many more there are. */
const ROW_LIMIT = 50;

const pad = (part: number) => String(part).padStart(2, '0');
const durationText = (seconds: number) => `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
const moneyText = (cents: number) => (cents / 100).toFixed(2);

async function readPdf(fixture: ExportFixture, csvFixtures: ExportFixture[]): Promise<ReadPdf> {
  const document = await getDocument({ data: new Uint8Array(fixture.bytes), verbosity: VerbosityLevel.ERRORS }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  const { info } = await document.getMetadata();
  await document.destroy();
  const csvName = fixture.filename.replace(/\.pdf$/, '.csv');
  const csvFixture = csvFixtures.find((candidate) => candidate.filename === csvName);
  if (!csvFixture) throw new Error(`${fixture.filename} has no CSV counterpart ${csvName}`);
  return { fixture, csv: parseCsv(csvFixture.bytes), pages, text: pages.join(' '), info: info as Record<string, unknown> };
}

let pdfs: ReadPdf[];
beforeAll(async () => {
  const fixtures = await bundledFixtures();
  const csvFixtures = fixtures.filter((fixture) => fixture.format === 'csv');
  pdfs = await Promise.all(fixtures.filter((fixture) => fixture.format === 'pdf').map((fixture) => readPdf(fixture, csvFixtures)));
});

describe('PDF fixtures', () => {
  it('exist for exactly the operations with a known title', () => {
    expect(pdfs.map((pdf) => pdf.fixture.operationId).sort()).toEqual(Object.keys(TITLES).sort());
  });

  it("show the report's title, the workspace and the period from the download name", () => {
    for (const { fixture, text, info } of pdfs) {
      const [, start, end] = /_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.pdf$/.exec(fixture.filename) ?? [];
      const title = TITLES[fixture.operationId] ?? '?';
      expect(text.startsWith(`${title} `), fixture.filename).toBe(true);
      expect(info['Title']).toBe(title);
      expect(text).toContain(`${workspace.name} (${workspace.organization}), workspace ${workspace.id}`);
      expect(text).toContain(`Period: ${start} – ${end}`);
    }
  });

  it('carry the fixed export moment as their creation and modification dates', () => {
    for (const { info } of pdfs) {
      expect(info['CreationDate']).toBe('D:20261201090000Z');
      expect(info['ModDate']).toBe('D:20261201090000Z');
    }
  });

  it('list the first rows of the CSV, and say how many more there are when they stop early', () => {
    for (const { fixture, csv, text } of pdfs) {
      const first = csv.records[0] ?? {};
      const shownRows = csv.records.slice(0, ROW_LIMIT);
      for (const column of ['User', 'Project', 'Description', 'Duration']) {
        const value = first[column];
        if (value) expect(text, `${fixture.filename}: ${column} of the first row`).toContain(value);
      }
      const lastShown = shownRows.at(-1) ?? {};
      if (lastShown['Start time']) expect(text).toContain(`${lastShown['Start date']} ${lastShown['Start time']}`);
      const hidden = csv.rows.length - ROW_LIMIT;
      if (hidden > 0) expect(text, fixture.filename).toContain(`... and ${hidden} more rows; the totals cover all ${csv.rows.length}`);
      else expect(text, fixture.filename).not.toContain('... and');
    }
  });

  it('end the table with totals over every row of the report, not only the rows shown', () => {
    for (const { fixture, csv, pages } of pdfs) {
      const lastPage = pages.at(-1) ?? '';
      const totalsRow = lastPage.slice(lastPage.lastIndexOf('Total '));
      for (const column of ['Duration', 'Total']) {
        if (!csv.header.includes(column)) continue;
        expect(totalsRow, `${fixture.filename} ${column}`).toContain(durationText(sum(csv.records.map((row) => secondsOf(row[column] ?? '')))));
      }
      if (csv.header.includes('Amount (USD)')) {
        expect(totalsRow, fixture.filename).toContain(moneyText(sum(csv.records.map((row) => centsOf(row['Amount (USD)'] ?? '')))));
      }
    }
  });

  it('break long tables across pages', () => {
    const detailed = pdfs.find((pdf) => pdf.fixture.operationId === 'exportDetailedReportPdf');
    expect(detailed?.pages.length).toBeGreaterThan(1);
    expect(detailed?.pages[1]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  });
});
