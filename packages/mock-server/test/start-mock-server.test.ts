import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startMockServer, UnreadableFileError } from '../src/index.ts';
import { mockUrlEnv } from '../src/vitest.ts';
import { basicAuth, mockUrl } from './http.ts';
import { byOperation } from './spec.ts';

const detailedCsv = byOperation('exportDetailedReport', 'text/csv');
const download = (url: string) =>
  fetch(`${url}${detailedCsv.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basicAuth('a@b.c', 'pw') },
    body: '{"start_date":"2026-10-01"}',
  });

describe('startMockServer', () => {
  it('listens on a free port with port 0, and close() stops it', async () => {
    const server = await startMockServer({ port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toBe('http://127.0.0.1:0');
    expect((await download(server.url)).status).toBe(200);
    await server.close();
    await expect(download(server.url)).rejects.toThrow();
  });

  it('runs several servers side by side, and closes with keep-alive connections open', async () => {
    const [first, second] = await Promise.all([startMockServer({ port: 0 }), startMockServer({ port: 0 })]);
    expect(first.url).not.toBe(second.url);
    const [a, b] = await Promise.all([download(first.url), download(second.url)]);
    expect(Buffer.from(await a.arrayBuffer())).toEqual(Buffer.from(await b.arrayBuffer()));
    await Promise.all([first.close(), second.close()]);
  });

  it('rejects an invalid port', async () => {
    await expect(startMockServer({ port: 70_000 })).rejects.toThrow('Invalid port 70000: use 0 to 65535');
    await expect(startMockServer({ port: 1.5 })).rejects.toThrow(RangeError);
  });

  it('rejects a data or docs file it cannot read, naming the option, the file and why', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mock-files-'));
    try {
      const missing = path.join(dir, 'missing.json');
      await expect(startMockServer({ port: 0, data: missing })).rejects.toThrow(`cannot read options.data file '${missing}': no such file`);
      const unreadable = startMockServer({ port: 0, data: missing });
      await expect(unreadable).rejects.toBeInstanceOf(UnreadableFileError);
      await expect(unreadable).rejects.toMatchObject({ option: 'data', file: missing, reason: 'no such file' });
      await expect(startMockServer({ port: 0, docs: dir })).rejects.toThrow(
        `cannot read options.docs file '${dir}': it is a folder, not a file`,
      );
      // The docs file is read first: a bad one is reported before the dataset's (slower) check.
      await expect(startMockServer({ port: 0, docs: missing, data: { workspaces: [] } })).rejects.toThrow(
        `cannot read options.docs file '${missing}': no such file`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('logs one line per request when asked', async () => {
    const lines: string[] = [];
    const server = await startMockServer({ port: 0, log: (line) => lines.push(line) });
    await download(server.url);
    await server.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^POST ${detailedCsv.path.replace(/\./g, '\\.')} 200 \\d+\\.\\dms$`));
  });

  it('keeps serving after a client hangs up halfway through a body', async () => {
    const { port } = new URL(mockUrl);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST ${detailedCsv.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"start_`,
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    expect((await download(mockUrl)).status).toBe(200);
  });
});

describe('vitest global setup', () => {
  it('hands tests the URL by inject and by environment variable', async () => {
    expect(inject('togglExportsMockUrl')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env[mockUrlEnv]).toBe(inject('togglExportsMockUrl'));
    expect((await download(inject('togglExportsMockUrl'))).status).toBe(200);
  });
});
