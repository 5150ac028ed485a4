import { mentionsSecret, redact } from './redact.js';

/** Why Toggl refused an export, told apart by status and, for 402, by the quota headers. */
export type TogglApiErrorReason =
  | 'bad_request'
  | 'unauthorized'
  | 'quota_exhausted'
  | 'feature_not_enabled'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server_error'
  | 'unexpected_status';

const reasonOfStatus: Record<number, TogglApiErrorReason> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  429: 'rate_limited',
};

function reasonOf(status: number, quotaRemaining: number | undefined, quotaResetsInSeconds: number | undefined): TogglApiErrorReason {
  // Only an exhausted quota carries the quota headers; a 402 without them is a plan limit.
  if (status === 402) return (quotaRemaining ?? quotaResetsInSeconds) === undefined ? 'feature_not_enabled' : 'quota_exhausted';
  const known = reasonOfStatus[status];
  if (known) return known;
  if (status >= 500) return 'server_error';
  return 'unexpected_status';
}

/**
 * Base class of every error a call can fail with, apart from the `TypeError` for unusable
 * arguments or options, and what is passed on as it is: the caller's own abort reason and the
 * file-system errors of `saveTo()`.
 */
export class TogglExportsError extends Error {
  /** The export that failed, e.g. `exportDetailedReport`. */
  declare readonly operationId: string;

  constructor(operationId: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.operationId = operationId;
  }
}

/** What the client read from an error response. */
export interface TogglApiErrorFacts {
  readonly status: number;
  /** The message Toggl sent, e.g. `Workspace needs to have this feature enabled`. */
  readonly serverMessage: string;
  /** Requests sent for this call, retries included. */
  readonly attempts: number;
  /** From `Retry-After`: seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;
  /** From `X-Toggl-Quota-Remaining`: requests left in the hourly quota. */
  readonly quotaRemaining: number | undefined;
  /** From `X-Toggl-Quota-Resets-In`: seconds until the hourly quota starts again. */
  readonly quotaResetsInSeconds: number | undefined;
}

export interface TogglApiError extends TogglApiErrorFacts {}

/** Toggl answered with an error status. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the constructor assigns every fact of the merged interface
export class TogglApiError extends TogglExportsError {
  declare readonly reason: TogglApiErrorReason;

  constructor(operationId: string, facts: TogglApiErrorFacts) {
    const { status, serverMessage, attempts, retryAfterSeconds, quotaRemaining, quotaResetsInSeconds } = facts;
    const reason = reasonOf(status, quotaRemaining, quotaResetsInSeconds);
    const wait = quotaResetsInSeconds ?? retryAfterSeconds;
    super(
      operationId,
      `${operationId} failed with HTTP ${status} (${reason}): ${serverMessage}` +
        (wait === undefined ? '' : `; ${quotaResetsInSeconds === undefined ? 'retry after' : 'the quota resets in'} ${wait} s`) +
        (attempts > 1 ? ` (after ${attempts} attempts)` : ''),
    );
    Object.assign(this, facts, { reason });
  }
}

/** The request never got an answer: connection refused or reset, DNS failure, body cut off. */
export class TogglNetworkError extends TogglExportsError {
  /** Requests sent for this call, retries included. */
  declare readonly attempts: number;

  constructor(operationId: string, detail: string, attempts: number, options?: ErrorOptions) {
    super(operationId, `${operationId} could not reach Toggl: ${detail}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`, options);
    this.attempts = attempts;
  }
}

/**
 * The network error for what `thrown` says, e.g. `fetch failed: other side closed`, after `during`
 * if given, followed by `hint` if given. Credentials are redacted from the message, and a cause
 * that mentions one is left out rather than passed on: a custom fetch could quote the request
 * headers in its error.
 */
export function networkError(
  operationId: string,
  thrown: unknown,
  attempts: number,
  secrets: readonly string[],
  during?: string,
  hint?: string,
): TogglNetworkError {
  const { message, cause } = (thrown ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  const detail = `${String(message ?? thrown)}${cause?.message ? `: ${String(cause.message)}` : ''}`;
  const shown = redact(`${during ? `${during} (${detail})` : detail}${hint ? `. ${hint}` : ''}`, secrets);
  return new TogglNetworkError(operationId, shown, attempts, mentionsSecret(thrown, secrets) ? {} : { cause: thrown });
}

/**
 * For a fetch of `url` that failed in a browser (a page or worker: it has `location`) with the
 * message of a request that got no answer, when `url` is on another origin than the page: says that
 * a blocked cross-origin request rejects the same way, as browsers keep the reason from the page,
 * and which origin to allow. The messages are Chromium's `Failed to fetch`, Firefox's `NetworkError
 * when attempting to fetch resource.` and Safari's `Load failed`. Undefined elsewhere (Node, Bun,
 * Deno, whose errors never say "fetch" where it has a `location`) and for the page's own origin.
 * Kept short: it is in every browser bundle.
 */
export function crossOriginHint(url: string, thrown: unknown): string | undefined {
  const page = globalThis.location?.origin;
  const { origin } = new URL(url);
  if (page && page !== origin && /fetch|Load failed/.test((thrown as Error)?.message))
    return `A browser also reports a blocked cross-origin (CORS) request this way: ${origin} must allow the origin ${page}`;
}

/** No response arrived within the call's `timeout`, retries and waits included. */
export class TogglTimeoutError extends TogglExportsError {
  declare readonly timeoutMs: number;

  constructor(operationId: string, timeoutMs: number) {
    super(operationId, `${operationId} got no response within its timeout of ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

// On the prototype, so minifiers that rename classes keep the names users see and match on.
for (const [ErrorClass, name] of [
  [TogglExportsError, 'TogglExportsError'],
  [TogglApiError, 'TogglApiError'],
  [TogglNetworkError, 'TogglNetworkError'],
  [TogglTimeoutError, 'TogglTimeoutError'],
] as const) {
  ErrorClass.prototype.name = name;
}
