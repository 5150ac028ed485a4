// The hint a network error carries in a browser when the URL is on another origin than the page:
// a blocked cross-origin (CORS) request fails with the same message as a dropped connection.
// Node has no `location`, so the page is stood in for with a stubbed one; test/browser.test.ts
// checks the same in Chromium against the mock server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTogglExportsClient, type RetryEvent, TogglNetworkError } from '../src/index.js';

const body = { start_date: '2026-10-05', end_date: '2026-10-11' };

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A call whose fetch always rejects with `thrown`, from a page at `pageOrigin` (none: not a browser). */
async function failure(
  thrown: unknown,
  { pageOrigin, baseUrl = 'https://api.example.test', retries = 0 } = {} as {
    pageOrigin?: string;
    baseUrl?: string;
    retries?: number;
  },
) {
  if (pageOrigin !== undefined) vi.stubGlobal('location', { origin: pageOrigin });
  const events: RetryEvent[] = [];
  let calls = 0;
  const client = createTogglExportsClient(
    { apiToken: 'a-token-of-32-characters-0123456' },
    {
      baseUrl,
      retry: { retries, baseDelayMs: 1, maxDelayMs: 1, onRetry: (event) => events.push(event) },
      fetch: async () => {
        calls++;
        throw thrown;
      },
    },
  );
  const error = await client.exportWeeklyReportCsv({ workspaceId: 1, body }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TogglNetworkError);
  return { error: error as TogglNetworkError, events, calls };
}

const hint = /blocked cross-origin \(CORS\) request/;

describe('the CORS hint of a network error in a browser', () => {
  it.each([
    ['Chromium', 'Failed to fetch'],
    ['Firefox', 'NetworkError when attempting to fetch resource.'],
    ['Safari', 'Load failed'],
  ])("names CORS and the page's origin for %s's message", async (_browser, message) => {
    const { error } = await failure(new TypeError(message), { pageOrigin: 'http://localhost:5173' });
    expect(error.message).toBe(
      `exportWeeklyReportCsv could not reach Toggl: ${message}. A browser also reports a blocked cross-origin (CORS) request this way: ` +
        'https://api.example.test must allow the origin http://localhost:5173',
    );
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('is left out when the URL is on the page’s own origin', async () => {
    const { error } = await failure(new TypeError('Failed to fetch'), {
      pageOrigin: 'http://localhost:5173',
      baseUrl: 'http://localhost:5173/toggl',
    });
    expect(error.message).toBe('exportWeeklyReportCsv could not reach Toggl: Failed to fetch');
  });

  it('is left out without a page, and for errors browsers do not give blocked requests', async () => {
    expect((await failure(new TypeError('Failed to fetch'))).error.message).not.toMatch(hint);
    // Deno has a `location` when run with --location, and does not apply CORS.
    const denoError = new TypeError('error sending request for url (https://api.example.test/): connection refused');
    expect((await failure(denoError, { pageOrigin: 'http://localhost:5173' })).error.message).toBe(
      'exportWeeklyReportCsv could not reach Toggl: error sending request for url (https://api.example.test/): connection refused',
    );
  });

  it('is retried like any network error: the browser does not say which one it was', async () => {
    const { error, events, calls } = await failure(new TypeError('Failed to fetch'), { pageOrigin: 'http://localhost:5173', retries: 2 });
    expect(calls).toBe(3);
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(hint);
    expect(error.message.endsWith('must allow the origin http://localhost:5173 (after 3 attempts)')).toBe(true);
    expect(events.map((event) => event.error.message)).toEqual([expect.stringMatching(hint), expect.stringMatching(hint)]);
  });
});
