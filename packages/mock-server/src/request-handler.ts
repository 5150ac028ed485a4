import type { IncomingMessage, ServerResponse } from 'node:http';
import { type MockResponse, togglError } from './responses.ts';

/** Answers one request: its method, headers and body come from `request`; `path` is its URL's path. */
export type Respond = (request: IncomingMessage, path: string) => Promise<MockResponse>;

/**
 * The node:http handler: writes each request's answer and logs one line for it. An unexpected
 * failure is answered with a 500 that says nothing of it, and written to stderr with its stack
 * (never the request's headers, where the credentials are), unless the client has gone.
 */
export function createRequestHandler(respond: Respond, log?: (line: string) => void) {
  return function handle(request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://mock').pathname;
    const send = (answer: MockResponse) => {
      response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
      response.end(answer.body);
      log?.(`${request.method} ${path} ${answer.status} ${(performance.now() - started).toFixed(1)}ms`);
    };
    respond(request, path)
      .then(send)
      .catch((error: unknown) => {
        if (response.destroyed) return; // the client hung up, before its request was complete, say
        console.error(
          `toggl-exports-mock: unexpected failure answering ${request.method} ${path}:`,
          error instanceof Error ? error.stack : error,
        );
        send(togglError(500, 'Internal Server Error'));
      });
  };
}
