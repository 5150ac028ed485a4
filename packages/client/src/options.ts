import type { TogglApiError, TogglNetworkError } from './errors.js';

/** How to sign in: an API token (preferred for scripts), a login, or nothing (public saved reports). */
export type TogglCredentials =
  | { apiToken: string; email?: never; password?: never }
  | { email: string; password: string; apiToken?: never }
  | { apiToken?: never; email?: never; password?: never };

/** Told before each retry: what failed and how long the client waits. */
export interface RetryEvent {
  operationId: string;
  /** The attempt that just failed, from 1. */
  attempt: number;
  delayMs: number;
  error: TogglApiError | TogglNetworkError;
}

export interface RetryOptions {
  /** Times a failed request is sent again (default 3; 0 disables retries). */
  retries?: number;
  /** Backoff before the first retry, doubled for each further one; the wait is a random share of it (full jitter). Default 500. */
  baseDelayMs?: number;
  /** Largest backoff between two attempts (default 10 000). */
  maxDelayMs?: number;
  /**
   * Longest wait the server may ask for with `Retry-After` or `X-Toggl-Quota-Resets-In` (default 60 000).
   * If it asks for more, the call fails at once with the wait in the error, so you can schedule it yourself.
   */
  maxRetryAfterMs?: number;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void;
}

export interface TogglExportsClientOptions {
  /** Default `https://api.track.toggl.com`; point it at the mock server in tests. */
  baseUrl?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
  /** Sent as `User-Agent` where the platform allows it (not in browsers). */
  userAgent?: string;
  /** Retry settings, or `false` to send every request once. */
  retry?: RetryOptions | false;
  /** Milliseconds a call may wait for its response, retries included (default 60 000); `false` for no limit. */
  timeout?: number | false;
}

export type ResolvedRetry = Required<Omit<RetryOptions, 'onRetry'>> & Pick<RetryOptions, 'onRetry'>;

/** The validated settings every method of one client shares. */
export interface ClientConfig {
  baseUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  /** Authorization and User-Agent, as configured. */
  headers: Record<string, string>;
  timeout: number | undefined;
  retry: ResolvedRetry | undefined;
  /** Credential strings that must never show up in an error. */
  secrets: string[];
}

const defaultBaseUrl = 'https://api.track.toggl.com';
const maxTimerMs = 2_147_483_647;
/** The default and the largest value of each numeric retry setting. */
const retryLimits = {
  retries: { fallback: 3, max: 10 },
  baseDelayMs: { fallback: 500, max: maxTimerMs },
  maxDelayMs: { fallback: 10_000, max: maxTimerMs },
  maxRetryAfterMs: { fallback: 60_000, max: maxTimerMs },
};
const optionNames = ['baseUrl', 'fetch', 'userAgent', 'retry', 'timeout'];

/** Throws the one kind of error bad input gets: which field, what is wrong with it, what is allowed. */
export function throwTypeError(field: string, problem: string, allowed: string): never {
  throw new TypeError(`${field} ${problem}; ${allowed}.`);
}

/** Describes a value for an error message; never used on credentials. */
export const describeValue = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : value && typeof value === 'object' ? 'an object' : String(value);

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, field: string, allowedKeys: string[], allowed = 'an object'): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isObject(value)) throwTypeError(field, `is ${describeValue(value)}`, `use ${allowed}`);
  for (const key in value)
    if (!allowedKeys.includes(key)) throwTypeError(`${field}.${key}`, 'is not an option', `use ${allowedKeys.join(', ')}`);
  return value;
}

const wholeNumber = (value: unknown, field: string, min: number, max: number): number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? (value as number)
    : throwTypeError(field, `is ${describeValue(value)}`, `use a whole number from ${min} to ${max}`);

export const checkTimeout = (value: unknown, field: string): number | undefined =>
  value === false ? undefined : wholeNumber(value, field, 1, maxTimerMs);

/** A credential field's value; the error says what kind of value it was, never the value. */
function credential(value: unknown, field: string, colonAllowed = false): string {
  return typeof value === 'string' && value && (colonAllowed || !value.includes(':'))
    ? value
    : throwTypeError(
        field,
        typeof value === 'string' ? (value ? 'contains ":"' : 'is empty') : `is ${typeof value}`,
        `use a non-empty string${colonAllowed ? '' : ' without ":"'}`,
      );
}

