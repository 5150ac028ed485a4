import { afterEach, describe, expect, it } from 'vitest';
import { createTogglExportsClient, ExportFile, TogglNetworkError } from '../src/index.js';
import { file, type Reply, startTestServer, type TestServer } from './support/test-server.js';

const body = { start_date: '2026-10-01', end_date: '2026-10-31' };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function download(reply: Reply) {
  server = await startTestServer(reply);
  const client = createTogglExportsClient({ apiToken: 't' }, { baseUrl: server.url, retry: false });
  return client.exportDetailedReport({ workspaceId: 1, format: 'csv', body });
}

describe('ExportFile', () => {
  it('takes its name from Content-Disposition and its type from Content-Type', async () => {
    const exported = await download(
      file('text/csv; charset=utf-8', 'a\n', {
        'content-disposition': 'attachment; filename="x.csv"; filename*=UTF-8\'\'Stunden%20M%C3%A4rz.csv',
        'x-toggl-quota-remaining': '41',
      }),
    );
    expect(exported).toBeInstanceOf(ExportFile);
    expect(exported.filename).toBe('Stunden März.csv');
    expect(exported.contentType).toBe('text/csv; charset=utf-8');
    expect(exported.format).toBe('csv');
    expect(exported.operationId).toBe('exportDetailedReport');
    expect(exported.headers.get('x-toggl-quota-remaining')).toBe('41');
  });

  it('falls back to a name made from the report and the format', async () => {
    expect((await download(file('text/csv', 'a\n'))).filename).toBe('detailed-report.csv');
    await server?.close();
    server = await startTestServer(file('application/pdf', '%PDF'));
    const client = createTogglExportsClient({}, { baseUrl: server.url });
    expect((await client.exportSavedReportPdf({ reportToken: 'x' })).filename).toBe('saved-report.pdf');
  });

  it.each([
    ['text', (exported: ExportFile) => exported.text(), 'a,b\n1,2\n'],
    ['arrayBuffer', async (exported: ExportFile) => new TextDecoder().decode(await exported.arrayBuffer()), 'a,b\n1,2\n'],
    ['blob', async (exported: ExportFile) => (await exported.blob()).text(), 'a,b\n1,2\n'],
    ['stream', async (exported: ExportFile) => new Response(exported.stream()).text(), 'a,b\n1,2\n'],
  ])('reads the body with %s() once; a second read of any kind throws a clear error', async (how, read, expected) => {
    const exported = await download(file('text/csv', 'a,b\n1,2\n'));
    expect(exported.bodyUsed).toBe(false);
    expect(await read(exported)).toBe(expected);
    expect(exported.bodyUsed).toBe(true);
    const again = `The body of detailed-report.csv was already read with ${how}(); an export file can be read once, so keep what the first read returned.`;
    expect(() => exported.stream()).toThrow(again);
    await expect(exported.text()).rejects.toThrow(again);
    await expect(exported.arrayBuffer()).rejects.toThrow(again);
    await expect(exported.blob()).rejects.toThrow(again);
  });

  it('keeps the bytes of a binary file intact', async () => {
    const bytes = new Uint8Array(256).map((_, index) => index);
    const exported = await download(file('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes));
    expect(new Uint8Array(await exported.arrayBuffer())).toEqual(bytes);
  });

  it('streams: the first chunk can be read before the server has sent the rest', async () => {
    let sendRest: () => void = () => {};
    const exported = await download(async (_, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('header,row\n');
      await new Promise<void>((resolve) => (sendRest = resolve));
      response.end('last,row\n');
    });
    const reader = exported.stream().getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('header,row\n');
    sendRest();
    const chunks: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(new TextDecoder().decode(next.value));
    expect(chunks.join('')).toBe('last,row\n');
  });

  it('fails with a TogglNetworkError when the download is cut off', async () => {
    const exported = await download((_, response) => {
      response.writeHead(200, { 'content-type': 'text/csv', 'content-length': '1000' });
      response.write('only part of it');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const error = await exported.text().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TogglNetworkError);
    expect((error as Error).message).toMatch(/^exportDetailedReport could not reach Toggl: the file was cut off while downloading/);
    // The platform's error, kept as the cause since it mentions no credential.
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});
