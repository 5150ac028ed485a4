import { TogglApiError, type TogglNetworkError } from './errors.js';
import type { ResolvedRetry } from './options.js';

/** A header's value as a whole number (digits, spaces around them allowed), else undefined. */
export const parseWholeNumber = (value: string | null): number | undefined =>
  value && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;

/** Seconds from a `Retry-After` header, given as seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = parseWholeNumber(value);
  if (seconds !== undefined) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/**
 * How long to wait before sending the request again, or undefined to give up. Retries follow
 * 429, 5xx and network errors with exponential backoff and full jitter, or the server's own
 * `Retry-After`; an exhausted quota only when it resets within `maxRetryAfterMs`.
 *
 * The exports are POSTs, but they only read: a report computed twice is the same report, so
 * sending one again changes nothing on Toggl's side. Each attempt does count against the hourly
 * quota Toggl keeps per user and organization (30, 240 or 600 requests by plan), so the default
 * of three retries can spend four requests on one export.
 */
export function retryDelay(error: TogglApiError | TogglNetworkError, attempt: number, retry: ResolvedRetry): number | undefined {
  let serverWait: number | undefined;
  if (error instanceof TogglApiError) {
    if (error.reason === 'quota_exhausted') {
      serverWait = error.quotaResetsInSeconds;
      if (serverWait === undefined) return undefined;
    } else if (error.reason === 'rate_limited' || error.reason === 'server_error') {
      serverWait = error.retryAfterSeconds;
    } else {
      return undefined;
    }
  }
  if (serverWait !== undefined) return serverWait * 1000 <= retry.maxRetryAfterMs ? serverWait * 1000 : undefined;
  return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
