// A small web app, as a user would write it: it imports the client by its package name and is
// bundled by esbuild for the browser (test/browser.test.ts). It runs each case against the mock
// servers named in the page's config and leaves what it saw in `window.result` for the test.
import { createTogglExportsClient, TogglApiError, TogglNetworkError } from '@toggl-exports/client';
import { rawClient } from '@toggl-exports/client/raw';

const config = JSON.parse(document.getElementById('config').textContent);
const body = { start_date: '2026-10-05', end_date: '2026-10-11' };
const fast = { baseDelayMs: 1, maxDelayMs: 1 };

/** The SHA-256 of some bytes, in hex: what the test compares with Node's download of the same file. */
async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function describeFile(file, bytes) {
  return {
    filename: file.filename,
    contentType: file.contentType,
    size: bytes.byteLength,
    signature: Array.from(new Uint8Array(bytes.slice(0, 4))),
    sha256: await sha256(bytes),
  };
}

/** What a failed call rejected with, as plain data. */
function describeError(error) {
  return {
    name: error.name,
    isApiError: error instanceof TogglApiError,
    isNetworkError: error instanceof TogglNetworkError,
    message: error.message,
    reason: error.reason,
    status: error.status,
    attempts: error.attempts,
    retryAfterSeconds: error.retryAfterSeconds,
    quotaRemaining: error.quotaRemaining,
    quotaResetsInSeconds: error.quotaResetsInSeconds,
  };
}

const failure = (promise) => promise.then(() => ({ unexpected: 'the call succeeded' }), describeError);

async function files() {
  const toggl = createTogglExportsClient({ apiToken: config.apiToken }, { baseUrl: config.files, retry: fast });
  // CSV read as a stream, chunk by chunk.
  const csv = await toggl.exportDetailedReport({ workspaceId: 1, format: 'csv', body });
  const chunks = [];
  for (const reader = csv.stream().getReader(); ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const csvBytes = await new Blob(chunks).arrayBuffer();
  const xlsx = await toggl.exportSummaryReport({ workspaceId: 1, format: 'xlsx', body });
  const pdf = await toggl.exportWeeklyReportPdf({ workspaceId: 1, body });
  const raw = await rawClient(toggl).POST('/reports/api/v3/workspace/{workspace_id}/weekly/time_entries.csv', {
    params: { path: { workspace_id: 1 } },
    body,
    parseAs: 'text',
  });
  return {
    csv: await describeFile(csv, csvBytes),
    xlsx: await describeFile(xlsx, await xlsx.arrayBuffer()),
    pdf: await describeFile(pdf, await (await pdf.blob()).arrayBuffer()),
    raw: { status: raw.response.status, firstLine: raw.data.split('\n')[0] },
  };
}

async function rateLimited() {
  const once = createTogglExportsClient({ apiToken: config.apiToken }, { baseUrl: config.rateLimited, retry: false });
  const call = (client) => client.exportWeeklyReportCsv({ workspaceId: 1, body });
  await (await call(once)).text(); // takes the one request the rate limit allows at once
  const refused = await failure(call(once));
  // With retries, the client waits the Retry-After the browser let it read, then gets the file.
  const patient = createTogglExportsClient(
    { apiToken: config.apiToken },
    { baseUrl: config.rateLimited, retry: { ...fast, maxRetryAfterMs: 5000 } },
  );
  const started = performance.now();
  const retried = await call(patient);
  return { refused, retriedAfterMs: performance.now() - started, retriedSize: (await retried.arrayBuffer()).byteLength };
}

async function quota() {
  const toggl = createTogglExportsClient({ apiToken: config.apiToken }, { baseUrl: config.quota });
  const call = () => toggl.exportWeeklyReportCsv({ workspaceId: 1, body });
  const counted = await call();
  await counted.text();
  return {
    headers: {
      remaining: counted.headers.get('x-toggl-quota-remaining'),
      resetsIn: counted.headers.get('x-toggl-quota-resets-in'),
    },
    refused: await failure(call()),
  };
}

async function blocked() {
  const toggl = createTogglExportsClient({ apiToken: config.apiToken }, { baseUrl: config.blocked, retry: { ...fast, retries: 1 } });
  return failure(toggl.exportWeeklyReportCsv({ workspaceId: 1, body }));
}

try {
  window.result = { files: await files(), rateLimited: await rateLimited(), quota: await quota(), blocked: await blocked() };
} catch (error) {
  window.result = { failed: `${error.name}: ${error.message}` };
}
