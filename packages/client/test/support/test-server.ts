import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** Answers one request. */
export type Reply = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 whose n-th request gets `replies[n]`; the last reply answers
 * every request after that.
 */
export async function startTestServer(...replies: Reply[]): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = {
      method: incoming.method ?? '',
      url: incoming.url ?? '',
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    };
    requests.push(request);
    const reply = replies[Math.min(requests.length, replies.length) - 1];
    await reply?.(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Replies with a JSON value, the way Toggl sends its error messages. */
export const json =
  (status: number, value: unknown, headers: Record<string, string> = {}): Reply =>
  (_, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
  };

/** Replies with raw bytes. */
export const file =
  (contentType: string, body: string | Uint8Array, headers: Record<string, string> = {}): Reply =>
  (_, response) => {
    response.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
  };

/** Replies with plain text and any status. */
export const text =
  (status: number, body: string, headers: Record<string, string> = {}): Reply =>
  (_, response) => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body);
  };

/** Never answers; the connection stays open until the server closes. */
export const hang: Reply = () => new Promise<void>(() => {});

/** Drops the connection without answering. */
export const dropConnection: Reply = (_, response) => {
  response.socket?.destroy();
};

/** Resolves to what `promise` rejects with; fails the test if it resolves instead. */
export const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