/** The Authorization header (`<token>:api_token` or `email:password`, UTF-8, base64) and the strings to keep secret. */
function basicAuth(credentials: unknown): [header?: string, ...secrets: string[]] {
  const field = 'createTogglExportsClient credentials';
  const { apiToken, email, password } = object(credentials, field, ['apiToken', 'email', 'password']);
  if (apiToken !== undefined && (email ?? password) !== undefined) {
    throwTypeError(field, 'mixes apiToken with email and password', 'pass { apiToken } or { email, password }');
  }
  if ((apiToken ?? email ?? password) === undefined) return [];
  const secret = apiToken === undefined ? credential(password, `${field}.password`, true) : credential(apiToken, `${field}.apiToken`);
  const user = apiToken === undefined ? credential(email, `${field}.email`) : secret;
  const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${apiToken === undefined ? secret : 'api_token'}`)));
  // Toggl tokens have 32 characters and passwords at least 8; shorter strings would match ordinary words.
  return [`Basic ${encoded}`, encoded, ...(secret.length < 8 ? [] : [secret])];
}

/**
 * What is wrong with a base URL. One that contains "@" may carry a password, even where it cannot
 * be read as one (`me:secret@host` parses with `me:` as its scheme), so it is described, not shown.
 */
function baseUrlProblem(value: unknown, url: URL | undefined): string {
  if (!String(value).includes('@')) return `is ${describeValue(value)}`;
  if (url?.username || url?.password) return 'is not usable: it carries a user name or password';
  if (!url || !/^https?:$/.test(url.protocol)) return 'is not usable: it does not start with http:// or https://';
  return 'is not usable: it has a query or fragment';
}

function baseUrlOf(value: unknown, field: string): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throwTypeError(
      field,
      baseUrlProblem(value, url),
      `use an absolute http(s) URL without credentials, query or fragment, such as "${defaultBaseUrl}"`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

function retryOf(value: unknown, field: string): ResolvedRetry | undefined {
  if (value === false) return undefined;
  const retry = object(value, field, [...Object.keys(retryLimits), 'onRetry'], 'an object or false');
  const { onRetry } = retry;
  if (onRetry !== undefined && typeof onRetry !== 'function')
    throwTypeError(`${field}.onRetry`, `is ${describeValue(onRetry)}`, 'use a function');
  const resolved = { onRetry } as ResolvedRetry;
  for (const [key, { fallback, max }] of Object.entries(retryLimits)) {
    resolved[key as keyof typeof retryLimits] = wholeNumber(retry[key] ?? fallback, `${field}.${key}`, 0, max);
  }
  if (resolved.maxDelayMs < resolved.baseDelayMs)
    throwTypeError(`${field}.maxDelayMs`, 'is below baseDelayMs', 'use a value at least as large');
  return resolved;
}

/** Validates what `createTogglExportsClient` was given; throws a TypeError naming the bad field. */
export function resolveConfig(credentials: unknown, options: unknown): ClientConfig {
  const field = 'createTogglExportsClient options';
  const { baseUrl = defaultBaseUrl, fetch, userAgent, retry, timeout = 60_000 } = object(options, field, optionNames);
  if (fetch !== undefined && typeof fetch !== 'function')
    throwTypeError(`${field}.fetch`, `is ${describeValue(fetch)}`, 'use a fetch function');
  if (userAgent !== undefined && (typeof userAgent !== 'string' || !/^[\x20-\x7e]+$/.test(userAgent))) {
    throwTypeError(`${field}.userAgent`, `is ${describeValue(userAgent)}`, 'use a non-empty string of printable ASCII');
  }
  const [authorization, ...secrets] = basicAuth(credentials);
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  if (userAgent) headers['user-agent'] = userAgent;
  return {
    baseUrl: baseUrlOf(baseUrl, `${field}.baseUrl`),
    fetch: fetch as typeof globalThis.fetch | undefined,
    headers,
    timeout: checkTimeout(timeout, `${field}.timeout`),
    retry: retryOf(retry, `${field}.retry`),
    secrets,
  };
}
