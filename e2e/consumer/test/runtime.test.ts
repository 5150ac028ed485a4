// Consumer's-eye: the packed packages, installed with npm, run by plain Node from an ES module and
// from a CommonJS script, against the packed mock server started through its bin.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { run } from './consumer-project.ts';

const dir = inject('consumerDir');
const installed = (...parts: string[]) => path.join(dir, 'node_modules', '@toggl-exports', ...parts);

interface Mock {
  child: ChildProcess;
  url: string;
}

/** `toggl-exports-mock --port 0` from the project's node_modules/.bin; resolves once it prints its URL. */
function startMockBin(): Promise<Mock> {
  const child = spawn(path.join(dir, 'node_modules', '.bin', 'toggl-exports-mock'), ['--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /Toggl exports mock server: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`toggl-exports-mock exited with ${code} before printing its URL:\n${output}`)));
  });
}

interface SavedFile {
  operationId: string;
  format: string;
  contentType: string;
  filename: string;
  saved: string;
}

interface Outcome {
  entryFiles: string[];
  files: SavedFile[];
  error: Record<string, unknown>;
  rawCall: { status: number; csvFirstLine: string };
  libraryServer: { url: string; csvFirstLine: string };
  specOperations: number;
  specOperationsWithoutMethod: string[];
}

interface Fixture {
  operationId: string;
  mediaType: string;
  filename: string;
  file: string;
}

/** The packed mock's manifest of sample files, read once for the whole file. */
let fixtures: Promise<Fixture[]> | undefined;
const mockFixtures = () =>
  (fixtures ??= readFile(installed('mock-server', 'generated', 'fixtures.json'), 'utf8').then(
    (text) => (JSON.parse(text) as { fixtures: Fixture[] }).fixtures,
  ));

/** The sample file the packed mock serves for an operation and media type, per its manifest. */
async function sampleFile(operationId: string, mediaType: string): Promise<{ filename: string; bytes: Buffer }> {
  const entry = (await mockFixtures()).find((fixture) => fixture.operationId === operationId && fixture.mediaType === mediaType);
  if (!entry) throw new Error(`the mock has no sample file for ${operationId} ${mediaType}`);
  return { filename: entry.filename, bytes: await readFile(installed('mock-server', 'generated', entry.file)) };
}

const magic: Record<string, (bytes: Buffer) => boolean> = {
  csv: (bytes) => bytes.toString('utf8').startsWith('User,'),
  xlsx: (bytes) => bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')),
  pdf: (bytes) => bytes.subarray(0, 5).toString('latin1') === '%PDF-',
};

let mock: Mock;
beforeAll(async () => {
  mock = await startMockBin();
});
afterAll(async () => {
  if (mock?.child.exitCode !== null) return;
  const exited = new Promise((resolve) => mock.child.once('exit', resolve));
  mock.child.kill('SIGTERM');
  await exited;
});

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
      'openapi/openapi.json',
    ]);
  });

  it('downloads a CSV, an XLSX and two PDFs (one saved by the Node entry) byte for byte as the mock serves them', async () => {
    expect(outcome.files.map(({ operationId, format }) => `${operationId} ${format}`)).toEqual([
      'exportDetailedReport csv',
      'exportSummaryReport xlsx',
      'exportWeeklyReportPdf pdf',
      'exportDetailedReportPdf pdf',
    ]);
    for (const file of outcome.files) {
      const sample = await sampleFile(file.operationId, file.contentType);
      const bytes = await readFile(file.saved);
      expect(magic[file.format]!(bytes), `${file.saved} looks like ${file.format}`).toBe(true);
      expect(bytes.equals(sample.bytes), `${file.saved} has the sample's bytes`).toBe(true);
      expect(file.filename).toBe(sample.filename);
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
    expect(outcome.rawCall.csvFirstLine).toMatch(/^User,Project,Client,Mon \d{4}-\d{2}-\d{2},/);
  });

  it("starts the mock server from its library entry and gets a weekly CSV from it", () => {
    expect(outcome.libraryServer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(outcome.libraryServer.url).not.toBe(mock.url);
    expect(outcome.libraryServer.csvFirstLine).toMatch(/^User,Project,Client,Mon \d{4}-\d{2}-\d{2},/);
  });

  it('has a client method for every operation in the packed spec', () => {
    expect(outcome.specOperations).toBeGreaterThan(0);
    expect(outcome.specOperationsWithoutMethod).toEqual([]);
  });
});
