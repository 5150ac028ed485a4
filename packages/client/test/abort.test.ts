import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createTogglExportsClient, type TogglExportsClientOptions, TogglTimeoutError } from '../src/index.js';
import { file, hang, json, type Reply, rejection, startTestServer, type TestServer } from './support/test-server.js';

const body = { start_date: '2026-10-01', end_date: '2026-10-31' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Resolves once the server has received `count` requests. */
async function requestsArrived(count: number): Promise<void> {
  while ((server?.requests.length ?? 0) < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function clientFor(replies: Reply[], options: TogglExportsClientOptions = {}) {
  server = await startTestServer(...replies);
  return createTogglExportsClient({ apiToken: 't' }, { baseUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 1 }, ...options });
}

describe('abort', () => {
  it('rejects with the signal reason and sends nothing when the signal is already aborted', async () => {
    const client = await clientFor([file('text/csv', 'ok')]);
    const reason = new Error('user left the page');
    const error = await rejection(client.exportWeeklyReportPdf({ workspaceId: 1, body, signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    expect(server?.requests).toHaveLength(0);
  });

  it('aborts a request in flight', async () => {
    const client = await clientFor([hang]);
    const controller = new AbortController();
    const call = rejection(client.exportWeeklyReportPdf({ workspaceId: 1, body, signal: controller.signal }));
    await requestsArrived(1);
    controller.abort();
    const error = (await call) as DOMException;
    expect(error.name).toBe('AbortError');
    expect(server?.requests).toHaveLength(1);
  });

  it('aborts during the wait before a retry, without sending the retry', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const waits: number[] = [];
    const client = await clientFor([json(429, 'Too Many Requests', { 'retry-after': '30' }), file('text/csv', 'ok')], {
      retry: {
        maxRetryAfterMs: 60_000,
        onRetry: ({ delayMs }) => {
          waits.push(delayMs);
          setTimeout(() => controller.abort(reason), 20);
        },
      },
    });
    const error = await rejection(client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: controller.signal }));
    expect(error).toBe(reason);
    expect(waits).toEqual([30_000]);
    expect(server?.requests).toHaveLength(1);
  });

  it('does not start a wait when the signal aborts just before it', async () => {
    const controller = new AbortController();
    const client = await clientFor([json(503, 'down')], {
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, onRetry: () => controller.abort() },
    });
    const error = await rejection(client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: controller.signal }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(server?.requests).toHaveLength(1);
  });

  it('aborts while the file is being read', async () => {
    let release: () => void = () => {};
    const slowFile: Reply = async (_, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('first,row\n');
      await new Promise<void>((resolve) => (release = resolve));
      response.end('second,row\n');
    };
    const client = await clientFor([slowFile]);
    const controller = new AbortController();
    const exported = await client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: controller.signal });
    const reader = exported.stream().getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first,row\n');
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    release();
  });
});

describe('a long-lived caller signal', () => {
  it.each([60_000, false] as const)('aborts the file being read with its own reason (timeout %s)', async (timeout) => {
    let release: () => void = () => {};
    const slowFile: Reply = async (_, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('first,row\n');
      await new Promise<void>((resolve) => (release = resolve));
      response.end();
    };
    const client = await clientFor([slowFile], { timeout });
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const exported = await client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: controller.signal });
    const reading = exported.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
    release();
  });

  it('keeps no listeners on it once calls are done, however their files were read', async () => {
    const client = await clientFor(
      [file('text/csv', 'a,b\n'), file('text/csv', 'a,b\n'), file('text/csv', 'a,b\n'), json(400, 'Invalid workspace id')],
      {
        retry: false,
      },
    );
    const shutdown = new AbortController().signal;
    await (await client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: shutdown })).text();
    await new Response((await client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: shutdown })).stream()).text();
    await (await client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: shutdown })).stream().cancel();
    await expect(client.exportWeeklyReportCsv({ workspaceId: 1, body, signal: shutdown })).rejects.toThrow('Invalid workspace id');
    expect(getEventListeners(shutdown, 'abort')).toHaveLength(0);
  });
});

describe('timeout', () => {
  it('fails with a TogglTimeoutError when no response comes in time', async () => {
    const client = await clientFor([hang], { timeout: 100 });
    const error = await rejection(client.exportDetailedReportPdf({ workspaceId: 1, body }));
    expect(error).toBeInstanceOf(TogglTimeoutError);
    expect((error as TogglTimeoutError).timeoutMs).toBe(100);
    expect((error as Error).message).toBe('exportDetailedReportPdf got no response within its timeout of 100 ms');
  });

  it('takes a per-call timeout over the client one', async () => {
    const client = await clientFor([hang], { timeout: false });
    const error = await rejection(client.exportDetailedReportPdf({ workspaceId: 1, body, timeout: 50 }));
    expect((error as TogglTimeoutError).timeoutMs).toBe(50);
  });

  it('counts waits between retries against the timeout', async () => {
    const waits: number[] = [];
    const client = await clientFor([json(429, 'Too Many Requests', { 'retry-after': '30' })], {
      timeout: 200,
      retry: { onRetry: ({ delayMs }) => waits.push(delayMs) },
    });
    const error = await rejection(client.exportDetailedReportPdf({ workspaceId: 1, body }));
    expect(error).toBeInstanceOf(TogglTimeoutError);
    expect(waits).toEqual([30_000]);
    expect(server?.requests).toHaveLength(1);
  });

  it('does not cut off a download that outlives the timeout once the response has started', async () => {
    const slowBody: Reply = async (_, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('a\n');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      response.end('b\n');
    };
    // Generous, so that a busy machine still gets the headers in time; the body then takes longer.
    const client = await clientFor([slowBody], { timeout: 1_000 });
    const exported = await client.exportWeeklyReportCsv({ workspaceId: 1, body });
    expect(await exported.text()).toBe('a\nb\n');
  });

  it('works together with a caller signal', async () => {
    const client = await clientFor([hang]);
    const controller = new AbortController();
    const error = await rejection(client.exportDetailedReportPdf({ workspaceId: 1, body, timeout: 50, signal: controller.signal }));
    expect(error).toBeInstanceOf(TogglTimeoutError);
  });

  it('rejects an unusable per-call timeout', async () => {
    const client = await clientFor([file('text/csv', 'ok')]);
    await expect(client.exportDetailedReportPdf({ workspaceId: 1, body, timeout: -1 })).rejects.toThrow(
      'exportDetailedReportPdf() timeout is -1; use a whole number from 1 to 2147483647.',
    );
  });
});
