// Consumer's-eye: the packed packages, installed with npm, run by plain Node from an ES module and
// from a CommonJS script, against the packed mock server started through its bin.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { run } from './consumer-project.ts';
import { downloadFromTest, expectSameFile, type Mock, readSaved, type SavedFile, startMockBin, stopMock } from './packed-mock.ts';

const dir = inject('consumerDir');

/** A journal entry as the scripts report it: the fields that vary from run to run only checked for their kind. */
interface ReportedEntry {
  sequence: boolean;
  receivedAt: boolean;
  durationMs: boolean;
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string;
  credentials: string;
  body: unknown;
  status: number;
}

interface Outcome {
  entryFiles: string[];
  journal: {
    entries: ReportedEntry[];
    matching: number;
    notMatching: number;
    afterReset: number;
    badFilter: { isError: boolean; message: string };
  };
  files: SavedFile[];
  error: Record<string, unknown>;
  rawCall: { status: number; csvFirstLine: string };
  libraryServer: {
    url: string;
    weeklyLines: string[];
    detailedCsv: string;
    otherWorkspace: { status: number; serverMessage: string };
    journal: { inProcess: number[]; overHttp: number[] };
  };
  engine: { ok: boolean; sameBytesAsTheMock: boolean; xlsxStart: string; pdfStart: string };
  specOperations: number;
  specOperationsWithoutMethod: string[];
}

/** The same download made again from this test, with the packed client: the packed mock must answer it with the same file. */
const sameDownload = (file: SavedFile) => downloadFromTest(dir, mock.url, file.method, file.args);

let mock: Mock;
beforeAll(async () => {
  mock = await startMockBin(dir);
});
afterAll(() => stopMock(mock));

describe.each([
  { script: 'esm.mjs', system: 'ES module', extension: '.js' },
  { script: 'cjs.cjs', system: 'CommonJS', extension: '.cjs' },
])('$script ($system)', ({ script, extension }) => {
  let outcome: Outcome;
  beforeAll(async () => {
    const outDir = path.join(dir, 'downloads', script);
    await mkdir(outDir, { recursive: true });
    const { stdout } = await run(process.execPath, [script, mock.url, outDir], { cwd: dir });
    outcome = JSON.parse(stdout) as Outcome;
  });

  it(`loads the ${extension} builds of the client and the mock server, and the spec`, () => {
    expect(outcome.entryFiles.map((file) => /node_modules\/@toggl-exports\/(.+)$/.exec(file)?.[1])).toEqual([
      `client/dist/index${extension}`,
      `client/dist/node${extension}`,
      `client/dist/raw${extension}`,
      `mock-server/dist/index${extension}`,
      `mock-server/dist/control${extension}`,
      'openapi/openapi.json',
      `report-engine/dist/index${extension}`,
    ]);
  });

  it("reads and empties the packed bin's journal through the control entry", () => {
    const { entries, matching, notMatching, afterReset, badFilter } = outcome.journal;
    // One export request since the reset; the control's own requests are not recorded.
    expect(entries).toEqual([
      {
        sequence: true,
        receivedAt: true,
        durationMs: true,
        method: 'POST',
        path: '/reports/api/v3/workspace/1234567/weekly/time_entries.csv',
        query: {},
        authorization: 'Basic ***',
        credentials: 'api_token',
        body: { start_date: '2026-10-05', end_date: '2026-10-11' },
        status: 200,
      },
    ]);
    expect({ matching, notMatching, afterReset }).toEqual({ matching: 1, notMatching: 0, afterReset: 0 });
    expect(badFilter).toEqual({
      isError: true,
      message: `GET ${mock.url}/__mock/requests?colour=red failed with HTTP 400: Unknown filter 'colour': the journal filters by method, path, status`,
    });
  });

  it('downloads a CSV, an XLSX and two PDFs (one saved by the Node entry) byte for byte as the mock serves them', async () => {
    expect(outcome.files.map(({ operationId, format }) => `${operationId} ${format}`)).toEqual([
      'exportDetailedReport csv',
      'exportSummaryReport xlsx',
      'exportWeeklyReportPdf pdf',
      'exportDetailedReportPdf pdf',
    ]);
    for (const file of outcome.files) {
      expectSameFile(expect, await readSaved(file), await sameDownload(file), file.saved);
      expect(file.filename).toMatch(/^TogglTrack_Report_\w+_\(from_[\d_]+_to_[\d_]+\)\.(csv|xlsx|pdf)$/);
    }
  });

  it("turns the mock's 400 into a TogglApiError, one class across both entries", () => {
    expect(outcome.error).toEqual({
      isTogglApiError: true,
      nodeEntrySharesClass: true,
      status: 400,
      reason: 'bad_request',
      serverMessage: "The 'not_a_field' parameter is not supported",
    });
  });

  it("gets a weekly CSV through the raw entry's openapi-fetch client", () => {
    expect(outcome.rawCall.status).toBe(200);
    // Response.text() decodes as UTF-8 and drops the byte-order mark, as the Encoding standard says.
    expect(outcome.rawCall.csvFirstLine).toBe(
      '"User","Project","Client","Mon 2026-10-05","Tue 2026-10-06","Wed 2026-10-07","Thu 2026-10-08","Fri 2026-10-09","Sat 2026-10-10","Sun 2026-10-11","Total"',
    );
  });

  it('starts the mock server from its library entry with a dataset of its own, and computes the files from it', () => {
    const { url, weeklyLines, detailedCsv, otherWorkspace } = outcome.libraryServer;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe(mock.url);
    expect(weeklyLines[1]).toBe('"Ada Lovelace","Engine","","01:30:00","00:30:00","","","","","","02:00:00"');
    // 1.5 billable hours at the project's 120 EUR; the other entry is not billable, so its amount is empty.
    expect(detailedCsv).toContain('"Amount (EUR)"');
    expect(detailedCsv).toContain(
      '"Ada Lovelace","ada@example.com","","Engine","","Notes","Yes","2026-10-05","09:00:00","2026-10-05","10:30:00","01:30:00","","180.00"',
    );
    expect(detailedCsv).toContain('"No","2026-10-06","14:00:00","2026-10-06","14:30:00","00:30:00","",""');
    expect(otherWorkspace).toEqual({ status: 403, serverMessage: 'Workspace not found/accessible' });
    // Its journal, read in process and through the control entry, holds the same three requests.
    expect(outcome.libraryServer.journal).toEqual({ inProcess: [200, 200, 403], overHttp: [200, 200, 403] });
  });

  it("computes, with the report engine's entry, the file the mock serves for the same dataset, and writes XLSX and PDF", () => {
    expect(outcome.engine).toEqual({ ok: true, sameBytesAsTheMock: true, xlsxStart: 'PK\x03\x04', pdfStart: '%PDF-' });
  });

  it('has a client method for every operation in the packed spec', () => {
    expect(outcome.specOperations).toBeGreaterThan(0);
    expect(outcome.specOperationsWithoutMethod).toEqual([]);
  });
});
