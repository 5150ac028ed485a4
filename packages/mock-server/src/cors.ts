/*
 * Cross-origin access, so that a web app on another origin (a dev server, a test page) can call
 * the mock as it would call Toggl. Every answer carries the headers, errors included: a browser
 * hides any answer without them, and the client could only report a network error.
 */

/** Which origins may call the mock from a browser: any (`'*'`), the ones listed, or none (`false`). */
export type CorsOrigins = '*' | readonly string[] | false;

export const allowedRequestHeaders = ['Authorization', 'Content-Type', 'Prefer'];
/** The answer headers a browser app may read, on the answers that have them: the file name, and when to try again. */
export const exposedHeaders = ['Content-Disposition', 'Retry-After', 'X-Toggl-Quota-Remaining', 'X-Toggl-Quota-Resets-In'];
export const allowedMethods = ['GET', 'POST', 'DELETE'];

export interface CorsPolicy {
  /** The headers to add to an answer for a request from `origin` (the `Origin` header), before `corsHeadersFor` fits them to the answer. */
  headersFor(origin: string | undefined): Readonly<Record<string, string>>;
  /** Whether the request is a preflight this policy answers (`OPTIONS` with `Access-Control-Request-Method`). */
  isPreflight(method: string | undefined, requestMethod: string | undefined): boolean;
  /** The headers of the 204 to a preflight from `origin`. */
  preflightHeadersFor(origin: string | undefined): Readonly<Record<string, string>>;
}

const none: Readonly<Record<string, string>> = Object.freeze({});
const exposed = { 'Access-Control-Expose-Headers': exposedHeaders.join(', ') };
const preflight = {
  'Access-Control-Allow-Methods': allowedMethods.join(', '),
  'Access-Control-Allow-Headers': allowedRequestHeaders.join(', '),
  'Access-Control-Max-Age': '600',
};

export function corsPolicy(origins: CorsOrigins): CorsPolicy {
  if (origins === false) {
    return { headersFor: () => none, isPreflight: () => false, preflightHeadersFor: () => none };
  }
  const isPreflight = (method: string | undefined, requestMethod: string | undefined) =>
    method === 'OPTIONS' && requestMethod !== undefined;
  if (origins === '*') {
    const answer = Object.freeze({ 'Access-Control-Allow-Origin': '*', ...exposed });
    const answerToPreflight = Object.freeze({ 'Access-Control-Allow-Origin': '*', ...preflight });
    return { headersFor: () => answer, isPreflight, preflightHeadersFor: () => answerToPreflight };
  }
  // Made once per origin, so that every answer to one origin carries the same object (see request-handler.ts).
  const answers = new Map(
    origins.map((origin) => [origin, Object.freeze({ 'Access-Control-Allow-Origin': origin, ...exposed, Vary: 'Origin' })]),
  );
  const answersToPreflight = new Map(
    origins.map((origin) => [origin, Object.freeze({ 'Access-Control-Allow-Origin': origin, ...preflight, Vary: 'Origin' })]),
  );
  // The answer depends on Origin, so caches must keep one per origin.
  const vary = Object.freeze({ Vary: 'Origin' });
  return {
    headersFor: (origin) => (origin === undefined ? undefined : answers.get(origin)) ?? vary,
    isPreflight,
    preflightHeadersFor: (origin) => (origin === undefined ? undefined : answersToPreflight.get(origin)) ?? vary,
  };
}

const exposeHeader = 'Access-Control-Expose-Headers';

/**
 * The CORS headers of an answer sent with `headers` and `extraHeaders` (names written as in
 * `exposedHeaders`): `Access-Control-Expose-Headers` names only the exposed headers the answer
 * has, and is left out when it has none. A page can read a listed header only when the answer
 * carries it, so naming the others told the browser nothing, and made every answer longer to
 * write and to check (Node checks each header value byte by byte).
 */
export function corsHeadersFor(
  corsHeaders: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>>,
  extraHeaders?: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  if (!Object.hasOwn(corsHeaders, exposeHeader)) return corsHeaders;
  const exposed = exposedHeaders.filter(
    (name) => Object.hasOwn(headers, name) || (extraHeaders !== undefined && Object.hasOwn(extraHeaders, name)),
  );
  const { [exposeHeader]: _listed, ...others } = corsHeaders;
  return exposed.length > 0 ? { ...others, [exposeHeader]: exposed.join(', ') } : others;
}

/** Why `origin` is not an origin a browser sends, or undefined when it is one: `scheme://host[:port]`, nothing after. */
export function originProblem(origin: unknown): string | undefined {
  if (typeof origin !== 'string') return `is ${typeof origin}, not a string`;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `'${origin}' is not a URL`;
  }
  if (url.origin === 'null' || url.origin !== origin)
    return `'${origin}' is not an origin: write scheme://host[:port] with nothing after, such as http://localhost:5173`;
  return undefined;
}
