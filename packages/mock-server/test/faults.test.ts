import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { validAuth } from './http.ts';
import { csvPath, exportBody, exportCsv, ownServer } from './own-server.ts';

interface RawAnswer {
  /** The status line's code, or undefined when the connection ended before any answer. */
  status: number | undefined;
  contentLength: number | undefined;
  bytes: Buffer;
  /** Whether the body arrived in full. */
  complete: boolean;
  error?: string;
}

/** Sends the detailed CSV's request with node:http, which shows what fetch hides: the bytes that came before the connection broke. */
function rawExport(url: string, headers: Record<string, string> = {}, path = csvPath()): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const sent = request(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: validAuth, 'content-type': 'application/json', ...headers },
      agent: false,
    });
    sent.on('error', (error) =>
      resolve({ status: undefined, contentLength: undefined, bytes: Buffer.alloc(0), complete: false, error: error.message }),
    );
    sent.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', () => {}); // 'aborted': the end of a truncated body, seen in `complete`
      response.on('close', () =>
        resolve({
          status: response.statusCode,
          contentLength: Number(response.headers['content-length']),
          bytes: Buffer.concat(chunks),
          complete: response.complete,
        }),
      );
    });
    sent.end(JSON.stringify(exportBody));
  });
}

const serverErrors = [
  ['500', 'Internal Server Error'],
  ['502', 'Bad Gateway'],
  ['503', 'Service Unavailable'],
  ['504', 'Gateway Timeout'],
] as const;

