// Runs the built main and raw entries (dist/index.js, dist/raw.js) in headless Chromium: they must need nothing but web APIs.
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromiumPath = process.env.CHROMIUM_PATH ?? execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const openapiFetch = createRequire(import.meta.url)
  .resolve('openapi-fetch')
  .replace(/index\.cjs$/, 'index.mjs');
const dist = new URL('../dist/', import.meta.url);

const page = `<!doctype html>
<script type="importmap">{ "imports": { "@toggl-exports/client": "/client/index.js", "@toggl-exports/client/raw": "/client/raw.js", "openapi-fetch": "/openapi-fetch.js" } }</script>
<script type="module">
  import { createTogglExportsClient, TogglApiError } from '@toggl-exports/client';
  import { rawClient } from '@toggl-exports/client/raw';
  const toggl = createTogglExportsClient({ apiToken: 'browser-token' }, { baseUrl: location.origin, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
  const body = { start_date: '2026-10-05', end_date: '2026-10-11' };
  const file = await toggl.exportWeeklyReportCsv({ workspaceId: 1, body });
  const chunks = [];
  for (const reader = file.stream().getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(...value);
  }
  const error = await toggl.exportWeeklyReportPdf({ workspaceId: 1, body }).catch((e) => e);
  const raw = await rawClient(toggl).POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
    params: { path: { workspace_id: 2 } },
    body,
    parseAs: 'text',
  });
  window.result = {
    text: new TextDecoder().decode(new Uint8Array(chunks)),
    filename: file.filename,
    errorIsApiError: error instanceof TogglApiError,
    reason: error.reason,
    rawText: raw.data,
  };
</script>`;

describe('in a browser', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  const apiRequests: { url: string; authorization: string | undefined; accept: string | undefined }[] = [];

  beforeAll(async () => {
    const files: Record<string, [string, string]> = {
      '/': ['text/html', page],
      '/client/index.js': ['text/javascript', await readFile(new URL('index.js', dist), 'utf8')],
      '/client/raw.js': ['text/javascript', await readFile(new URL('raw.js', dist), 'utf8')],
      '/openapi-fetch.js': ['text/javascript', await readFile(openapiFetch, 'utf8')],
    };
    // The chunks the entries share.
    for (const chunk of (await readdir(dist)).filter((name) => /^chunk-.*\.js$/.test(name))) {
      files[`/client/${chunk}`] = ['text/javascript', await readFile(new URL(chunk, dist), 'utf8')];
    }
    let served429 = false;
    server = createServer((request, response) => {
      const file = files[request.url ?? ''];
      if (file) return void response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
      if (!request.url?.startsWith('/reports/')) return void response.writeHead(404).end();
      apiRequests.push({ url: request.url ?? '', authorization: request.headers.authorization, accept: request.headers.accept });
      if (request.url?.endsWith('.csv')) {
        if (!served429) {
          served429 = true;
          return void response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end('"Too Many Requests"');
        }
        return void response
          .writeHead(200, { 'content-type': 'text/csv', 'content-disposition': "attachment; filename*=UTF-8''Woche%2041.csv" })
          .end('user,hours\nAda,40\n');
      }
      response.writeHead(402, { 'content-type': 'application/json' }).end('"Workspace needs to have this feature enabled"');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('exports a file, retries a 429, reports a 402 and makes a raw call, with only web APIs', async () => {
    const tab = await browser.newPage();
    const pageErrors: string[] = [];
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(`${origin}/`);
    const result = await tab
      .waitForFunction(() => (window as { result?: unknown }).result, null, { timeout: 20_000 })
      .then((handle) => handle.jsonValue());
    expect(pageErrors).toEqual([]);
    expect(result).toEqual({
      text: 'user,hours\nAda,40\n',
      filename: 'Woche 41.csv',
      errorIsApiError: true,
      reason: 'feature_not_enabled',
      rawText: 'user,hours\nAda,40\n',
    });
    const authorization = `Basic ${Buffer.from('browser-token:api_token').toString('base64')}`;
    expect(apiRequests).toEqual([
      { url: '/reports/api/v3/workspace/1/weekly/time_entries.csv', authorization, accept: 'text/csv' },
      { url: '/reports/api/v3/workspace/1/weekly/time_entries.csv', authorization, accept: 'text/csv' },
      { url: '/reports/api/v3/workspace/1/weekly/time_entries.pdf', authorization, accept: 'application/pdf' },
      { url: '/reports/api/v3/workspace/2/weekly/time_entries.csv', authorization, accept: '*/*' },
    ]);
  }, 60_000);
});
