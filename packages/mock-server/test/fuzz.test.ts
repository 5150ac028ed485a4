import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FuzzOperation, invalidBodies, knownPaths, operations, validBody } from './fuzz-model.ts';
import { basicAuth, mockUrl, validAuth } from './http.ts';

/*
 * Fuzzing the mock with generated bad input, derived from the bundled spec (fuzz-model.ts).
 * Every bad request must get a 4xx whose body is a JSON string message, and an answer at all:
 * each request is aborted after FUZZ_TIMEOUT_MS, which fails the case as a hang.
 * FUZZ_RUNS is the number of cases in all, spread over the properties below.
 *
 * In `pnpm test` (500 cases, 5 s per request) this runs beside every other package's tests on
 * a busy machine, so the timeout only catches hangs. `pnpm fuzz` runs 10,000 cases with 1 s per
 * request, on a machine doing nothing else. Valid bodies are the exception: the mock computes
 * their file, and a year of entries as PDF takes over a second by itself (`pnpm bench` measures
 * it), so they get RENDER_TIMEOUT_MS, still a guard against hangs. A failure prints the seed;
 * FUZZ_SEED=<seed> replays it.
 */

const totalRuns = Number(process.env.FUZZ_RUNS ?? 500);
const timeoutMs = Number(process.env.FUZZ_TIMEOUT_MS ?? 5000);
const RENDER_TIMEOUT_MS = 20_000;
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const maxBodyBytes = 1024 * 1024;

/** Runs for a property with this share of all cases; its test timeout is only a backstop. */
function settings(share: number, limitMs = timeoutMs) {
  const numRuns = Math.max(5, Math.round(totalRuns * share));
  return { numRuns, timeout: numRuns * limitMs + 60_000 };
}

const run = <Ts extends unknown[]>(property: fc.IAsyncPropertyWithHooks<Ts>, numRuns: number) =>
  fc.assert(property, { numRuns, ...(seed !== undefined && { seed }), endOnFailure: true });

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

