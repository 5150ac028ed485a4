// The client in headless Chromium, used the way a web app uses it: a small app (test/browser-app/main.js)
// imports the built package by its name (dist/, through package.json's exports) and is bundled by
// esbuild for the browser; a static server serves it on one origin, and it calls real mock servers
// (@toggl-exports/mock-server) on others, so every request is cross-origin and goes through CORS.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JournalEntry, type MockServer, startMockServer } from '@toggl-exports/mock-server';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filenameFromContentDisposition } from '../src/content-disposition.js';
import { exportOperations } from '../src/generated/operations.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const apiToken = 'browser-app-token-0123456789abcdef';
const body = { start_date: '2026-10-05', end_date: '2026-10-11' };

/** The three downloads the app makes, as Node asks the mock for them: path and Accept. */
const downloads = {
  csv: { path: '/reports/api/v3/workspace/1/search/time_entries.csv', accept: exportOperations.exportDetailedReport.formats.csv },
  xlsx: { path: '/reports/api/v3/workspace/1/summary/time_entries.xlsx', accept: exportOperations.exportSummaryReport.formats.xlsx },
  pdf: { path: '/reports/api/v3/workspace/1/weekly/time_entries.pdf', accept: exportOperations.exportWeeklyReportPdf.formats.pdf },
};
const signatures = { csv: [0xef, 0xbb, 0xbf, 0x22], xlsx: [0x50, 0x4b, 0x03, 0x04], pdf: [0x25, 0x50, 0x44, 0x46] }; // BOM + '"', PK.., %PDF

interface FileSeen {
  filename: string;
  contentType: string;
  size: number;
  signature: number[];
  sha256: string;
}
interface ErrorSeen {
  name: string;
  isApiError: boolean;
  isNetworkError: boolean;
  message: string;
  reason?: string;
  status?: number;
  attempts: number;
  retryAfterSeconds?: number;
  quotaRemaining?: number;
  quotaResetsInSeconds?: number;
}
interface AppResult {
  failed?: string;
  files: Record<keyof typeof downloads, FileSeen> & { raw: { status: number; firstLine: string } };
  rateLimited: { refused: ErrorSeen; retriedAfterMs: number; retriedSize: number };
  quota: { headers: { remaining: string | null; resetsIn: string | null }; refused: ErrorSeen };
  blocked: ErrorSeen;
}