describe('faults asked for with Prefer', () => {
  it('drops the connection before any answer', async () => {
    const mock = await ownServer();
    expect(await rawExport(mock.url, { prefer: 'fault=drop' })).toMatchObject({ status: undefined, error: 'socket hang up' });
    await expect(exportCsv(mock.url, { headers: { prefer: 'fault=drop' } })).rejects.toThrow('fetch failed');
    // The server goes on answering.
    expect((await exportCsv(mock.url)).status).toBe(200);
  });

  it('cuts the body off halfway, after announcing its full length', async () => {
    const mock = await ownServer();
    const full = await rawExport(mock.url);
    expect(full).toMatchObject({ status: 200, complete: true });
    const truncated = await rawExport(mock.url, { prefer: 'fault=truncate' });
    expect(truncated).toMatchObject({ status: 200, complete: false, contentLength: full.bytes.length });
    expect(truncated.bytes).toEqual(full.bytes.subarray(0, Math.floor(full.bytes.length / 2)));
    const response = await exportCsv(mock.url, { headers: { prefer: 'fault=truncate' } });
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it.each(serverErrors)('answers %s with its plain-text message', async (fault, message) => {
    const mock = await ownServer();
    const answer = await exportCsv(mock.url, { headers: { prefer: `fault=${fault}`, origin: 'http://localhost:5173' } });
    expect(answer.status).toBe(Number(fault));
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*'); // a browser app can read it
    expect(await answer.text()).toBe(message);
  });

  it('applies to any request but the control endpoints, and only to the one that asks', async () => {
    const mock = await ownServer();
    const unknownPath = await exportCsv(mock.url, { path: '/reports/api/v3/nowhere', headers: { prefer: 'fault=502' } });
    expect(unknownPath.status).toBe(502);
    expect((await exportCsv(mock.url, { authorization: null, headers: { prefer: 'fault=503' } })).status).toBe(503);
    const control = await fetch(`${mock.url}/__mock/requests`, { headers: { prefer: 'fault=drop' } });
    expect(control.status).toBe(200);
    expect((await exportCsv(mock.url)).status).toBe(200);
  });

  it('refuses a Prefer it cannot read or does not know, and passes over the standard ones', async () => {
    const mock = await ownServer();
    const typo = await exportCsv(mock.url, { headers: { prefer: 'dely=100' } });
    expect(typo.status).toBe(400);
    expect(await typo.json()).toBe("Unknown Prefer 'dely': the mock understands code, example, delay, fault");
    const fault = await exportCsv(mock.url, { headers: { prefer: 'fault=418' } });
    expect(await fault.json()).toBe("Invalid Prefer fault '418': expected one of drop, truncate, 500, 502, 503, 504");
    const delay = await exportCsv(mock.url, { headers: { prefer: 'delay=soon' } });
    expect([delay.status, await delay.json()]).toEqual([
      400,
      "Invalid Prefer delay 'soon': expected whole milliseconds from 0 to 60000, such as delay=250",
    ]);
    expect((await exportCsv(mock.url, { headers: { prefer: 'return=minimal, handling=lenient' } })).status).toBe(200);
  });
});

describe('faults queued with failNext or POST /__mock/faults', () => {
  it('gives the next export requests the fault, in order, and leaves other requests alone', async () => {
    const mock = await ownServer();
    mock.failNext('503', 2);
    mock.failNext('500');
    expect((await exportCsv(mock.url, { path: '/reports/api/v3/nowhere' })).status).toBe(404); // no export: takes none
    const statuses = [];
    for (let count = 0; count < 4; count++) statuses.push((await exportCsv(mock.url)).status);
    expect(statuses).toEqual([503, 503, 500, 200]);
  });

  it('drops and truncates as asked', async () => {
    const mock = await ownServer();
    mock.failNext('drop');
    mock.failNext('truncate');
    expect((await rawExport(mock.url)).status).toBeUndefined();
    expect(await rawExport(mock.url)).toMatchObject({ status: 200, complete: false });
    expect(await rawExport(mock.url)).toMatchObject({ status: 200, complete: true });
  });

  it('lets Prefer win over a queued fault, which waits for the next request', async () => {
    const mock = await ownServer();
    mock.failNext('503');
    expect((await exportCsv(mock.url, { headers: { prefer: 'fault=502' } })).status).toBe(502);
    expect((await exportCsv(mock.url)).status).toBe(503);
  });

  it('forgets the queue with resetFaults', async () => {
    const mock = await ownServer();
    mock.failNext('503', 5);
    mock.resetFaults();
    expect((await exportCsv(mock.url)).status).toBe(200);
  });

  it('refuses a fault or count it does not know, with a TypeError', async () => {
    const mock = await ownServer();
    expect(() => mock.failNext('418' as never)).toThrow(
      new TypeError("Invalid fault '418': the faults are drop, truncate, 500, 502, 503, 504"),
    );
    expect(() => mock.failNext('503', 0)).toThrow(new TypeError('Invalid times 0: expected a whole number from 1'));
    expect(() => mock.failNext('503', 1.5)).toThrow(TypeError);
  });

  it('queues over HTTP, and forgets with DELETE /__mock/faults', async () => {
    const mock = await ownServer();
    const queue = (body: string) => fetch(`${mock.url}/__mock/faults`, { method: 'POST', body });
    expect((await queue('{"fault": "504", "times": 2}')).status).toBe(204);
    expect((await exportCsv(mock.url)).status).toBe(504);
    expect((await fetch(`${mock.url}/__mock/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await exportCsv(mock.url)).status).toBe(200);
    expect((await queue('{"fault": "drop"}')).status).toBe(204); // once by default
    expect((await rawExport(mock.url)).status).toBeUndefined();
    expect((await exportCsv(mock.url)).status).toBe(200);
  });

  it.each([
    ['{"fault": ', /^Invalid JSON in the request body: .*; send \{"fault": "503", "times": 1\}$/],
    ['[1]', 'Invalid request body, expected a JSON object such as {"fault": "503", "times": 1}'],
    ['{"fault": "503", "count": 2}', "The 'count' parameter is not supported: send fault and times"],
    ['{"fault": "418"}', "Invalid 'fault' value, allowed values are: 'drop', 'truncate', '500', '502', '503', '504'"],
    ['{"fault": "503", "times": 0}', "Invalid 'times' value, expected a whole number from 1 to 1000"],
    ['{"fault": "503", "times": 1001}', "Invalid 'times' value, expected a whole number from 1 to 1000"],
  ])('refuses the body %s with 400', async (body, message) => {
    const mock = await ownServer();
    const answer = await fetch(`${mock.url}/__mock/faults`, { method: 'POST', body });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    expect((await exportCsv(mock.url)).status).toBe(200); // nothing queued
  });
});

describe('faults at random', () => {
  it.each([
    [{ '503': 1 }, 503],
    [{ '502': 1, '503': 1 }, 502],
  ] as const)('with the chances %o, gives every export request the fault', async (faults, status) => {
    const mock = await ownServer({ faults });
    for (let count = 0; count < 3; count++) expect((await exportCsv(mock.url)).status).toBe(status);
    expect((await exportCsv(mock.url, { path: '/reports/api/v3/nowhere' })).status).toBe(404); // no export
  });

  it('drops and truncates with a chance of 1, and never with 0', async () => {
    const dropping = await ownServer({ faults: { drop: 1 } });
    expect((await rawExport(dropping.url)).status).toBeUndefined();
    const truncating = await ownServer({ faults: { truncate: 1, drop: 0 } });
    expect(await rawExport(truncating.url)).toMatchObject({ status: 200, complete: false });
  });

  it('gives a share of the requests the fault', async () => {
    const mock = await ownServer({ faults: { '503': 0.5 } });
    const statuses = new Set<number>();
    // 60 requests all alike has a chance of 2 in 10^18.
    for (let count = 0; count < 60 && statuses.size < 2; count++) statuses.add((await exportCsv(mock.url)).status);
    expect([...statuses].sort()).toEqual([200, 503]);
  });
});

describe('delays', () => {
  const elapsed = async (send: () => Promise<Response>) => {
    const started = performance.now();
    await (await send()).arrayBuffer();
    return performance.now() - started;
  };

  it('waits latencyMs before every answer of the API, early refusals included', async () => {
    const mock = await ownServer({ latencyMs: 150, maxBodyBytes: 10 });
    expect(await elapsed(() => exportCsv(mock.url, { path: '/reports/api/v3/nowhere' }))).toBeGreaterThanOrEqual(150);
    // Those refused before they reach the API too: a body too large, a Prefer the mock cannot read.
    expect(await elapsed(() => exportCsv(mock.url))).toBeGreaterThanOrEqual(150);
    expect(await elapsed(() => fetch(`${mock.url}/`, { headers: { prefer: 'dely=1' } }))).toBeGreaterThanOrEqual(150);
    // Not the mock's own endpoints, nor preflights: they are no answers of the API.
    expect(await elapsed(() => fetch(`${mock.url}/__mock/requests`))).toBeLessThan(150);
    expect(await elapsed(() => fetch(`${mock.url}/__mock/faults`, { method: 'POST', body: '{"fault": "drop", "times": 1}' }))).toBeLessThan(
      150,
    );
  });

  it('waits latencyMs before a file and an error', async () => {
    const mock = await ownServer({ latencyMs: 150 });
    expect(await elapsed(() => exportCsv(mock.url))).toBeGreaterThanOrEqual(150);
    expect(await elapsed(() => exportCsv(mock.url, { authorization: null }))).toBeGreaterThanOrEqual(150);
  });

  it('waits Prefer: delay=MS for one request, in place of latencyMs', async () => {
    const mock = await ownServer({ latencyMs: 5000 });
    expect(await elapsed(() => exportCsv(mock.url, { headers: { prefer: 'delay=200' } }))).toBeGreaterThanOrEqual(200);
    expect(await elapsed(() => exportCsv(mock.url, { headers: { prefer: 'delay=0' } }))).toBeLessThan(5000);
  });

  it('delays a fault too', async () => {
    const mock = await ownServer();
    expect(await elapsed(() => exportCsv(mock.url, { headers: { prefer: 'delay=150, fault=503' } }))).toBeGreaterThanOrEqual(150);
    const started = performance.now();
    await expect(exportCsv(mock.url, { headers: { prefer: 'delay=150; fault=drop' } })).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('journals a request whose client gave up while it waited, without a status', async () => {
    const lines: string[] = [];
    const mock = await ownServer({ log: (line) => lines.push(line) });
    const giveUp = AbortSignal.timeout(100);
    await expect(fetch(`${mock.url}${csvPath()}`, { method: 'POST', headers: { prefer: 'delay=400' }, signal: giveUp })).rejects.toThrow();
    await expect.poll(() => mock.requests()).toHaveLength(1);
    expect(mock.requests()[0]).toMatchObject({ status: undefined });
    expect(mock.requests()[0]).not.toHaveProperty('fault');
    expect(lines[0]).toMatch(/ client gone \d+\.\dms$/);
    expect((await exportCsv(mock.url)).status).toBe(200);
  });
});

describe('faults in the journal', () => {
  it('records the fault of each request, and no status for a dropped one', async () => {
    const mock = await ownServer();
    mock.failNext('drop');
    await rawExport(mock.url);
    await rawExport(mock.url, { prefer: 'fault=truncate' });
    await exportCsv(mock.url, { headers: { prefer: 'fault=503' } });
    await exportCsv(mock.url);
    expect(mock.requests().map(({ status, fault }) => ({ status, fault }))).toEqual([
      { status: undefined, fault: 'drop' },
      { status: 200, fault: 'truncate' },
      { status: 503, fault: '503' },
      { status: 200, fault: undefined },
    ]);
    const overHttp = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as Record<string, unknown>[];
    expect(overHttp[0]).not.toHaveProperty('status');
    expect(overHttp[0]).toMatchObject({ fault: 'drop' });
    expect(mock.requests({ status: 503 })).toHaveLength(1);
  });

  it('records no fault for a request the quota refused instead', async () => {
    const mock = await ownServer({ quota: 1 });
    await exportCsv(mock.url);
    const refused = await exportCsv(mock.url, { headers: { prefer: 'fault=truncate' } });
    expect([refused.status, await refused.json()]).toEqual([
      402,
      "Quota exceeded: You've used 2 / 1 requests from user specific requests quota",
    ]);
    expect(mock.requests()[1]).toMatchObject({ status: 402 });
    expect(mock.requests()[1]).not.toHaveProperty('fault');
  });
});

describe('a long run of queued faults', () => {
  it('is kept as one run, so queueing a billion is no slower than queueing one', async () => {
    const mock = await ownServer();
    mock.failNext('503', 1_000_000_000);
    expect((await exportCsv(mock.url)).status).toBe(503);
    mock.resetFaults();
    expect((await exportCsv(mock.url)).status).toBe(200);
  });
});