interface Sent {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

async function send({ path, method = 'POST', headers = {}, body }: Sent, limitMs = timeoutMs): Promise<Answer> {
  try {
    const response = await fetch(`${mockUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body, ...(body instanceof ReadableStream && { duplex: 'half' }) }),
      signal: AbortSignal.timeout(limitMs),
    } as RequestInit);
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new Error(`no answer within ${limitMs} ms: the mock hangs on this request`);
    throw error;
  }
}

const json = (body: unknown) => ({ headers: { authorization: validAuth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A Toggl-style error: the status, JSON content, and a body that is one non-empty JSON string. */
function expectError(answer: Answer, status: number | ((status: number) => boolean)): string {
  if (typeof status === 'number') expect(answer.status, answer.text).toBe(status);
  else expect(status(answer.status), `status ${answer.status}: ${answer.text}`).toBe(true);
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const message: unknown = JSON.parse(answer.text);
  expect(typeof message).toBe('string');
  expect((message as string).length).toBeGreaterThan(0);
  return message as string;
}

const isClientError = (status: number) => status >= 400 && status < 500;
const documented = (operation: FuzzOperation, status: number) => operation.messages.get(status) ?? [];

/** An operation and one of its paths. */
const operationAndPath = fc
  .constantFrom(...operations)
  .chain((operation) => fc.tuple(fc.constant(operation), fc.constantFrom(...operation.paths)));
const workspaceOperations = operations.filter((operation) => !operation.authOptional);

beforeAll(async () => {
  // One valid request per path first, so Prism's one-time work (compiling each schema) is not timed as a hang.
  for (const operation of operations) {
    for (const path of operation.paths) {
      const body = fc.sample(validBody(operation), { numRuns: 1, seed: 1 })[0];
      const response = await fetch(`${mockUrl}${path}`, { method: 'POST', ...json(body) });
      await response.arrayBuffer();
    }
  }
});

describe(`fuzzing the mock (${totalRuns} cases)`, () => {
  const bodies = settings(0.3);
  it('answers every body with one thing wrong with 400, naming the field', { timeout: bodies.timeout }, async () => {
    const cases = operationAndPath.chain(([operation, path]) =>
      fc.tuple(fc.constant(operation), fc.constant(path), invalidBodies(operation)),
    );
    await run(
      fc.asyncProperty(cases, async ([operation, path, invalid]) => {
        const message = expectError(await send({ path, ...json(invalid.body) }), 400);
        if (invalid.field !== undefined && !documented(operation, 400).includes(message)) {
          expect(message, invalid.problem).toContain(`'${invalid.field}'`);
        }
      }),
      bodies.numRuns,
    );
  });

  const valid = settings(0.1, RENDER_TIMEOUT_MS);
  it('answers valid bodies with 200 and the file', { timeout: valid.timeout }, async () => {
    const cases = operationAndPath.chain(([operation, path]) => fc.tuple(fc.constant(path), validBody(operation)));
    await run(
      fc.asyncProperty(cases, async ([path, body]) => {
        const answer = await send(
          body === undefined ? { path, headers: { authorization: validAuth } } : { path, ...json(body) },
          RENDER_TIMEOUT_MS,
        );
        expect(answer.status, answer.text).toBe(200);
        expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
      }),
      valid.numRuns,
    );
  });

  const malformed = settings(0.1);
  it('answers malformed JSON with 400 "Invalid JSON in the request body"', { timeout: malformed.timeout }, async () => {
    const fails = (text: string) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    };
    const text = fc.oneof(
      // Valid JSON cut short, or with a stray character in it.
      fc.jsonValue().chain((value) => {
        const whole = JSON.stringify(value);
        return fc.integer({ min: 1, max: Math.max(1, whole.length - 1) }).map((end) => whole.slice(0, end));
      }),
      fc
        .tuple(fc.jsonValue(), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', "'", '\\', 'x', 'NaN', 'undefined'), fc.nat())
        .map(([value, stray, at]) => {
          const whole = JSON.stringify(value);
          const index = at % (whole.length + 1);
          return whole.slice(0, index) + stray + whole.slice(index);
        }),
      fc.string({ minLength: 1 }),
      fc.constantFrom(
        '{"start_date": "2026-10-01",}',
        "{'start_date': '2026-10-01'}",
        '\ufeff{}',
        '{"a":1}{"b":2}',
        '[1,2',
        '01',
        '.5',
        'tru',
      ),
    );
    const bytes = fc.oneof(
      text.filter((candidate) => candidate.trim().length > 0 && fails(candidate)).map((candidate) => Buffer.from(candidate)),
      fc
        .uint8Array({ minLength: 1, maxLength: 200 })
        .filter((candidate) => Buffer.from(candidate).toString('utf8').trim().length > 0 && fails(Buffer.from(candidate).toString('utf8'))),
    );
    await run(
      fc.asyncProperty(operationAndPath, bytes, async ([, path], body) => {
        const answer = await send({ path, headers: { authorization: validAuth, 'content-type': 'application/json' }, body });
        expect(expectError(answer, 400)).toMatch(/^Invalid JSON in the request body: /);
      }),
      malformed.numRuns,
    );
  });

  const contentTypes = settings(0.07);
  it('answers bodies that are not sent as JSON with 415', { timeout: contentTypes.timeout }, async () => {
    const token = fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,15}$/);
    const mediaType = fc
      .tuple(fc.constantFrom('text', 'application', 'multipart', 'image', 'audio', 'x-custom'), token)
      .filter(([type, subtype]) => !(type === 'application' && (subtype === 'json' || subtype.endsWith('+json'))))
      .chain(([type, subtype]) =>
        fc
          .tuple(fc.constant(`${type}/${subtype}`), fc.boolean(), fc.constantFrom('', '; charset=utf-8', '; boundary=x', '; q=0.5'))
          .map(([name, upper, parameters]) => `${upper ? name.toUpperCase() : name}${parameters}`),
      );
    const notAMediaType = fc.stringMatching(/^[!-~]{1,30}$/).filter((value) => !value.includes('/'));
    await run(
      fc.asyncProperty(
        operationAndPath.chain(([operation, path]) => fc.tuple(fc.constant(path), validBody(operation))),
        fc.oneof(mediaType, notAMediaType),
        async ([path, body], contentType) => {
          const answer = await send({
            path,
            headers: { authorization: validAuth, 'content-type': contentType },
            body: JSON.stringify(body ?? {}),
          });
          expect(expectError(answer, 415)).toContain('Content-Type');
        },
      ),
      contentTypes.numRuns,
    );
  });

  const huge = settings(0.08);
  it('answers huge and deeply nested JSON under the size limit with 4xx', { timeout: huge.timeout }, async () => {
    const closedOperations = operations.filter((operation) => operation.body.closed);
    const listField = (operation: FuzzOperation) =>
      Object.keys(operation.body.properties).find((name) => operation.body.properties[name]!.types.includes('array'));
    const enumField = (operation: FuzzOperation) =>
      Object.keys(operation.body.properties).find((name) => operation.body.properties[name]!.enum);
    const cases = fc.oneof(
      // Nesting built as text: JSON.stringify itself would overflow the stack at these depths.
      fc.tuple(operationAndPath, fc.integer({ min: 1_000, max: 200_000 })).map(([[operation, path], depth]) => ({
        operation,
        path,
        text: `${'['.repeat(depth)}${']'.repeat(depth)}`,
        field: undefined as string | undefined,
      })),
      fc.tuple(fc.constantFrom(...closedOperations), fc.integer({ min: 1_000, max: 100_000 })).map(([operation, depth]) => ({
        operation,
        path: operation.paths[0]!,
        text: `{"nested":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
        field: 'nested',
      })),
      fc
        .tuple(fc.constantFrom(...closedOperations.filter(listField)), fc.integer({ min: 1_000, max: 150_000 }))
        .map(([operation, depth]) => ({
          operation,
          path: operation.paths[0]!,
          text: `{"${listField(operation)}":[${'['.repeat(depth)}${']'.repeat(depth)}]}`,
          field: `${listField(operation)}[0]`,
        })),
      fc.tuple(fc.constantFrom(...closedOperations), fc.integer({ min: 1_000, max: 40_000 })).map(([operation, keys]) => ({
        operation,
        path: operation.paths[0]!,
        text: `{${Array.from({ length: keys }, (_, index) => `"unknown_${index}":${index}`).join(',')}}`,
        field: 'unknown_0',
      })),
      fc
        .tuple(fc.constantFrom(...closedOperations.filter(enumField)), fc.integer({ min: 10_000, max: maxBodyBytes - 100 }))
        .map(([operation, length]) => ({
          operation,
          path: operation.paths[0]!,
          text: `{"${enumField(operation)}":"${'x'.repeat(length)}"}`,
          field: enumField(operation),
        })),
      fc
        .tuple(fc.constantFrom(...closedOperations.filter(listField)), fc.integer({ min: 1_000, max: 100_000 }))
        .map(([operation, length]) => ({
          operation,
          path: operation.paths[0]!,
          text: `{"${listField(operation)}":[${Array.from({ length }, (_, index) => index + 1).join(',')},"last"]}`,
          // The bad item itself, or the list as longer than the mock checks.
          field: listField(operation),
        })),
      // Every list of the body full of bad items: the most problems a body under the limit can hold.
      fc.tuple(fc.constantFrom(...closedOperations.filter(listField)), fc.integer({ min: 100, max: 30_000 })).map(([operation, count]) => {
        const lists = Object.keys(operation.body.properties).filter((name) => operation.body.properties[name]!.types.includes('array'));
        return {
          operation,
          path: operation.paths[0]!,
          text: `{${lists.map((name) => `"${name}":[${Array(count).fill('"x"').join(',')}]`).join(',')}}`,
          field: lists[0],
        };
      }),
    );
    const described = cases.map((entry) => ({
      ...entry,
      [fc.toStringMethod]: () => `${Buffer.byteLength(entry.text)} bytes to ${entry.path}: ${entry.text.slice(0, 60)}…`,
    }));
    await run(
      fc.asyncProperty(described, async ({ operation, path, text, field }) => {
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBodyBytes);
        const message = expectError(
          await send({ path, headers: { authorization: validAuth, 'content-type': 'application/json' }, body: text }),
          isClientError,
        );
        if (field !== undefined && !documented(operation, 400).includes(message)) expect(message).toContain(`'${field}`);
      }),
      huge.numRuns,
    );
  });

  const oversized = settings(0.05);
  it('answers bodies over the limit with 413, with or without Content-Length', { timeout: oversized.timeout }, async () => {
    const cases = fc.tuple(operationAndPath, fc.integer({ min: maxBodyBytes + 1, max: 3 * maxBodyBytes }), fc.boolean(), fc.boolean());
    await run(
      fc.asyncProperty(cases, async ([[, path], size, asJson, chunked]) => {
        const text = asJson ? `{"description":"${'x'.repeat(size - 18)}"}` : 'x'.repeat(size);
        const bytes = Buffer.from(text);
        const body = chunked
          ? new ReadableStream<Uint8Array>({
              start(controller) {
                for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
                controller.close();
              },
            })
          : bytes;
        const message = expectError(
          await send({ path, headers: { authorization: validAuth, 'content-type': 'application/json' }, body }),
          413,
        );
        expect(message).toBe(`The request body is larger than ${maxBodyBytes} bytes`);
      }),
      oversized.numRuns,
    );
  });

  const credentials = settings(0.1);
  it('answers missing, malformed and impossible credentials with 401 and a documented message', {
    timeout: credentials.timeout,
  }, async () => {
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    const printable = fc.stringMatching(/^[ -~]{0,30}$/);
    const userOrPassword = fc.stringMatching(/^[!-9;-~]{1,20}$/); // printable, no colon
    const authorization = fc.oneof(
      fc
        .tuple(
          fc.stringMatching(/^[A-Za-z]{1,10}$/).filter((scheme) => scheme.toLowerCase() !== 'basic'),
          printable,
        )
        .map(([scheme, rest]) => `${scheme} ${rest}`),
      userOrPassword.map((text) => `Basic ${base64(text)}`), // no colon
      userOrPassword.map((password) => `Basic ${base64(`:${password}`)}`), // empty user name
      userOrPassword.map((user) => `Basic ${base64(`${user}:`)}`), // empty password
      fc
        .stringMatching(/^[!-~]{1,20}$/)
        .filter((text) => /[^A-Za-z0-9+/=]/.test(text))
        .map((text) => `Basic ${text}`), // not base64
      fc.constantFrom('Basic', 'Basic ', 'basic ==', 'Basic a', 'Basic a=b:c'),
    );
    const cases = fc
      .oneof(
        fc.tuple(fc.constantFrom(...operations), authorization),
        fc.tuple(fc.constantFrom(...workspaceOperations), fc.constantFrom(undefined, '', ' ')),
      )
      .chain(([operation, header]) => fc.tuple(fc.constant(operation), fc.constant(header), validBody(operation)));
    await run(
      fc.asyncProperty(cases, async ([operation, header, body]) => {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          ...(header !== undefined && { authorization: header }),
        };
        const answer = await send({ path: operation.paths[0]!, headers, body: JSON.stringify(body ?? {}) });
        expect(documented(operation, 401)).toContain(expectError(answer, 401));
      }),
      credentials.numRuns,
    );
  });

  const paths = settings(0.1);
  it('answers unknown paths, bad path parameters and other methods with 4xx', { timeout: paths.timeout }, async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{1,12}$/);
    const unknownPath = fc
      .tuple(
        fc.constantFrom(
          '',
          '/reports/api/v3',
          '/reports/api/v3/workspace/1234567',
          '/insights/api/v1/workspace/1',
          '/reports/api/v3/shared',
        ),
        fc.array(segment, { minLength: 1, maxLength: 5 }),
      )
      .map(([prefix, segments]) => `${prefix}/${segments.join('/')}`)
      .filter((path) => !knownPaths.some((known) => known.test(path)));
    const badWorkspaceId = fc.oneof(
      fc.stringMatching(/^[A-Za-z_~-][A-Za-z0-9_~-]{0,10}$/),
      fc.integer({ min: -1_000_000, max: 0 }).map(String),
      fc
        .double({ min: 0.001, max: 1e6, noNaN: true })
        .filter((value) => !Number.isInteger(value))
        .map(String),
      fc.bigInt({ min: 2n ** 63n, max: 10n ** 30n }).map(String),
    );
    const withWorkspace = operations.filter((operation) => operation.pathWithWorkspace);
    const cases = fc.oneof(
      unknownPath.map((path) => ({ path, method: 'POST', expected: 404 })),
      fc
        .tuple(fc.constantFrom(...withWorkspace), badWorkspaceId)
        .map(([operation, id]) => ({ path: operation.pathWithWorkspace!(id), method: 'POST', expected: 400 })),
      fc
        .tuple(operationAndPath, fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'))
        .map(([[, path], method]) => ({ path, method, expected: 405 })),
    );
    await run(
      fc.asyncProperty(cases, async ({ path, method, expected }) => {
        const answer = await send({ path, method, headers: { authorization: validAuth } });
        expectError(answer, expected);
        if (expected === 405) expect(answer.headers.get('allow')).toBe('POST');
      }),
      paths.numRuns,
    );
  });

  const prefer = settings(0.1);
  it('answers 5xx only when Prefer asks for it', { timeout: prefer.timeout }, async () => {
    const preferHeader = (operation: FuzzOperation) =>
      fc.oneof(
        fc.integer({ min: 100, max: 599 }).map((code) => `code=${code}`),
        fc.constantFrom(...operation.exampleStatus.keys()).map((example) => `example=${example}`),
        fc
          .tuple(fc.integer({ min: 100, max: 599 }), fc.constantFrom(...operation.exampleStatus.keys()))
          .map(([code, example]) => `code=${code}, example=${example}`),
        fc.stringMatching(/^[ -~]{0,40}$/),
      );
    const cases = operationAndPath.chain(([operation, path]) =>
      fc.tuple(fc.constant(operation), fc.constant(path), validBody(operation), preferHeader(operation)),
    );
    await run(
      fc.asyncProperty(cases, async ([operation, path, body, header]) => {
        const answer = await send({
          path,
          headers: { authorization: validAuth, 'content-type': 'application/json', prefer: header },
          body: JSON.stringify(body ?? {}),
        });
        const askedCodes = [...header.matchAll(/code\s*=\s*"?(\d{3})/gi)].map((match) => Number(match[1]));
        const askedExamples = [...header.matchAll(/example\s*=\s*"?([^,;"\s]+)/gi)].map((match) => operation.exampleStatus.get(match[1]!));
        if (answer.status >= 500)
          expect([...askedCodes, ...askedExamples], `${answer.status} for Prefer: ${header}`).toContain(answer.status);
        if (answer.status !== 200) expectError(answer, answer.status);
      }),
      prefer.numRuns,
    );
  });

  it('is still up and answering after all of it', async () => {
    const [operation] = operations;
    const answer = await send({
      path: operation!.paths[0]!,
      headers: { authorization: basicAuth('ada@example.com', 'pw'), 'content-type': 'application/json' },
      body: '{"start_date":"2026-10-01"}',
    });
    expect(answer.status).toBe(200);
  });
});
