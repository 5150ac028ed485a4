import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as nodeEntry from '../src/node.js';
import { createTogglExportsClient, NodeExportFile, TogglNetworkError } from '../src/node.js';
import { file, type Reply, startTestServer, type TestServer } from './support/test-server.js';

const body = { start_date: '2026-10-01', end_date: '2026-10-31' };
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const folder = mkdtemp(path.join(tmpdir(), 'toggl-exports-save-'));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => rm(await folder, { recursive: true, force: true }));

async function download(reply: Reply, apiToken = 't') {
  server = await startTestServer(reply);
  const client = createTogglExportsClient({ apiToken }, { baseUrl: server.url, retry: false });
  return client.exportProfitabilityProjects({ workspaceId: 1, format: 'xlsx', body });
}

describe('@toggl-exports/client/node', () => {
  it('re-exports the main entry, with a client whose files can save themselves', () => {
    const nodeExports = new Map(Object.entries(nodeEntry));
    for (const [name, value] of Object.entries(main)) {
      if (name !== 'createTogglExportsClient') expect(nodeExports.get(name)).toBe(value);
    }
    expect(NodeExportFile.prototype).toBeInstanceOf(main.ExportFile);
  });

  it('saveTo writes exactly the bytes the server sent', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const exported = await download(file(xlsx, bytes, { 'content-disposition': 'attachment; filename="projects.xlsx"' }));
    expect(exported).toBeInstanceOf(NodeExportFile);
    const target = path.join(await folder, exported.filename);
    await exported.saveTo(target);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    await expect(exported.text()).rejects.toThrow('already read with saveTo()');
  });

  it('saveTo writes while the download is still coming in', async () => {
    const first = randomBytes(256 * 1024);
    const rest = randomBytes(256 * 1024);
    let sendRest: () => void = () => {};
    const exported = await download(async (_, response) => {
      response.writeHead(200, { 'content-type': xlsx });
      response.write(first);
      await new Promise<void>((resolve) => (sendRest = resolve));
      response.end(rest);
    });
    const target = path.join(await folder, 'streamed.xlsx');
    const saving = exported.saveTo(target);
    while (((await stat(target).catch(() => undefined))?.size ?? 0) < first.length) await new Promise((resolve) => setTimeout(resolve, 5));
    sendRest();
    await saving;
    expect((await readFile(target)).equals(Buffer.concat([first, rest]))).toBe(true);
  });

  it('saveTo replaces an existing file', async () => {
    const target = path.join(await folder, 'replaced.csv');
    await writeFile(target, 'old contents that are longer than the new ones');
    await (await download(file('text/csv', 'new\n'))).saveTo(target);
    expect(await readFile(target, 'utf8')).toBe('new\n');
  });

  it('saveTo removes the partial file and fails with a TogglNetworkError when the download is cut off', async () => {
    const exported = await download((_, response) => {
      response.writeHead(200, { 'content-type': xlsx, 'content-length': String(1024 * 1024) });
      response.write(randomBytes(64 * 1024));
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const target = path.join(await folder, 'cut-off.xlsx');
    const error = await exported.saveTo(target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TogglNetworkError);
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('saveTo creates the folders the path needs', async () => {
    const bytes = randomBytes(128 * 1024);
    const exported = await download(file(xlsx, bytes, { 'content-disposition': 'attachment; filename="projects.xlsx"' }));
    const target = path.join(await folder, 'new', 'reports', '2026-10', exported.filename);
    await exported.saveTo(target);
    expect((await readFile(target)).equals(bytes)).toBe(true);
  });

  it('saveTo creates the folders of a file: URL, and saves into folders that are there', async () => {
    const target = path.join(await folder, 'by-url', 'a.csv');
    await (await download(file('text/csv', 'first\n'))).saveTo(pathToFileURL(target));
    expect(await readFile(target, 'utf8')).toBe('first\n');
    const sibling = path.join(await folder, 'by-url', 'b.csv');
    await (await download(file('text/csv', 'second\n'))).saveTo(pathToFileURL(sibling));
    expect(await readFile(sibling, 'utf8')).toBe('second\n');
  });

  it('saveTo removes the partial file in a folder it created when the download is cut off', async () => {
    const apiToken = 'secret-token-4f1c9a';
    const exported = await download((_, response) => {
      response.writeHead(200, { 'content-type': xlsx, 'content-length': String(1024 * 1024) });
      response.write(randomBytes(64 * 1024));
      setTimeout(() => response.socket?.destroy(), 20);
    }, apiToken);
    const created = path.join(await folder, 'created-for-cut-off');
    const target = path.join(created, 'deeper', 'cut-off.xlsx');
    const error = await exported.saveTo(target).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TogglNetworkError);
    const shown = `${String(error)} ${inspect(error, { depth: 10 })} ${JSON.stringify(error)}`;
    for (const secret of [apiToken, Buffer.from(`${apiToken}:api_token`).toString('base64')]) expect(shown).not.toContain(secret);
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(path.dirname(target))).toEqual([]); // the folders stay, empty
  });

  it('saveTo reports a path it cannot write to, where a file stands in for a folder', async () => {
    const blocker = path.join(await folder, 'a-file');
    await writeFile(blocker, 'not a folder');
    const exported = await download(file('text/csv', 'a\n'));
    await expect(exported.saveTo(path.join(blocker, 'x.csv'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    const deeper = await download(file('text/csv', 'a\n'));
    await expect(deeper.saveTo(path.join(blocker, 'sub', 'x.csv'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await readFile(blocker, 'utf8')).toBe('not a folder');
  });

  it('saveTo leaves a folder it was wrongly pointed at alone', async () => {
    const exported = await download(file('text/csv', 'a\n'));
    const target = await folder;
    await expect(exported.saveTo(target)).rejects.toMatchObject({ code: 'EISDIR' });
    expect((await stat(target)).isDirectory()).toBe(true);
  });
});
