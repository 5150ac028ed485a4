import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnswerer, type MockRequest } from './answer.ts';
import { classifyCredentials } from './credentials.ts';
import { readSampleFiles, type SampleFile } from './generated.ts';
import { loadPrism, type Prism } from './prism.ts';
import { readPrismOperations } from './prism-operations.ts';
import { readBody } from './request-body.ts';
import { ResponseCache } from './response-cache.ts';
import { togglError, type MockResponse } from './responses.ts';

export interface MockServerOptions {
  /** Port to listen on; `0` picks a free one. Default 4010. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Called with one line per request: method, path, status and milliseconds. Default: silent. */
  log?: (line: string) => void;
  /** An HTML file (such as the rendered API docs) to serve at `/docs/`. */
  docs?: string;
  /** Largest request body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface MockServer {
  /** Base URL of the running server, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

let prism: Prism | undefined;
let samples: ReadonlyMap<string, SampleFile> | undefined;
/** Prism, its operations and the sample files are loaded once per process and shared by every server in it. */
const sharedPrism = () => (prism ??= loadPrism(readPrismOperations()));
const sharedSamples = () => (samples ??= readSampleFiles());

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', log, docs, maxBodyBytes = 1024 * 1024 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Invalid port ${port}: use 0 to 65535`);
  const answer = createAnswerer(sharedPrism(), sharedSamples());
  const cache = new ResponseCache();
  const docsPage = docs ? await readFile(docs) : undefined;

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
    };
    const key = cache.keyOf(mockRequest);
    const cached = key === undefined ? undefined : cache.get(key);
    if (cached) return cached;
    const fresh = await answer(mockRequest);
    if (key !== undefined) cache.set(key, fresh);
    return fresh;
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://mock').pathname;
    const send = (answer: MockResponse) => {
      response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
      response.end(answer.body);
      log?.(`${request.method} ${path} ${answer.status} ${(performance.now() - started).toFixed(1)}ms`);
    };
    respond(request, path).then(send, (error: unknown) => {
      if (request.destroyed) return; // the client hung up before its request was complete
      console.error('toggl-exports-mock: unexpected failure', error);
      send(togglError(500, 'Internal Server Error'));
    });
  }

  const server = createServer({ keepAliveTimeout: 5000 }, handle);
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
