import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dataset } from '@toggl-exports/report-engine';
import { createAnswerer, type MockRequest } from './answer.ts';
import { classifyCredentials } from './credentials.ts';
import { reportDataOf } from './dataset.ts';
import { createExporter } from './export-answer.ts';
import { loadPrism, type Prism, type PrismOperation } from './prism.ts';
import { readPrismOperations } from './prism-operations.ts';
import { readBody } from './request-body.ts';
import { createRequestHandler } from './request-handler.ts';
import { ResponseCache } from './response-cache.ts';
import { type MockResponse, togglError } from './responses.ts';
import { createSavedReportRunner } from './saved-reports.ts';
import { readUserFile } from './user-file.ts';

export interface MockServerOptions {
  /** Port to listen on; `0` picks a free one. Default 4010. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Called with one line per request: method, path, status and milliseconds. Default: silent. */
  log?: (line: string) => void;
  /**
   * An HTML file (such as the rendered API docs) to serve at `/docs/`. Read before the dataset
   * is checked; one that cannot be read rejects with an error naming `docs`.
   */
  docs?: string;
  /** Largest request body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * The workspaces the files are computed from: a dataset in Toggl's API field names, or the
   * path of a JSON file holding one. Checked before the server listens; a bad one rejects with
   * a `DatasetError` naming each problem's JSON path (up to 10), a file that cannot be read with
   * an error naming `data`. Default: the built-in sample workspace.
   */
  data?: Dataset | string;
}

export interface MockServer {
  /** Base URL of the running server, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

let shared: { prism: Prism; operations: PrismOperation[] } | undefined;
/** Prism and its operations are loaded once per process and shared by every server in it. */
function sharedPrism(): { prism: Prism; operations: PrismOperation[] } {
  if (!shared) {
    const operations = readPrismOperations();
    shared = { prism: loadPrism(operations), operations };
  }
  return shared;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', log, docs, maxBodyBytes = 1024 * 1024 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Invalid port ${port}: use 0 to 65535`);
  const docsPage = docs ? await readUserFile('docs', docs) : undefined;
  const { prism, operations } = sharedPrism();
  const savedReportRun = createSavedReportRunner(prism, operations);
  const data = await reportDataOf(options.data, savedReportRun);
  const answer = createAnswerer(prism, createExporter(data, savedReportRun, operations));
  const cache = new ResponseCache();

  async function respond(request: IncomingMessage, path: string): Promise<MockResponse> {
    if (docsPage && request.method === 'GET') {
      if (path === '/docs/') return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: docsPage };
      if (path === '/' || path === '/docs') return { status: 302, headers: { Location: '/docs/' }, body: Buffer.alloc(0) };
    }
    const body = await readBody(request, maxBodyBytes);
    if (!body.ok) return togglError(413, `The request body is larger than ${maxBodyBytes} bytes`);
    const mockRequest: MockRequest = {
      method: request.method ?? 'GET',
      path,
      credentials: classifyCredentials(request.headers.authorization),
      accept: request.headers.accept,
      prefer: header(request.headers.prefer),
      contentType: request.headers['content-type'],
      body: body.bytes,
      today: new Date().toISOString().slice(0, 10),
    };
    const key = cache.keyOf(mockRequest);
    const cached = key === undefined ? undefined : cache.get(key);
    if (cached) return cached;
    const fresh = await answer(mockRequest);
    if (key !== undefined) cache.set(key, fresh);
    return fresh;
  }

  const server = createServer({ keepAliveTimeout: 5000 }, createRequestHandler(respond, log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);
