import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dataset } from '@toggl-exports/report-engine';
import { createAnswerer, type MockRequest } from './answer.ts';
import { type BehaviourOptions, resolveBehaviour } from './behaviour-options.ts';
import { createControlRoutes } from './control.ts';
import type { MockServerControls } from './control-methods.ts';
import { corsPolicy } from './cors.ts';
import { reportDataOf } from './dataset.ts';
import { createExporter } from './export-answer.ts';
import { FaultPlan, faultKinds, isFaultKind } from './faults.ts';
import { RequestJournal } from './journal.ts';
import { loadPrism, type Prism, type PrismOperation } from './prism.ts';
import { readPrismOperations } from './prism-operations.ts';
import { createRenderPool } from './render-pool.ts';
import { createRequestHandler, type FrontRequest } from './request-handler.ts';
import { RequestLimits } from './request-limits.ts';
import { ResponseCache } from './response-cache.ts';
import type { MockResponse } from './responses.ts';
import { createSavedReportRunner } from './saved-reports.ts';
import { readUserFile } from './user-file.ts';

export interface MockServerOptions extends BehaviourOptions {
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

export interface MockServer extends MockServerControls {
  /** Base URL of the running server, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Stops listening, closes open connections and stops the render threads. */
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
  const behaviour = resolveBehaviour(options);
  const docsPage = docs ? await readUserFile('docs', docs) : undefined;
  const { prism, operations } = sharedPrism();
  const savedReportRun = createSavedReportRunner(prism, operations);
  const data = await reportDataOf(options.data, savedReportRun);
  const renderPool = createRenderPool(behaviour.renderThreads);
  const exporter = createExporter(data, savedReportRun, operations, renderPool.render);
  const answer = createAnswerer(prism, exporter.exportFile);
  const cache = new ResponseCache();
  const journal = new RequestJournal(behaviour.journalSize);
  const limits = new RequestLimits(behaviour.quota, behaviour.rateLimit);
  const faults = new FaultPlan(behaviour.faults);

  async function respond(request: FrontRequest): Promise<MockResponse> {
    const { path } = request;
    if (docsPage && request.method === 'GET') {
      if (path === '/docs/') return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: docsPage };
      if (path === '/' || path === '/docs') return { status: 302, headers: { Location: '/docs/' }, body: Buffer.alloc(0) };
    }
    const mockRequest: MockRequest = {
      method: request.method,
      path,
      credentials: request.credentials.kind,
      accept: request.headers.accept,
      preference: request.preference,
      contentType: request.headers['content-type'],
      body: request.body,
      today: new Date().toISOString().slice(0, 10),
    };
    const key = cache.keyOf(mockRequest);
    if (key === undefined) return answer(mockRequest);
    return cache.get(key) ?? cache.computeOnce(key, () => answer(mockRequest));
  }

  const handler = createRequestHandler({
    respond,
    cors: corsPolicy(behaviour.corsOrigins),
    journal,
    limits,
    faults,
    control: createControlRoutes({ journal, limits, faults }),
    organizationOf: exporter.organizationOf,
    latencyMs: behaviour.latencyMs,
    maxBodyBytes,
    log,
  });
  const server = createServer({ keepAliveTimeout: 5000 }, handler);
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
    requests: (filter) => journal.entries(filter),
    resetRequests: () => journal.reset(),
    resetLimits: () => limits.reset(),
    failNext: (kind, times = 1) => {
      if (!isFaultKind(kind)) throw new TypeError(`Invalid fault '${String(kind)}': the faults are ${faultKinds.join(', ')}`);
      if (!Number.isInteger(times) || times < 1) throw new TypeError(`Invalid times ${String(times)}: expected a whole number from 1`);
      faults.failNext(kind, times);
    },
    resetFaults: () => faults.reset(),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await renderPool.close();
    },
  };
}
