import { describe, expect, it } from 'vitest';
import { createTogglExportsClient, type TogglCredentials, type TogglExportsClientOptions } from '../src/index.js';

/** Calls the factory with values TypeScript would reject, as a JavaScript caller could. */
const create = (credentials: unknown, options?: unknown) =>
  createTogglExportsClient(credentials as TogglCredentials, options as TogglExportsClientOptions);

describe('createTogglExportsClient options', () => {
  it.each([
    [{ baseUrl: 'api.track.toggl.com' }, /options\.baseUrl is "api\.track\.toggl\.com"; use an absolute http\(s\) URL/],
    [{ baseUrl: 'ftp://example.com' }, /options\.baseUrl is "ftp:\/\/example\.com"; use an absolute http\(s\) URL/],
    [{ baseUrl: 'https://example.com/?x=1' }, /options\.baseUrl .*without credentials, query or fragment/],
    [{ baseUrl: 42 }, /options\.baseUrl is 42/],
    [{ timeout: 0 }, /options\.timeout is 0; use a whole number from 1 to 2147483647/],
    [{ timeout: '5s' }, /options\.timeout is "5s"; use a whole number/],
    [{ timeout: 1.5 }, /options\.timeout is 1\.5/],
    [{ retry: { retries: -1 } }, /options\.retry\.retries is -1; use a whole number from 0 to 10/],
    [{ retry: { retries: 11 } }, /options\.retry\.retries is 11; use a whole number from 0 to 10/],
    [{ retry: { baseDelayMs: Number.NaN } }, /options\.retry\.baseDelayMs is NaN/],
    [{ retry: { baseDelayMs: 1000, maxDelayMs: 10 } }, /options\.retry\.maxDelayMs is below baseDelayMs; use a value at least as large/],
    [{ retry: { maxRetryAfterMs: -5 } }, /options\.retry\.maxRetryAfterMs is -5/],
    [{ retry: { onRetry: 'log' } }, /options\.retry\.onRetry is "log"; use a function/],
    [
      { retry: { attempts: 3 } },
      /options\.retry\.attempts is not an option; use retries, baseDelayMs, maxDelayMs, maxRetryAfterMs, onRetry/,
    ],
    [{ retry: true }, /options\.retry is true; use an object or false\./],
    [{ fetch: 'fetch' }, /options\.fetch is "fetch"; use a fetch function/],
    [{ userAgent: 'line\nbreak' }, /options\.userAgent is "line\\nbreak"; use a non-empty string of printable ASCII/],
    [{ userAgent: '' }, /options\.userAgent is ""/],
    [{ baseURL: 'https://example.com' }, /options\.baseURL is not an option; use baseUrl, fetch, userAgent, retry, timeout/],
    ['https://example.com', /options is "https:\/\/example\.com"; use an object/],
  ])('rejects %j with a message naming the field and what is allowed', (options, message) => {
    expect(() => create({ apiToken: 't' }, options)).toThrow(TypeError);
    expect(() => create({ apiToken: 't' }, options)).toThrow(message);
  });

  it('accepts every documented option', () => {
    const client = create(
      { apiToken: 't' },
      {
        baseUrl: 'http://127.0.0.1:4010/',
        fetch: globalThis.fetch,
        userAgent: 'my-script/1.0',
        retry: { retries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0, onRetry: () => {} },
        timeout: false,
      },
    );
    expect(typeof client.exportDetailedReport).toBe('function');
    expect(() => create({ apiToken: 't' }, { retry: false, timeout: 1 })).not.toThrow();
  });
});

describe('createTogglExportsClient credentials', () => {
  it.each([
    [{ apiToken: '' }, /credentials\.apiToken is empty; use a non-empty string without ":"/],
    [{ apiToken: 123 }, /credentials\.apiToken is number/],
    [{ apiToken: 'se:cret' }, /credentials\.apiToken contains ":"/],
    [{ email: 'me@example.com' }, /credentials\.password is undefined; use a non-empty string/],
    [{ password: 'secret-pw' }, /credentials\.email is undefined/],
    [{ email: 'a:b@example.com', password: 'secret-pw' }, /credentials\.email contains ":"/],
    [
      { apiToken: 'tok', password: 'secret-pw' },
      /credentials mixes apiToken with email and password; pass \{ apiToken \} or \{ email, password \}/,
    ],
    [{ token: 'tok' }, /credentials\.token is not an option; use apiToken, email, password/],
    ['tok', /credentials is "tok"; use an object/],
  ])('rejects %j with a message naming the field', (credentials, message) => {
    expect(() => create(credentials)).toThrow(message);
  });

  it('never repeats a credential value in its error message', () => {
    for (const credentials of [
      { apiToken: 'se:cret-token' },
      { email: 'x:y', password: 'secret-pw' },
      { apiToken: 'secret-token', email: 'e' },
    ]) {
      const error = (() => {
        try {
          create(credentials);
        } catch (caught) {
          return caught as Error;
        }
        throw new Error('expected a TypeError');
      })();
      expect(error.message).not.toMatch(/secret|se:cret|x:y/);
    }
  });

  it('does not echo a base URL that carries a password', () => {
    expect(() => create({}, { baseUrl: 'https://me:hunter2@api.track.toggl.com' })).toThrow(/options\.baseUrl is not usable/);
    expect(() => create({}, { baseUrl: 'https://me:hunter2@api.track.toggl.com' })).not.toThrow(/hunter2/);
  });

  it.each([
    ['https://me:hunter2@api.track.toggl.com', 'it carries a user name or password'],
    // Without a scheme, "me:" is read as one and no password is found; the value is still not shown.
    ['me:hunter2@api.track.toggl.com', 'it does not start with http:// or https://'],
    ['https://api.track.toggl.com/?login=me:hunter2@example.com', 'it has a query or fragment'],
  ])('says why the base URL %s is not usable without showing it', (baseUrl, why) => {
    const message = (() => {
      try {
        create({}, { baseUrl });
      } catch (caught) {
        return (caught as Error).message;
      }
      throw new Error('expected a TypeError');
    })();
    expect(message).toBe(
      `createTogglExportsClient options.baseUrl is not usable: ${why}; use an absolute http(s) URL without credentials, query or fragment, such as "https://api.track.toggl.com".`,
    );
  });
});
