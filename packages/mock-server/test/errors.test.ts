import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { basicAuth, mockUrl, post } from './http.ts';
import { byOperation, exampleMessage, exports, xlsx } from './spec.ts';

const detailedCsv = byOperation('exportDetailedReport', 'text/csv').path;
const detailedXlsx = byOperation('exportDetailedReport', xlsx).path;
const detailedPdf = byOperation('exportDetailedReportPdf').path;
const summaryCsv = byOperation('exportSummaryReport', 'text/csv').path;
const weeklyCsv = byOperation('exportWeeklyReportCsv').path;
const trendsCsv = byOperation('exportProjectTrends', 'text/csv').path;
const savedPdf = byOperation('exportSavedReportPdf').path;
const validBody = { start_date: '2026-10-01', end_date: '2026-10-31' };

const expectError = async (answer: Promise<Awaited<ReturnType<typeof post>>>, status: number, message: string | RegExp) => {
  const { status: actual, headers, json } = await answer;
  expect({ status: actual, type: headers.get('content-type') }).toEqual({ status, type: 'application/json; charset=utf-8' });
  const body = json();
  expect(typeof body).toBe('string');
  if (typeof message === 'string') expect(body).toBe(message);
  else expect(body).toMatch(message);
  return headers;
};

/** Sends raw bytes over node:http, with exactly the headers given (no Accept unless set). */
function rawPost(
  path: string,
  body: Buffer | string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${mockUrl}${path}`, { method: 'POST', headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('credentials', () => {
  it('401 "Unable to extract authentication data" without credentials on workspace endpoints', async () => {
    for (const entry of exports.filter((candidate) => !candidate.authOptional)) {
      await expectError(
        post(entry.path, { body: validBody, headers: { authorization: '' } }),
        401,
        exampleMessage('UnableToExtractAuthentication'),
      );
    }
  });

  it('401 for credentials that are not HTTP Basic or cannot be decoded', async () => {
    for (const authorization of ['Bearer abc', 'Basic', 'Basic !!!!', `Basic ${Buffer.from('no-colon').toString('base64')}`]) {
      await expectError(post(detailedCsv, { body: validBody, headers: { authorization } }), 401, 'Unable to extract authentication data');
    }
  });

  it('401 "Incorrect username and/or password" for an empty user name or password', async () => {
    for (const authorization of [basicAuth('ada@example.com', ''), basicAuth('', 'secret')]) {
      await expectError(post(detailedCsv, { body: validBody, headers: { authorization } }), 401, exampleMessage('IncorrectCredentials'));
    }
  });

  it('accepts an API token and passwords containing colons', async () => {
    expect(
      (await post(detailedCsv, { body: validBody, headers: { authorization: basicAuth('1971800d4d82861d8f2c1651fea4d212', 'api_token') } }))
        .status,
    ).toBe(200);
    expect((await post(detailedCsv, { body: validBody, headers: { authorization: basicAuth('ada@example.com', 'a:b:c') } })).status).toBe(
      200,
    );
  });

  it('answers public saved reports without credentials, but rejects bad ones there too', async () => {
    for (const entry of exports.filter((candidate) => candidate.authOptional)) {
      const answer = await post(entry.path, { headers: { authorization: '' } });
      expect(answer.status).toBe(200);
      expect(answer.bytes.equals((await post(entry.path)).bytes)).toBe(true);
    }
    await expectError(post(savedPdf, { headers: { authorization: 'Bearer abc' } }), 401, 'Unable to extract authentication data');
    await expectError(
      post(savedPdf, { headers: { authorization: basicAuth('ada@example.com', '') } }),
      401,
      'Incorrect username and/or password',
    );
  });

  it('checks credentials before the body', async () => {
    await expectError(
      post(detailedCsv, { body: { foo: 1 }, headers: { authorization: '' } }),
      401,
      'Unable to extract authentication data',
    );
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 at once', async () => {
    const answer = await rawPost(detailedCsv, '{"start_date": "2026-10-01",', {
      authorization: basicAuth('a@b.c', 'pw'),
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatch(/^Invalid JSON in the request body: /);
  });

  it('refuses numbers that JSON parses to Infinity, which the validator would take for integers', async () => {
    for (const [field, json] of [
      ['page_size', '{"page_size": 1e999999}'],
      ['min_duration_seconds', '{"start_date": "2026-10-01", "min_duration_seconds": -1e999}'],
      ['project_ids[1]', '{"project_ids": [7001, 1e400]}'],
      ['body', '1e999'],
      // A name that looks like an index is still a name.
      ['0', '{"0": 1e999}'],
      // Also past the parts the mock checks (README, "Limits").
      ['project_ids[1500]', `{"project_ids": [${'7001,'.repeat(1500)}1e999]}`],
      ['f1000.x[0]', `{${Array.from({ length: 1000 }, (_, index) => `"f${index}": 1`).join(',')}, "f1000": {"x": [1e999]}}`],
    ] as const) {
      const answer = await rawPost(detailedCsv, json, { authorization: basicAuth('a@b.c', 'pw'), 'content-type': 'application/json' });
      expect([answer.status, JSON.parse(answer.body)]).toEqual([400, `Invalid '${field}' value, expected a finite number`]);
    }
  });

  it('refuses a body that is not valid UTF-8 (and one with a byte-order mark, as Toggl does), instead of reading it as something else', async () => {
    const headers = { authorization: basicAuth('a@b.c', 'pw'), 'content-type': 'application/json' };
    const latin1 = Buffer.concat([Buffer.from('{"description": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const invalid = await rawPost(detailedCsv, latin1, headers);
    expect([invalid.status, JSON.parse(invalid.body)]).toEqual([400, 'Invalid JSON in the request body: it is not valid UTF-8 text']);
    const withBom = await rawPost(
      detailedCsv,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(validBody))]),
      headers,
    );
    expect(withBom.status).toBe(400);
    expect(JSON.parse(withBom.body)).toBe(
      'Invalid JSON in the request body: it starts with a byte-order mark (U+FEFF); send the JSON without one',
    );
    // The same text in UTF-8 is fine.
    expect((await rawPost(detailedCsv, '{"description": "café"}', headers)).status).toBe(200);
  });

  it('names a value outside its enum and lists the allowed ones, in Toggl words', async () => {
    await expectError(post(detailedCsv, { body: { rounding_minutes: 7 } }), 400, exampleMessage('InvalidParameterValue'));
    await expectError(
      post(detailedPdf, { body: { date_format: 'YYYY/MM/DD' } }),
      400,
      "Invalid 'date_format' value, allowed values are: 'MM/DD/YYYY, DD-MM-YYYY, MM-DD-YYYY, YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY'",
    );
  });

  it('enumerates what Toggl enumerates: insights take any rounding step, employee profitability also quarters, project profitability not', async () => {
    const employeesCsv = byOperation('exportProfitabilityEmployees', 'text/csv').path;
    const projectsCsv = byOperation('exportProfitabilityProjects', 'text/csv').path;
    expect((await post(trendsCsv, { body: { ...validBody, rounding_minutes: 7 } })).status).toBe(200);
    expect((await post(employeesCsv, { body: { ...validBody, resolution: 'quarter' } })).status).toBe(200);
    await expectError(
      post(employeesCsv, { body: { ...validBody, resolution: 'year' } }),
      400,
      "Invalid 'resolution' value, allowed values are: 'day, week, month, quarter'",
    );
    await expectError(
      post(projectsCsv, { body: { ...validBody, resolution: 'quarter' } }),
      400,
      "Invalid 'resolution' value, allowed values are: 'day, week, month'",
    );
  });

  it('rejects unknown fields, nested ones included', async () => {
    await expectError(post(weeklyCsv, { body: { ...validBody, hide_amounts: true } }), 400, exampleMessage('ParameterNotSupported'));
    await expectError(post(detailedCsv, { body: { ...validBody, foo: 1 } }), 400, "The 'foo' parameter is not supported");
    await expectError(
      post(summaryCsv, { body: { audit: { group_filter: { colour: 'red' } } } }),
      400,
      "The 'audit.group_filter.colour' parameter is not supported",
    );
  });

  it('names unknown fields as they are, numbers and line breaks included (found by the fuzzer)', async () => {
    await expectError(post(detailedCsv, { body: { 0: 1 } }), 400, "The '0' parameter is not supported");
    await expectError(
      post(summaryCsv, { body: { audit: { group_filter: { 7: 1 } } } }),
      400,
      "The 'audit.group_filter.7' parameter is not supported",
    );
    await expectError(post(detailedCsv, { body: { 'two\nlines': 1 } }), 400, "The 'two\nlines' parameter is not supported");
  });

  it('checks at most 1000 items of a list and names a longer one (the mock limit; found by the fuzzer)', async () => {
    const ids = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
    expect((await post(detailedCsv, { body: { client_ids: ids(1000) } })).status).toBe(200);
    await expectError(
      post(detailedCsv, { body: { client_ids: ids(1001) } }),
      400,
      "Invalid 'client_ids' value, the mock takes at most 1000 items in a list",
    );
    // A problem in the part that is checked is named as usual, and credentials still come first.
    await expectError(
      post(detailedCsv, { body: { client_ids: [...ids(5), 'x', ...ids(5000)] } }),
      400,
      "Invalid 'client_ids[5]' value, expected an integer or null",
    );
    await expectError(
      post(detailedCsv, { body: { client_ids: ids(5000) }, headers: { authorization: '' } }),
      401,
      'Unable to extract authentication data',
    );
  });

  it('names the first unknown field of an object with thousands of them', async () => {
    const body = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`unknown_${index}`, index]));
    await expectError(
      post(detailedCsv, { body: { start_date: '2026-10-01', ...body } }),
      400,
      "The 'unknown_0' parameter is not supported",
    );
  });

  it('asks for at least one parameter where the schema says so', async () => {
    for (const path of [detailedCsv, detailedPdf, summaryCsv, weeklyCsv, trendsCsv]) {
      await expectError(post(path, { body: {} }), 400, exampleMessage('AtLeastOneParameter'));
      await expectError(post(path), 400, 'At least one parameter must be set');
    }
  });

  it('names the field and the expected type or format', async () => {
    await expectError(post(detailedCsv, { body: { billable: 'yes' } }), 400, "Invalid 'billable' value, expected a boolean");
    await expectError(
      post(detailedCsv, { body: { client_ids: [5, 'x'] } }),
      400,
      "Invalid 'client_ids[1]' value, expected an integer or null",
    );
    await expectError(
      post(detailedCsv, { body: { start_date: '01/10/2026' } }),
      400,
      "Invalid 'start_date' value, expected a date in YYYY-MM-DD format",
    );
    await expectError(post(detailedCsv, { body: { page_size: 0 } }), 400, "Invalid 'page_size' value, must be >= 1");
    await expectError(
      post(summaryCsv, { body: { audit: { group_filter: { currency: 'EURO' } } } }),
      400,
      /^Invalid 'audit\.group_filter\.currency' value, must match pattern/,
    );
    await expectError(post(detailedCsv, { body: [validBody] }), 400, 'Invalid request body, expected a JSON object');
  });

  it('uses the message an endpoint documents for its own cases', async () => {
    await expectError(post(trendsCsv, { body: { start_date: '20261001' } }), 400, exampleMessage('WrongFormatDate'));
    await expectError(
      post(trendsCsv, { body: { start_date: '2026-10-31', end_date: '2026-10-01' } }),
      400,
      exampleMessage('StartAfterEnd'),
    );
    await expectError(post(detailedCsv.replace('1234567', 'abc'), { body: validBody }), 400, exampleMessage('InvalidWorkspaceId'));
    const projects = byOperation('exportProfitabilityProjects', 'text/csv').path;
    await expectError(post(projects.replace('1234567', '0'), { body: {} }), 400, exampleMessage('InvalidWorkspaceIdCapitalized'));
  });

  it('takes a workspace ID in plain decimal only, and no larger than it can hold exactly', async () => {
    const spelled = ['016', '1e3', '0x10', '16.0', '+5', '%2B5', '99999999999999999999', '9007199254740993'];
    for (const id of spelled) {
      await expectError(post(detailedCsv.replace('1234567', id), { body: validBody }), 400, exampleMessage('InvalidWorkspaceId'));
    }
    const projects = byOperation('exportProfitabilityProjects', 'text/csv').path;
    await expectError(post(projects.replace('1234567', '016'), { body: {} }), 400, exampleMessage('InvalidWorkspaceIdCapitalized'));
    // Percent-encoded digits are the digits: /workspace/%31%32/ is workspace 12.
    const encoded = await post(detailedCsv.replace('1234567', '%31%32'), { body: validBody });
    expect([encoded.status, encoded.headers.get('content-disposition')]).toEqual([
      200,
      (await post(detailedCsv.replace('1234567', '12'), { body: validBody })).headers.get('content-disposition'),
    ]);
    expect((await post(detailedCsv.replace('1234567', '9007199254740991'), { body: validBody })).status).toBe(200);
  });

  it('enforces the rules across fields that the schema cannot express', async () => {
    await expectError(
      post(detailedCsv, { body: { start_date: '2026-10-31', end_date: '2026-10-01' } }),
      400,
      "Invalid 'end_date' value, must not be before 'start_date'",
    );
    await expectError(
      post(detailedCsv, { body: { min_duration_seconds: 600, max_duration_seconds: 60 } }),
      400,
      "Invalid 'max_duration_seconds' value, must not be below 'min_duration_seconds'",
    );
    await expectError(
      post(summaryCsv, { body: { audit: { group_filter: { min_amount_cents: 500, max_amount_cents: 100 } } } }),
      400,
      "Invalid 'audit.group_filter.max_amount_cents' value, must not be below 'audit.group_filter.min_amount_cents'",
    );
    expect(
      (
        await post(detailedCsv, {
          body: { start_date: '2026-10-01', end_date: '2026-10-01', min_duration_seconds: 60, max_duration_seconds: 60 },
        })
      ).status,
    ).toBe(200);
  });

  it('answers 413 to a body over 1 MiB and 415 to a body that is not JSON', async () => {
    await expectError(
      post(detailedCsv, { body: JSON.stringify({ description: 'x'.repeat(1024 * 1024) }) }),
      413,
      /larger than 1048576 bytes/,
    );
    await expectError(
      post(detailedCsv, { body: 'start_date=2026-10-01', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      /Unsupported Content-Type 'application\/x-www-form-urlencoded'/,
    );
    expect((await post(detailedCsv, { body: validBody, headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(200);
  });

  it('answers 413 to an oversized body sent in chunks, without waiting for its end', async () => {
    const { port } = new URL(mockUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST ${detailedCsv} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
        const chunk = 'x'.repeat(64 * 1024);
        for (let sent = 0; sent <= 1024 * 1024; sent += chunk.length) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      let received = '';
      socket.on('data', (data: Buffer) => {
        received += data.toString();
        if (received.includes('\r\n\r\n')) socket.destroy();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('lets a client that is still sending an oversized body read the 413 (found by the fuzzer)', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 'x');
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
    for (const body of [bytes, chunked]) {
      // Before the fix the server closed the connection mid-upload and fetch failed with EPIPE.
      const response = await fetch(`${mockUrl}${detailedCsv}`, {
        method: 'POST',
        headers: { authorization: basicAuth('a@b.c', 'pw'), 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toBe('The request body is larger than 1048576 bytes');
    }
  });

  it('cuts off a client that goes on sending far past the limit', async () => {
    const { port } = new URL(mockUrl);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (data: Buffer) => (received += data.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {}); // the reset is the point
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST ${detailedCsv} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = `${(64 * 1024).toString(16)}\r\n${'x'.repeat(64 * 1024)}\r\n`;
    let sent = 0;
    let open = true;
    void closed.then(() => (open = false));
    while (open && sent < 200 * 1024 * 1024) {
      sent += 64 * 1024;
      if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
    }
    socket.destroy();
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('reads a body sent without Content-Type as JSON', async () => {
    const answer = await rawPost(detailedCsv, JSON.stringify(validBody), { authorization: basicAuth('a@b.c', 'pw') });
    expect(answer.status).toBe(200);
  });
});

describe('file type by extension', () => {
  it('follows the path without an Accept header', async () => {
    const answer = await rawPost(detailedXlsx, JSON.stringify(validBody), {
      authorization: basicAuth('a@b.c', 'pw'),
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(xlsx);
  });

  it('follows the path whatever compatible Accept is sent', async () => {
    for (const accept of ['*/*', `${xlsx}`, 'application/json, */*;q=0.1', `text/csv;q=0.9, ${xlsx}`]) {
      const answer = await post(detailedXlsx, { body: validBody, headers: { accept } });
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, xlsx]);
    }
  });

  it("goes by an Accept range's type and subtype, whatever its parameters, and takes Toggl's own text/xlsx", async () => {
    for (const [path, accept, mediaType] of [
      [detailedCsv, 'text/csv; charset=utf-8', 'text/csv'],
      [detailedCsv, 'text/csv;header=present;q=0.5, application/json', 'text/csv'],
      [detailedPdf, 'application/pdf; charset="binary"', 'application/pdf'],
      [detailedXlsx, 'text/xlsx', xlsx],
    ] as const) {
      const answer = await post(path, { body: validBody, headers: { accept } });
      expect([answer.status, answer.headers.get('content-type')], accept).toEqual([200, mediaType]);
    }
    await expectError(
      post(detailedCsv, { body: validBody, headers: { accept: 'text/csv; charset=utf-8; q=0' } }),
      406,
      /answers with text\/csv/,
    );
    await expectError(post(detailedCsv, { body: validBody, headers: { accept: 'text/xlsx' } }), 406, /answers with text\/csv/);
  });

  it("answers 406 to an Accept header that excludes the path's file type", async () => {
    await expectError(
      post(detailedXlsx, { body: validBody, headers: { accept: 'text/csv' } }),
      406,
      new RegExp(`answers with ${xlsx}, which the Accept header 'text/csv' does not allow`),
    );
    await expectError(post(detailedCsv, { body: validBody, headers: { accept: 'application/json' } }), 406, /answers with text\/csv/);
  });
});

describe('documented errors with Prefer', () => {
  it('returns each documented status with its first example, as JSON even on file paths', async () => {
    const cases: [number, string][] = [
      [400, 'AtLeastOneParameter'],
      [401, 'UnableToExtractAuthentication'],
      [402, 'FeatureNotEnabled'],
      [403, 'WorkspaceNotAccessible'],
      [500, 'InternalServerError'],
    ];
    for (const [code, example] of cases) {
      await expectError(post(detailedXlsx, { body: validBody, headers: { prefer: `code=${code}` } }), code, exampleMessage(example));
    }
  });

  it('429 comes with Retry-After', async () => {
    const headers = await expectError(
      post(detailedPdf, { body: validBody, headers: { prefer: 'code=429' } }),
      429,
      exampleMessage('TooManyRequests'),
    );
    expect(headers.get('retry-after')).toBe('60');
  });

  it('402 for the quota comes with the quota headers; the plan-feature 402 without them', async () => {
    const quota = await expectError(
      post(detailedXlsx, { body: validBody, headers: { prefer: 'code=402, example=QuotaExhausted' } }),
      402,
      exampleMessage('QuotaExhausted'),
    );
    expect([quota.get('x-toggl-quota-remaining'), quota.get('x-toggl-quota-resets-in')]).toEqual(['0', '1800']);
    const feature = await expectError(
      post(detailedXlsx, { body: validBody, headers: { prefer: 'code=402' } }),
      402,
      exampleMessage('FeatureNotEnabled'),
    );
    expect(feature.get('x-toggl-quota-remaining')).toBeNull();
    const saved = await expectError(post(savedPdf, { headers: { prefer: 'code=402' } }), 402, exampleMessage('QuotaExhausted'));
    expect(saved.get('x-toggl-quota-resets-in')).toBe('1800');
  });

  it('selects a named example, with or without its code', async () => {
    await expectError(
      post(savedPdf, { headers: { prefer: 'code=403, example=ReportOwnerInactive' } }),
      403,
      exampleMessage('ReportOwnerInactive'),
    );
    await expectError(post(savedPdf, { headers: { prefer: 'example=SinceMissing' } }), 500, exampleMessage('SinceMissing'));
    await expectError(post(savedPdf, { headers: { prefer: 'code=404' } }), 404, exampleMessage('NotFound'));
    await expectError(
      post(detailedCsv, { body: validBody, headers: { prefer: 'code=401, example=IncorrectCredentials' } }),
      401,
      exampleMessage('IncorrectCredentials'),
    );
  });

  it('explains a Prefer the endpoint does not document instead of answering 200', async () => {
    await expectError(
      post(detailedCsv, { body: validBody, headers: { prefer: 'code=404' } }),
      400,
      /code=404 is not documented for this endpoint; it can answer 200, 400, 401, 402, 403, 429, 500/,
    );
    await expectError(
      post(detailedCsv, { body: validBody, headers: { prefer: 'code=402, example=NotFound' } }),
      400,
      /example=NotFound is not documented for 402 .*QuotaExhausted \(402\)/,
    );
    const { json } = await post(detailedCsv, { body: validBody, headers: { prefer: 'example=Nonexistent' } });
    const named = String(json()).split('; it has ')[1]?.split(', ') ?? [];
    expect(named.length).toBeGreaterThan(1);
    expect(new Set(named).size).toBe(named.length);
    await expectError(post(detailedCsv, { body: validBody, headers: { prefer: 'code=abc' } }), 400, /Invalid Prefer code 'abc'/);
  });

  it('answers Prefer: code=200 with the file the path asks for, as without it, on every file type (found by the fuzzer: .xlsx gave 500)', async () => {
    for (const path of [detailedCsv, detailedXlsx, detailedPdf]) {
      const plain = await post(path, { body: validBody });
      const preferred = await post(path, { body: validBody, headers: { prefer: 'code=200' } });
      expect([preferred.status, preferred.headers.get('content-type')], path).toEqual([200, plain.headers.get('content-type')]);
      expect(preferred.bytes.equals(plain.bytes), path).toBe(true);
    }
  });

  it("names the examples of the path's own file type when Prefer asks for another's", async () => {
    await expectError(
      post(detailedXlsx, { body: validBody, headers: { prefer: 'code=200, example=default' } }),
      400,
      /example=default is not documented for 200 on this endpoint/,
    );
    expect((await post(detailedCsv, { body: validBody, headers: { prefer: 'code=200, example=default' } })).status).toBe(200);
  });

  it('still validates the request first', async () => {
    await expectError(
      post(detailedCsv, { body: { rounding_minutes: 7 }, headers: { prefer: 'code=429' } }),
      400,
      exampleMessage('InvalidParameterValue'),
    );
  });
});

describe('routing', () => {
  it('404 for unknown paths, 405 with Allow for other methods', async () => {
    await expectError(
      post('/reports/api/v3/workspace/1/unknown.csv', { body: validBody }),
      404,
      'Not found: no export endpoint at /reports/api/v3/workspace/1/unknown.csv',
    );
    await expectError(post(weeklyCsv.replace('.csv', '.txt'), { body: validBody }), 404, /no export endpoint/);
    const headers = await expectError(post(detailedCsv, { method: 'GET' }), 405, /Method GET is not allowed/);
    expect(headers.get('allow')).toBe('POST');
  });

  it('400 for a path whose percent-escapes do not decode, whichever parameter holds them', async () => {
    for (const path of [detailedCsv.replace('1234567', '%zz'), savedPdf.replace(/shared\/[^/]+/, 'shared/%zz'), `${trendsCsv}%`]) {
      await expectError(post(path, { body: validBody }), 400, /a % in a URL must be followed by two hexadecimal digits/);
    }
  });

  it('rejects an extension the endpoint does not offer', async () => {
    await expectError(
      post(detailedCsv.replace('.csv', '.json'), { body: validBody }),
      400,
      "Invalid 'extension' value, allowed values are: 'csv, xlsx'",
    );
  });
});

describe('repeated requests', () => {
  it('get the same answer, whoever asks', async () => {
    const first = await post(detailedXlsx, { body: validBody });
    const again = await post(detailedXlsx, { body: validBody, headers: { authorization: basicAuth('grace@example.com', 'other') } });
    expect(again.status).toBe(200);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    // The cache keys on whether credentials are usable, so a bad one is not served a cached file.
    await expectError(
      post(detailedXlsx, { body: validBody, headers: { authorization: basicAuth('grace@example.com', '') } }),
      401,
      'Incorrect username and/or password',
    );
  });
});