/** The app, bundled as a user's build would bundle it: from a project whose node_modules holds the client. */
async function bundleApp(folder: string) {
  const app = path.join(folder, 'app');
  await mkdir(path.join(app, 'node_modules', '@toggl-exports'), { recursive: true });
  await symlink(packageDir, path.join(app, 'node_modules', '@toggl-exports', 'client'), 'dir');
  await copyFile(fileURLToPath(new URL('browser-app/main.js', import.meta.url)), path.join(app, 'main.js'));
  const result = await build({
    absWorkingDir: app,
    entryPoints: ['main.js'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // esbuild follows the symlink, as it does for pnpm's: the inputs are the package's real files.
  const inputs = Object.keys(result.metafile.inputs).map((input) =>
    path.relative(packageDir, path.resolve(app, input)).replaceAll('\\', '/'),
  );
  return { code: result.outputFiles[0]?.text ?? '', inputs };
}

/** What Node's own fetch gets from the mock for the same request the app makes. */
async function nodeDownload(mock: MockServer, { path: urlPath, accept }: { path: string; accept: string }) {
  const response = await fetch(mock.url + urlPath, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${apiToken}:api_token`).toString('base64')}`,
      accept,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    filename: filenameFromContentDisposition(response.headers.get('content-disposition')),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

const requestsOf = (mock: MockServer, method: string) => mock.requests({ method, path: '/reports/*' });

describe('in a browser, bundled into an app on another origin than the API', () => {
  let folder: string;
  let browser: Browser;
  let pageServer: Server;
  let appOrigin: string;
  let bundle: { code: string; inputs: string[] };
  const mocks: MockServer[] = [];
  let files: MockServer;
  let rateLimited: MockServer;
  let quota: MockServer;
  let blocked: MockServer;
  let result: AppResult;
  const fromNode: Partial<Record<keyof typeof downloads, Awaited<ReturnType<typeof nodeDownload>>>> = {};

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(path.join(tmpdir(), 'client-browser-app-')));
    bundle = await bundleApp(folder);
    const start = async (options: Parameters<typeof startMockServer>[0]) => {
      const mock = await startMockServer({ port: 0, ...options });
      mocks.push(mock);
      return mock;
    };
    files = await start({}); // CORS for any origin, the default
    rateLimited = await start({ rateLimit: true }); // Toggl's one request a second
    quota = await start({ quota: { limit: 1 } });
    blocked = await start({ corsOrigins: ['http://some-other-origin.test'] });
    for (const [format, download] of Object.entries(downloads))
      fromNode[format as keyof typeof downloads] = await nodeDownload(files, download);
    files.resetRequests();

    const config = JSON.stringify({ apiToken, files: files.url, rateLimited: rateLimited.url, quota: quota.url, blocked: blocked.url });
    const page = `<!doctype html>\n<script type="application/json" id="config">${config}</script>\n<script type="module" src="/app.js"></script>\n`;
    pageServer = createServer((request, response) => {
      if (request.url === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      if (request.url === '/app.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.code);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    appOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;

    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(`${appOrigin}/`);
    result = (await tab
      .waitForFunction(() => (window as { result?: unknown }).result, null, { timeout: 30_000 })
      .then((handle) => handle.jsonValue())) as AppResult;
    expect(pageErrors).toEqual([]);
    expect(result.failed).toBeUndefined();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    pageServer?.closeAllConnections();
    await new Promise((resolve) => pageServer?.close(resolve));
    await Promise.all(mocks.map((mock) => mock.close()));
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('bundles the built package entries, not the sources, and nothing of Node', () => {
    const { inputs } = bundle;
    expect(inputs).toContain('dist/index.js');
    expect(inputs).toContain('dist/raw.js');
    expect(inputs.some((input) => input.includes('/openapi-fetch/'))).toBe(true);
    expect(inputs.filter((input) => input.startsWith('src/') || input === 'dist/node.js')).toEqual([]);
  });

  it('downloads CSV, XLSX and PDF with the same bytes Node gets, and the name from Content-Disposition', () => {
    for (const format of ['csv', 'xlsx', 'pdf'] as const) {
      const seen = result.files[format];
      const expected = fromNode[format];
      expect(seen.signature, format).toEqual(signatures[format]);
      expect(seen.contentType, format).toContain(downloads[format].accept);
      expect({ filename: seen.filename, size: seen.size, sha256: seen.sha256 }, format).toEqual(expected);
      // The mock's name, which the page can read only because the header is exposed, not the client's fallback.
      expect(seen.filename, format).toMatch(/^TogglTrack_Report_.*\.\w+$/);
    }
    expect(result.files.raw).toEqual({ status: 200, firstLine: expect.stringContaining('User') });
  });

  it("sent a preflight for each export, then the export itself, from the app's origin", () => {
    const posts = requestsOf(files, 'POST');
    const preflights = requestsOf(files, 'OPTIONS');
    expect(posts.map((entry) => entry.path)).toEqual([
      downloads.csv.path,
      downloads.xlsx.path,
      downloads.pdf.path,
      '/reports/api/v3/workspace/1/weekly/time_entries.csv',
    ]);
    for (const post of posts) {
      expect(post).toMatchObject({ status: 200, credentials: 'api_token', body, headers: { origin: appOrigin } });
      const preflight = preflights.find((entry) => entry.path === post.path) as JournalEntry;
      expect(preflight).toMatchObject({ status: 204, headers: { origin: appOrigin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers['access-control-request-headers']?.split(',')).toEqual(
        expect.arrayContaining(['authorization', 'content-type']),
      );
      expect(preflight.sequence).toBeLessThan(post.sequence);
    }
  });

  it('reads Retry-After on a 429 from the rate limit, and waits it out when retries are on', () => {
    expect(result.rateLimited.refused).toMatchObject({
      name: 'TogglApiError',
      isApiError: true,
      status: 429,
      reason: 'rate_limited',
      attempts: 1,
      retryAfterSeconds: 1,
    });
    expect(result.rateLimited.retriedAfterMs).toBeGreaterThanOrEqual(950);
    expect(result.rateLimited.retriedSize).toBeGreaterThan(0);
    const posts = requestsOf(rateLimited, 'POST');
    expect(posts.map((entry) => entry.status)).toEqual([200, 429, 429, 200]);
    expect(Date.parse(posts[3]!.receivedAt) - Date.parse(posts[2]!.receivedAt)).toBeGreaterThanOrEqual(990);
    expect(requestsOf(rateLimited, 'OPTIONS').length).toBeGreaterThanOrEqual(1);
  });

  it('reads the quota headers of a counted answer and of the 402 once the quota is used up, without retrying', () => {
    expect(result.quota.headers).toEqual({ remaining: '0', resetsIn: expect.stringMatching(/^\d+$/) });
    expect(result.quota.refused).toMatchObject({
      name: 'TogglApiError',
      status: 402,
      reason: 'quota_exhausted',
      attempts: 1,
      quotaRemaining: 0,
    });
    expect(result.quota.refused.quotaResetsInSeconds).toBeGreaterThan(3500); // an hour: beyond maxRetryAfterMs
    expect(requestsOf(quota, 'POST').map((entry) => entry.status)).toEqual([200, 402]);
  });

  it("names CORS and the app's origin when the server does not allow it, after the retries", () => {
    expect(result.blocked).toMatchObject({ name: 'TogglNetworkError', isNetworkError: true, attempts: 2 });
    expect(result.blocked.message).toMatch(/^exportWeeklyReportCsv could not reach Toggl: Failed to fetch\. /);
    expect(result.blocked.message).toContain('A browser also reports a blocked cross-origin (CORS) request this way');
    expect(result.blocked.message).toContain(`${blocked.url} must allow the origin ${appOrigin}`);
    expect(result.blocked.message).toMatch(/\(after 2 attempts\)$/);
    // The browser stopped at the preflight the mock answered without Access-Control-Allow-Origin: no export was sent.
    const journal = blocked.requests();
    expect(journal.map((entry) => [entry.method, entry.status])).toEqual([
      ['OPTIONS', 204],
      ['OPTIONS', 204],
    ]);
    expect(journal[0]?.headers.origin).toBe(appOrigin);
  });
});
