// The node:http front's last resort: a request whose answer fails unexpectedly gets a 500 at once
// (not a connection left hanging), and the failure is logged without the request's credentials.
// No input is known to make the mock fail, so the handler is tested with a `respond` that does.
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createControlRoutes } from '../src/control.ts';
import { corsPolicy } from '../src/cors.ts';
import { FaultPlan } from '../src/faults.ts';
import { RequestJournal } from '../src/journal.ts';
import { createRequestHandler, type Respond } from '../src/request-handler.ts';
import { RequestLimits } from '../src/request-limits.ts';
import { basicAuth } from './http.ts';

const servers: Server[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(respond: Respond, log?: (line: string) => void): Promise<string> {
  const journal = new RequestJournal(10);
  const limits = new RequestLimits(undefined, undefined);
  const faults = new FaultPlan();
  const handler = createRequestHandler({
    respond,
    cors: corsPolicy('*'),
    journal,
    limits,
    faults,
    control: createControlRoutes({ journal, limits, faults }),
    organizationOf: () => undefined,
    latencyMs: 0,
    maxBodyBytes: 1024,
    log,
  });
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const authorization = basicAuth('ada@example.com', 'do-not-log-me');

describe('an unexpected failure', () => {
  it('is answered with a 500 that tells nothing of it', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const lines: string[] = [];
    const url = await serve(
      async () => {
        throw new Error('the report engine broke at reports/detailed.ts:42');
      },
      (line) => lines.push(line),
    );
    const response = await fetch(`${url}/reports/api/v3/workspace/1/search/time_entries.csv`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: '{"start_date":"2026-10-01"}',
      signal: AbortSignal.timeout(5000),
    });
    expect([response.status, response.headers.get('content-type'), await response.json()]).toEqual([
      500,
      'application/json; charset=utf-8',
      'Internal Server Error',
    ]);
    expect(lines).toEqual([expect.stringMatching(/^POST \/reports\/api\/v3\/workspace\/1\/search\/time_entries\.csv 500 \d+\.\dms$/)]);
    expect(consoleError).toHaveBeenCalledOnce();
    const logged = consoleError.mock.calls[0]!.join(' ');
    expect(logged).toContain('unexpected failure answering POST /reports/api/v3/workspace/1/search/time_entries.csv');
    expect(logged).toContain('the report engine broke at reports/detailed.ts:42');
    expect(logged).not.toContain('do-not-log-me');
    expect(logged).not.toContain(authorization.slice('Basic '.length));
  });

  it('leaves the server serving', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const url = await serve(async () => {
      calls += 1;
      throw new TypeError('cannot read properties of undefined');
    });
    for (const method of ['GET', 'POST']) {
      const response = await fetch(`${url}/`, { method, signal: AbortSignal.timeout(5000) });
      expect([response.status, await response.json()]).toEqual([500, 'Internal Server Error']);
    }
    expect(calls).toBe(2);
  });

  it('is not logged when the client has hung up, as when it goes before its body is complete', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = await serve(async () => {
      throw new Error('not reached: the body never ends');
    });
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write('POST /x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"start_');
      setTimeout(() => socket.destroy(), 50);
    });
    await new Promise((resolve) => socket.once('close', resolve));
    // The server sees the connection go after the client does: give it a moment to (not) log.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(consoleError).not.toHaveBeenCalled();
  });
});
