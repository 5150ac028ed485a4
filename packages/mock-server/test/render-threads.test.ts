import { builtInData, exportReport, type Report, renderReport } from '@toggl-exports/report-engine';
import { describe, expect, it } from 'vitest';
import { createRenderPool } from '../src/render-pool.ts';
import { validAuth } from './http.ts';
import { ownServer } from './own-server.ts';
import { byOperation, exports, pdf, xlsx } from './spec.ts';

/** POSTs an export to a server and resolves to its status and bytes. */
async function download(url: string, path: string, body: unknown): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: validAuth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('render threads', () => {
  it('write the very bytes the server writes in its own thread, for every XLSX and PDF export', async () => {
    const [threaded, inline] = await Promise.all([ownServer({ renderThreads: 2 }), ownServer({ renderThreads: 0 })]);
    const heavy = exports.filter(({ mediaType }) => mediaType === xlsx || mediaType === pdf);
    expect(heavy.length).toBeGreaterThan(5);
    for (const { path, body, operationId, mediaType } of heavy) {
      const [fromThread, fromServer] = await Promise.all([download(threaded.url, path, body), download(inline.url, path, body)]);
      expect(fromThread.status, `${operationId} ${mediaType}`).toBe(200);
      expect(fromThread.bytes.equals(fromServer.bytes), `${operationId} ${mediaType}`).toBe(true);
    }
  });

  it("let the server answer other requests while a year's PDF is written", async () => {
    const pdfExport = byOperation('exportDetailedReportPdf', pdf);
    const csvExport = byOperation('exportDetailedReport', 'text/csv');
    const smallCsv = { start_date: '2026-10-05', end_date: '2026-10-06' };
    /** How many small CSV requests, one after another, the server answers while it writes a year's PDF. */
    const answeredMeanwhile = async (renderThreads: number) => {
      const server = await ownServer({ renderThreads });
      // pdfkit is loaded (in the thread, if there is one) and the CSV's answer cached before the year is asked for.
      expect((await download(server.url, pdfExport.path, { start_date: '2026-10-01', end_date: '2026-10-02' })).status).toBe(200);
      expect((await download(server.url, csvExport.path, smallCsv)).status).toBe(200);
      let yearWritten = false;
      const year = download(server.url, pdfExport.path, { start_date: '2021-01-01', end_date: '2021-12-31' }).then((answer) => {
        expect(answer.status).toBe(200);
        yearWritten = true;
      });
      let answered = 0;
      while (!yearWritten) {
        expect((await download(server.url, csvExport.path, smallCsv)).status).toBe(200);
        if (!yearWritten) answered += 1;
      }
      await year;
      return answered;
    };
    expect(await answeredMeanwhile(1)).toBeGreaterThanOrEqual(10);
    // In the server's own thread, the requests wait for the PDF: what the threads are for.
    expect(await answeredMeanwhile(0)).toBeLessThanOrEqual(3);
  });
});

describe('createRenderPool', () => {
  /** A month of the detailed report, as the engine computes it for the mock. */
  async function detailedReport(): Promise<Report> {
    let computed: Report | undefined;
    const outcome = await exportReport(
      builtInData,
      { operationId: 'exportDetailedReport', format: 'xlsx', workspaceId: 1, body: { start_date: '2026-10-01', end_date: '2026-10-31' } },
      {
        render: (report, format) => {
          computed = report;
          return renderReport(report, format);
        },
      },
    );
    if (!outcome.ok || !computed) throw new Error('the detailed report was not computed');
    return computed;
  }

  it("rejects with the renderer's own error, and renders the next file", async () => {
    const pool = createRenderPool(1);
    try {
      const report = await detailedReport();
      const broken: Report = { ...report, pdfColumns: ['No such column'] };
      await expect(pool.render(broken, 'pdf')).rejects.toThrow('names column "No such column", which the report does not have');
      expect(
        Buffer.from(await pool.render(report, 'pdf'))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    } finally {
      await pool.close();
    }
  });

  it('starts a thread with the first XLSX or PDF, and stops it once it has idled for the time given', async () => {
    const idleMs = 300;
    const pool = createRenderPool(2, idleMs);
    try {
      const report = await detailedReport();
      await pool.render(report, 'csv');
      expect(pool.threads(), 'after a CSV, written in the calling thread').toBe(0);
      await pool.render(report, 'xlsx');
      expect(pool.threads(), 'after one workbook').toBe(1);
      await new Promise((resolve) => setTimeout(resolve, idleMs / 3));
      expect(pool.threads(), 'before the idle time is up').toBe(1);
      await expect.poll(() => pool.threads(), { timeout: 10 * idleMs, interval: 25 }).toBe(0);
      await pool.render(report, 'pdf');
      expect(pool.threads(), 'started again by the next file').toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('refuses files once closed, and those it was still writing', async () => {
    const pool = createRenderPool(1);
    const report = await detailedReport();
    const writing = expect(pool.render(report, 'xlsx')).rejects.toThrow();
    await pool.close();
    await writing;
    await expect(pool.render(report, 'pdf')).rejects.toThrow('the server is closed');
  });
});
