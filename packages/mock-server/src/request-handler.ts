import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { controlPrefix } from './control.ts';
import { type CorsPolicy, corsHeadersFor } from './cors.ts';
import { type ReadCredentials, readCredentials } from './credentials.ts';
import { type FaultKind, type FaultPlan, serverErrors } from './faults.ts';
import type { RecordedRequest, RequestJournal } from './journal.ts';
import { type Preference, parsePrefer } from './prefer.ts';
import { readBody } from './request-body.ts';
import type { RequestLimits } from './request-limits.ts';
import { type MockResponse, togglError } from './responses.ts';
import { specPathOf } from './saved-report-paths.ts';

/** A request as the front hands it on: body read in full, credentials read, `Prefer` parsed. */
export interface FrontRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  credentials: ReadCredentials;
  preference: Preference;
  body: Buffer;
}

/** Answers one request: the docs page, or what Toggl would answer. */
export type Respond = (request: FrontRequest) => Promise<MockResponse>;

export interface Front {
  respond: Respond;
  cors: CorsPolicy;
  journal: RequestJournal;
  limits: RequestLimits;
  faults: FaultPlan;
  /** Answers the mock's own endpoints, under `/__mock/`. */
  control: (method: string, path: string, query: URLSearchParams, body: Buffer) => MockResponse;
  /** What an export path's requests count against (its workspace), or undefined for a path that is no export. */
  organizationOf: (path: string) => string | undefined;
  /** Milliseconds every answer waits before it is sent. */
  latencyMs: number;
  maxBodyBytes: number;
  /** Called with one line per request: method, path, status and milliseconds. */
  log?: ((line: string) => void) | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The node:http handler. It does what the answer itself does not: CORS, the mock's own
 * endpoints, the journal, the quota and rate limit, faults and delays, and writing. An
 * unexpected failure is answered with a 500 that says nothing of it, and written to stderr with
 * its stack (never the request's headers, where the credentials are), unless the client has gone.
 */
export function createRequestHandler(front: Front) {
  const { cors, journal, limits, faults, log } = front;

  return function onRequest(request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://mock');
    const path = url.pathname;
    /** The path as the spec names it, which the answer is computed for; the journal keeps the one sent. */
    const route = specPathOf(path);
    const { headers } = request;
    const corsHeaders = cors.headersFor(headers.origin);
    const recorded: RecordedRequest = {
      method,
      path,
      query: url.search,
      rawHeaders: request.rawHeaders,
      credentials: 'missing',
      body: Buffer.alloc(0),
      receivedAt: Date.now(),
    };
    /** Logs the request and, unless it was for the mock's own endpoints, records it in the journal. */
    const finish = (status: number | undefined, fault?: FaultKind) => {
      const durationMs = performance.now() - started;
      if (!path.startsWith(controlPrefix)) journal.record(recorded, status, durationMs, fault);
      log?.(`${method} ${path} ${status ?? (fault === 'drop' ? 'dropped' : 'client gone')} ${durationMs.toFixed(1)}ms`);
    };
    const send = (answer: MockResponse, extraHeaders?: Readonly<Record<string, string>>) => {
      response.writeHead(answer.status, extraHeaders ? headersOf(answer, corsHeaders, extraHeaders) : sentHeaders(answer, corsHeaders));
      return answer;
    };
    /** Refuses the request before it reaches the API, after the server's latency like any answer of the API. */
    const refuseEarly = async (answer: MockResponse) => {
      if (front.latencyMs > 0 && !path.startsWith(controlPrefix)) await sleep(front.latencyMs);
      if (response.destroyed) return finish(undefined);
      response.end(send(answer).body);
      finish(answer.status);
    };

    async function handle(): Promise<void> {
      if (cors.isPreflight(method, headers['access-control-request-method'])) {
        response.writeHead(204, cors.preflightHeadersFor(headers.origin)).end();
        return finish(204);
      }

      // Read before the body, so that the journal tells how a refused oversized request signed in.
      const credentials = readCredentials(headers.authorization);
      recorded.credentials = credentials.use;
      const body = await readBody(request, front.maxBodyBytes);
      if (!body.ok) return refuseEarly(togglError(413, `The request body is larger than ${front.maxBodyBytes} bytes`));
      recorded.body = body.bytes;
      if (path.startsWith(controlPrefix)) {
        const answer = front.control(method, path, url.searchParams, body.bytes);
        response.end(send(answer).body);
        return finish(answer.status);
      }

      const prefer = parsePrefer(header(headers.prefer));
      if (!prefer.ok) return refuseEarly(togglError(400, prefer.message));
      const { preference } = prefer;

      // Limits and the server's faults apply to the exports; a fault asked for with Prefer, to any request.
      const organization = limits.enabled || faults.active ? front.organizationOf(route) : undefined;
      let refusal: MockResponse | undefined;
      let limitHeaders: Readonly<Record<string, string>> | undefined;
      let fault = preference.fault;
      if (organization !== undefined) {
        const checked = limits.check(credentials, organization, recorded.receivedAt);
        if (checked.refusal) refusal = checked.refusal;
        else {
          limitHeaders = checked.headers;
          fault = faults.pick(preference.fault);
        }
      }
      let answer: MockResponse | undefined = refusal;
      if (!answer && fault !== 'drop') {
        answer =
          fault === undefined || fault === 'truncate'
            ? await front.respond({ method, path: route, headers, credentials, preference, body: body.bytes })
            : { status: Number(fault), headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from(serverErrors[fault]) };
      }

      const delayMs = preference.delayMs ?? front.latencyMs;
      if (delayMs > 0) await sleep(delayMs);
      if (response.destroyed) return finish(undefined, fault); // the client gave up while it waited
      if (!answer) {
        request.socket.destroy();
        return finish(undefined, 'drop');
      }
      send(answer, limitHeaders);
      if (fault === 'truncate' && !refusal) {
        // The full length is announced, half is sent: the client sees a body that stops short.
        response.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => request.socket.destroy());
        return finish(answer.status, fault);
      }
      response.end(answer.body);
      finish(answer.status, refusal ? undefined : fault);
    }

    handle().catch((error: unknown) => {
      if (response.destroyed || response.headersSent) return; // the client hung up, before its request was complete, say
      console.error(`toggl-exports-mock: unexpected failure answering ${method} ${path}:`, error instanceof Error ? error.stack : error);
      response.end(send(togglError(500, 'Internal Server Error')).body);
      finish(500);
    });
  };
}

const headersOf = (
  answer: MockResponse,
  corsHeaders: Readonly<Record<string, string>>,
  extraHeaders?: Readonly<Record<string, string>>,
) => ({
  ...answer.headers,
  ...extraHeaders,
  ...corsHeadersFor(corsHeaders, answer.headers, extraHeaders),
  'Content-Length': String(answer.body.length),
});

/**
 * The headers an answer is sent with, made once per answer and CORS policy: a cached answer is
 * sent again and again, and building the object each time was a measurable share of its cost.
 */
const sentHeadersOf = new WeakMap<MockResponse, WeakMap<object, Record<string, string>>>();
function sentHeaders(answer: MockResponse, corsHeaders: Readonly<Record<string, string>>): Record<string, string> {
  let byCors = sentHeadersOf.get(answer);
  if (!byCors) {
    byCors = new WeakMap();
    sentHeadersOf.set(answer, byCors);
  }
  let headers = byCors.get(corsHeaders);
  if (!headers) {
    headers = headersOf(answer, corsHeaders);
    byCors.set(corsHeaders, headers);
  }
  return headers;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);
